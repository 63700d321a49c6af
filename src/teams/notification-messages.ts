import {
  buildNotificationProgressView, formatDateTime, formatDayDate, formatTime, plural,
  renderNotificationProgressCard, type AdaptiveCard,
} from '../cards';
import { addCalendarDays, londonDateOf, type ConversationRecord } from '../domain';
import type { OutgoingMessage, RenderMessage } from '../services/notifications/outgoing-message';
import { UNREACHABLE_REASON_TEXT } from '../services/notifications/unreachable-advice';
import { actionPlanCard, agendaItemCard, decisionCard, meetingDigestCard } from './reply-cards';

/** A message as Teams gets it: plain text (never read as markdown: it may hold an officer's note) and cards. */
export interface RenderedMessage {
  readonly text?: string;
  readonly cards: readonly AdaptiveCard[];
}

/**
 * As the messenger draws it for a conversation the store records (teams-messenger.ts: a personal chat's card refreshes
 * for its user): the officer API's preview of what the outbox would send there.
 */
export const renderForConversation: RenderMessage = (message, chat?: ConversationRecord) => {
  const ref = chat?.reference as { conversation?: { conversationType?: string }; user?: { id?: string } } | undefined;
  return renderOutgoingMessage(message, ref?.conversation?.conversationType === 'personal' ? ref.user?.id : undefined);
};

const when = (startsAt: string | undefined): string => (startsAt ? ` on ${formatDateTime(startsAt)}` : '');

const withNote = (text: string, note: string | undefined): string => (note ? `${text}\n\nFrom democratic services: ${note}` : text);

/**
 * The words and cards of an outgoing message. The words are what Teams shows in its notification and chat list, so
 * they say what it is and what to do; the card carries the content, drawn for its viewer.
 */
export function renderOutgoingMessage(message: OutgoingMessage, recipientUserId?: string): RenderedMessage {
  switch (message.kind) {
    case 'agenda-item': {
      const { item, committee, meeting } = message.details;
      // Posted in a chat: in a channel it carries nobody's own state, and refresh draws each reader their own.
      const card = agendaItemCard(message.details, message.viewer, { audience: 'conversation', now: new Date(), ...(recipientUserId ? { recipientUserIds: [recipientUserId] } : {}) });
      const text =
        message.reason === 'added'
          ? `Added to the agenda of ${committee.name}${when(meeting?.startsAt)}: "${item.title}". Please read the papers and press Acknowledge.`
          : message.reason === 'reminder'
            ? `Reminder: you have not yet acknowledged "${item.title}" (${committee.name}${when(meeting?.startsAt)}). Please read the papers and press Acknowledge.`
            : `${committee.name}: please read "${item.title}" before the meeting${when(meeting?.startsAt)}, and press Acknowledge.`;
      return { text: withNote(text, message.note), cards: [card] };
    }
    case 'meeting-digest': {
      const { meeting, committee, items } = message.agenda;
      const card = meetingDigestCard(message.agenda, message.viewer);
      if (message.reason === 'reminder') {
        return {
          text: `Reminder: ${committee.name} meets${when(meeting.startsAt)}. You have ${plural(items.length, 'item')} still to read and acknowledge.`,
          cards: [card],
        };
      }
      const text =
        meeting.status === 'cancelled'
          ? `The ${committee.name} meeting${when(meeting.startsAt)} has been cancelled.`
          : `The agenda for ${committee.name}${when(meeting.startsAt)} is published: ${plural(items.length, 'item')}. Please read the papers and acknowledge each item.`;
      return { text: withNote(text, message.note), cards: [card] };
    }
    case 'decision': {
      const { decision, committee } = message.details;
      const card = decisionCard(message.details, message.viewer);
      if (message.reason === 'published') {
        const decided = decision.decidedOn ? `, ${formatDayDate(decision.decidedOn)}` : '';
        return { text: `Decision published: "${decision.title}" (${committee.name}${decided}).`, cards: [card] };
      }
      const callIn = message.callIn!;
      const closed = `${formatTime(callIn.closedAt)} on ${formatDayDate(callIn.closedAt)}`;
      const text = callIn.calledIn
        ? `The call-in period for "${decision.title}" ended at ${closed}. It was called in, so it cannot be implemented until scrutiny has considered it.`
        : `The call-in period for "${decision.title}" ended at ${closed}. No call-in has been recorded, so the decision can be implemented from ${formatDayDate(addCalendarDays(londonDateOf(callIn.closedAt), 1))}. (A call-in lodged by e-mail may not have reached this bot yet: democratic services will say if there is one.)`;
      return { text, cards: [card] };
    }
    case 'overdue-actions': {
      const actions = message.plans.flatMap((p) => p.plan.actions);
      const titles = actions.slice(0, 5).map((a) => `"${a.title}"`).join(', ');
      return {
        text: `You have ${plural(actions.length, 'overdue action')}: ${titles}${actions.length > 5 ? ' and more' : ''}. Please post an update (status, percent done, a note) on the card.`,
        cards: message.plans.map((details) => actionPlanCard(details, message.viewer, { audience: 'conversation', now: message.now, ...(recipientUserId ? { recipientUserIds: [recipientUserId] } : {}) })),
      };
    }
    case 'notice':
      return { text: noticeText(message), cards: [] };
    case 'progress': {
      const { report, now } = message;
      const n = report.notification;
      const view = buildNotificationProgressView({
        notificationId: n.id,
        kind: n.kind,
        status: n.status,
        sendAt: n.sendAt,
        about: report.about,
        counts: report.counts,
        unreachable: report.unreachable.map((u) => ({
          name: u.name,
          why: u.unreachable?.why ?? UNREACHABLE_REASON_TEXT['no-chat'],
          advice: u.unreachable?.advice ?? '',
        })),
        failed: report.failed.map((f) => ({ name: f.name, error: f.lastError ?? 'failed' })),
        ...(n.message && n.origin === 'officer' ? { note: n.message } : {}),
        now,
      });
      return { cards: [renderNotificationProgressCard(view)] };
    }
  }
}

/** The words of a notice: what changed, and that the card already sent shows it. */
function noticeText(message: Extract<OutgoingMessage, { kind: 'notice' }>): string {
  const { change, committeeName } = message;
  switch (change.kind) {
    case 'meeting-cancelled':
      return `The ${committeeName} meeting on ${formatDateTime(change.startsAt)} has been cancelled. The agenda card I sent you has been updated.`;
    case 'meeting-postponed':
      return `The ${committeeName} meeting on ${formatDateTime(change.startsAt)} has been postponed: a new date will follow. The agenda card I sent you has been updated.`;
    case 'meeting-moved': {
      const venue = change.to.venue && change.to.venue !== change.from.venue ? `, at ${change.to.venue}` : '';
      const when = change.to.startsAt !== change.from.startsAt ? `now ${formatDateTime(change.to.startsAt)}` : `still ${formatDateTime(change.to.startsAt)}`;
      return `The ${committeeName} meeting has changed: it is ${when}${venue} (it was ${formatDateTime(change.from.startsAt)}${change.from.venue ? `, at ${change.from.venue}` : ''}). The agenda card I sent you has been updated.`;
    }
    case 'papers-added':
      return `New papers for "${message.itemTitle ?? 'an agenda item'}" (${committeeName}): ${change.titles.map((t) => `"${t}"`).join(', ')}. The item's card I sent you now lists them.`;
  }
}
