import type { AgendaItem, Committee, Meeting } from '../domain';
import { formatDateTime } from './format-date';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural } from './text';

export interface NotificationConfirmView {
  readonly committeeId: string;
  /** One of these two: the item's card, or the meeting's digest. */
  readonly agendaItemId: string;
  readonly meetingId: string;
  /** "Send this agenda item?" / "Send this agenda?" */
  readonly question: string;
  readonly title: string;
  readonly context: string;
  /** "To 7 members of Cabinet, each in their chat with the bot." */
  readonly audienceText: string;
  /** "5 can be reached in Teams now." */
  readonly reachableText: string;
  readonly unreachableHeading: string;
  readonly unreachable: readonly { readonly name: string; readonly why: string }[];
  readonly moreUnreachableText: string;
  /** Exempt items: "Exempt: it goes only to ... personal chats." */
  readonly exemptText: string;
  /** "It is quiet hours now: it will be sent at 8am." */
  readonly timingText: string;
}

export interface NotificationConfirmCardInput {
  readonly committee: Committee;
  readonly item?: AgendaItem;
  readonly meeting?: Meeting;
  readonly memberCount: number;
  readonly reachableCount: number;
  readonly unreachable: readonly { readonly name: string; readonly why: string }[];
  /** When it would go, if not at once (quiet hours): already in words. */
  readonly sendsAtText?: string;
}

const LIMITS = { title: 300, names: 15, name: 80, why: 200 };

export const buildNotificationConfirmView = (input: NotificationConfirmCardInput): NotificationConfirmView => {
  const { committee, item, meeting } = input;
  const shown = firstOf(input.unreachable, LIMITS.names);
  return {
    committeeId: committee.id,
    agendaItemId: item?.id ?? '',
    meetingId: item ? '' : (meeting?.id ?? ''),
    question: item ? 'Send this agenda item to the committee?' : 'Send this agenda to the committee?',
    title: clip(item ? item.title : `${committee.name} agenda`, LIMITS.title),
    context: [committee.name, meeting ? formatDateTime(meeting.startsAt) : undefined].filter(Boolean).join(' · '),
    audienceText: `To ${plural(input.memberCount, `member of ${committee.name}`, `members of ${committee.name}`)}, each in their own chat with the bot, with an Acknowledge button.`,
    reachableText:
      input.reachableCount === input.memberCount
        ? `All ${input.memberCount} can be reached in Teams now.`
        : `${input.reachableCount} of ${input.memberCount} can be reached in Teams now.`,
    unreachableHeading: input.unreachable.length > 0 ? `Not reachable yet (${input.unreachable.length}): the bot will try to reach them, and the progress card will say what to do` : '',
    unreachable: shown.shown.map((u) => ({ name: clip(u.name, LIMITS.name), why: clip(u.why, LIMITS.why) })),
    moreUnreachableText: shown.moreCount > 0 ? `${plural(shown.moreCount, 'more')} not shown.` : '',
    exemptText: item?.exempt ? 'Exempt (Part 2): it goes only to members of the committee, in their personal chats, never to a channel.' : '',
    timingText: input.sendsAtText ?? '',
  };
};

export const renderNotificationConfirmCard = (view: NotificationConfirmView): AdaptiveCard => renderTemplate('notification-confirm', view);
