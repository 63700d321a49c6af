import { callInClosesAt, DomainError, isOverdue, mayView, notificationSettingsOf, type Delivery, type Member, type Notification, type Viewer } from '../../domain';
import type { Store } from '../../store/port';
import { londonToday } from '../conversation/conversation-deps';
import { detailsOf } from '../conversation/item-details';
import { listMyActions } from '../conversation/list-my-actions';
import { meetingAgenda } from '../conversation/meeting-agenda';
import { openActionPlan } from '../conversation/open-action-plan';
import { loadDecisionDetails } from '../conversation/open-decision';
import { loadSubject } from './notification-subject';
import type { OutgoingMessage } from './outgoing-message';

export interface ComposeDeps {
  readonly store: Store;
  readonly now: () => Date;
}

/** Outcome statuses that mean a call-in was recorded before the period ended. */
const CALLED_IN = new Set(['called-in', 'confirmed', 'referred-back']);

/**
 * What one recipient is sent, drawn from the records as they are now (an item's latest papers, the member's own
 * acknowledgements). Undefined when there is nothing left to say to them: a reminder to someone who has meanwhile read
 * everything, an overdue-actions reminder when the actions were brought up to date. Throws DomainError('forbidden')
 * when the recipient may no longer see the subject (they left the committee of an exempt item), and 'not-found' when
 * the subject is gone: the sender records either as a failed delivery with that reason.
 */
export async function composeMessage(
  notification: Notification,
  delivery: Pick<Delivery, 'recipient' | 'redraw'>,
  member: Member | undefined,
  deps: ComposeDeps,
): Promise<OutgoingMessage | undefined> {
  const { store } = deps;
  if (delivery.redraw) {
    const original = (await store.notifications.get(delivery.redraw.notificationId))?.value;
    if (!original) throw new DomainError('not-found', `The notification whose card this redraws (${delivery.redraw.notificationId}) is gone.`);
    return composeMessage(original, { recipient: delivery.recipient }, member, deps);
  }
  const viewer: Viewer = member ? { member, where: 'personal' } : { where: delivery.recipient.kind === 'channel' ? 'channel' : 'personal' };
  const note = notification.origin === 'officer' ? notification.message : undefined;
  const subject = await loadSubject(notification, store);
  if (notification.kind === 'notice') {
    if (!notification.change || subject.kind === 'member') throw new DomainError('invalid', 'A notice says what changed about a meeting or an item.');
    return {
      kind: 'notice',
      change: notification.change,
      committeeName: subject.committee.name,
      ...(subject.kind === 'item' ? { itemTitle: subject.item.title } : {}),
    };
  }

  switch (notification.kind) {
    case 'agenda-item': {
      if (subject.kind !== 'item') throw new DomainError('invalid', 'An agenda-item notification must name an agenda item.');
      forbidUnlessVisible(viewer, subject.item);
      const details = await detailsOf(subject.item, viewer, store);
      return { kind: 'agenda-item', reason: notification.origin === 'officer' ? 'pushed' : 'added', details, viewer, ...(note ? { note } : {}) };
    }
    case 'meeting-digest':
    case 'reminder': {
      if (subject.kind === 'item' && notification.kind === 'reminder') {
        // An officer's reminder about one item, to those who had not acknowledged it.
        forbidUnlessVisible(viewer, subject.item);
        const details = await detailsOf(subject.item, viewer, store);
        if (details.acknowledgement) return undefined;
        return { kind: 'agenda-item', reason: 'reminder', details, viewer, ...(note ? { note } : {}) };
      }
      if (subject.kind !== 'meeting') throw new DomainError('invalid', 'A meeting notification must name a meeting.');
      const myAcknowledgements = member ? await store.acknowledgements.listByMember(member.id) : [];
      const agenda = await meetingAgenda(subject.meeting, subject.committee, viewer, myAcknowledgements, store);
      if (notification.kind === 'meeting-digest') {
        return { kind: 'meeting-digest', reason: notification.origin === 'officer' ? 'pushed' : 'published', agenda, viewer, ...(note ? { note } : {}) };
      }
      const done = new Set(myAcknowledgements.map((a) => a.agendaItemId));
      const toRead = agenda.items.filter((i) => !done.has(i.id));
      if (toRead.length === 0) return undefined;
      return { kind: 'meeting-digest', reason: 'reminder', agenda: { ...agenda, items: toRead }, viewer };
    }
    case 'decision-published':
    case 'call-in-ended': {
      if (subject.kind !== 'decision') throw new DomainError('invalid', 'A decision notification must name a decision.');
      forbidUnlessVisible(viewer, subject.decision);
      const details = await loadDecisionDetails({ committeeId: subject.committee.id, decisionId: subject.decision.id }, viewer, deps);
      if (notification.kind === 'decision-published') return { kind: 'decision', reason: 'published', details, viewer };
      const publishedOn = subject.decision.publishedOn ?? subject.decision.decidedOn;
      const days = subject.committee.callInWorkingDays;
      return {
        kind: 'decision',
        reason: 'call-in-ended',
        details,
        viewer,
        callIn: {
          closedAt: publishedOn ? callInClosesAt(publishedOn, days) : notification.sendAt,
          calledIn: subject.decision.outcomes.some((o) => CALLED_IN.has(o.status)),
        },
      };
    }
    case 'overdue-actions': {
      if (!member) throw new DomainError('invalid', 'Overdue actions go to their owner.');
      const today = londonToday(deps.now());
      const committees = new Map((await store.committees.list()).map((c) => [c.id, c]));
      const actions = (await listMyActions({ overdueOnly: true }, viewer, deps)).filter((a) => {
        const committee = committees.get(a.plan.committeeId);
        return committee !== undefined && notificationSettingsOf(committee).overdueActions === 'notify' && a.plan.actions.some((x) => isOverdue(x, today));
      });
      if (actions.length === 0) return undefined;
      const plans = await Promise.all(
        actions.map(async (mine) => {
          const details = await openActionPlan({ committeeId: mine.plan.committeeId, actionPlanId: mine.plan.id }, viewer, deps);
          return { ...details, plan: { ...details.plan, actions: mine.plan.actions.filter((a) => isOverdue(a, today)) } };
        }),
      );
      return { kind: 'overdue-actions', plans, viewer, now: deps.now() };
    }
    case 'card-update':
      throw new DomainError('invalid', 'A card update names the notification whose card it redraws.');
  }
}

/** Exempt business is checked again at the moment of sending: membership may have changed since it was planned. */
function forbidUnlessVisible(viewer: Viewer, subject: { readonly exempt: boolean; readonly committeeId: string }): void {
  if (!mayView(viewer, subject)) {
    throw new DomainError('forbidden', 'exempt business: the recipient is no longer entitled to see it (not on the committee, or not a personal chat)');
  }
}
