import { isOverdue, notificationSettingsOf, type Notification } from '../../domain';
import { londonToday } from '../conversation/conversation-deps';
import type { NotificationDeps } from './notification-deps';
import { plannedNotificationId } from './notification-ids';
import { recordNotification } from './record-notification';

/** When the daily sweep runs, London time: after quiet hours, at the start of the working day. */
export const OVERDUE_SWEEP_TIME = '09:00';

/**
 * The daily sweep: each owner of an overdue action (on a plan of a committee that wants these reminders) gets one
 * reminder listing their overdue actions. At most once a day: the notification's id is the owner and the date, so a
 * second sweep the same day (a restart, another instance) plans nothing new. Answers how many owners it planned for.
 */
export async function planOverdueReminders(deps: NotificationDeps): Promise<number> {
  const { store } = deps;
  const now = deps.now();
  const today = londonToday(now);
  const committees = new Map((await store.committees.list()).map((c) => [c.id, c]));
  const owners = new Set<string>();
  for (const plan of await store.actionPlans.listWithOverdueActions(today)) {
    const committee = committees.get(plan.committeeId);
    if (!committee || notificationSettingsOf(committee).overdueActions !== 'notify') continue;
    for (const action of plan.actions) if (isOverdue(action, today)) owners.add(action.ownerMemberId);
  }
  const at = now.toISOString();
  for (const ownerId of owners) {
    const dedupeKey = `overdue-actions|${ownerId}|${today}`;
    const notification: Notification = {
      id: plannedNotificationId(dedupeKey),
      kind: 'overdue-actions',
      subject: { memberId: ownerId },
      audience: { committeeIds: [], memberIds: [ownerId], channelIds: [] },
      resolveAudience: 'when-due',
      urgent: false,
      origin: 'schedule',
      sendAt: at,
      status: 'scheduled',
      prepared: false,
      createdBy: 'schedule',
      createdAt: at,
      updatedAt: at,
      dedupeKey,
    };
    await recordNotification(notification, deps);
  }
  return owners.size;
}
