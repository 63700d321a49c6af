import {
  callInClosesAt, isCalledOff, isFinalNotificationStatus, notificationSettingsOf, notificationWorkId, sendableFrom,
  type AgendaItem, type Committee, type Decision, type Meeting, type NoticeChange, type Notification, type NotificationKind,
  type NotificationSubject,
} from '../../domain';
import type { NotificationDeps } from './notification-deps';
import { plannedNotificationId } from './notification-ids';
import { recordNotification, scheduleWork } from './record-notification';

/** What an import stored, as the planner needs it. */
export interface ImportedRecords {
  readonly pageKind: 'agenda-item-text' | 'decision-html' | 'meeting-xml' | string;
  readonly committee: Committee;
  readonly meeting: Meeting | null;
  /** The meeting as it was stored before this import. */
  readonly meetingBefore?: Meeting;
  readonly agendaItems: readonly AgendaItem[];
  readonly decision: Decision | null;
  readonly writes: ReadonlyArray<{ readonly record: 'committee' | 'meeting' | 'agenda-item' | 'decision'; readonly id: string; readonly action: 'created' | 'updated' | 'unchanged' }>;
}

export interface PlannedNotifications {
  readonly planned: ReadonlyArray<{ readonly id: string; readonly kind: NotificationKind; readonly status: Notification['status']; readonly sendAt: string }>;
  /** Planning failed after the records were stored: importing the page again plans what is missing. */
  readonly problem?: string;
}

/** A decision imported long after it was published is history, not news: no notice for it. */
const DECISION_NEWS_DAYS = 14;
const DAY_MS = 86_400_000;

/**
 * What members are told because of an import, planned from the records as now stored, per the committee's
 * notification settings (domain/committee.ts):
 * - an upcoming meeting's agenda published (a GetMeeting answer): the agenda to the committee, once, however often it is
 *   imported; an item added to an agenda already sent, or imported on its own: that item's card;
 * - a reminder a set time before the meeting to those who have not acknowledged everything (moved when the meeting moves);
 * - an item whose record changed: the cards already sent redrawn in place, and a notice when papers were added;
 * - a meeting cancelled, postponed, or moved to another time or place: its cards redrawn, and a notice;
 * - a decision published (recently): a notice to the committee and the portfolio holder, and one when its call-in
 *   period ends.
 * Every notification's id comes from what caused it, so planning twice (a re-import, a retry) plans once.
 */
export async function planNotificationsAfterImport(imported: ImportedRecords, deps: NotificationDeps): Promise<PlannedNotifications> {
  const planned: Array<PlannedNotifications['planned'][number]> = [];
  try {
    await planAll(imported, deps, (n) => planned.push({ id: n.id, kind: n.kind, status: n.status, sendAt: n.sendAt }));
    return { planned };
  } catch (error) {
    return { planned, problem: `The records were stored, but the notifications they call for could not all be planned (${error instanceof Error ? error.message : String(error)}): import the page again to plan them.` };
  }
}

async function planAll(imported: ImportedRecords, deps: NotificationDeps, note: (n: Notification) => void): Promise<void> {
  const { store } = deps;
  const now = deps.now();
  const { committee } = imported;
  const settings = notificationSettingsOf(committee);
  const actionOf = (record: 'meeting' | 'agenda-item' | 'decision', id: string) => imported.writes.find((w) => w.record === record && w.id === id)?.action;

  const plan = async (dedupeKey: string, fields: Pick<Notification, 'kind' | 'subject'> & Partial<Notification>): Promise<Notification> => {
    const at = now.toISOString();
    const { notification } = await recordNotification(
      {
        id: plannedNotificationId(dedupeKey),
        committeeId: committee.id,
        audience: { committeeIds: [committee.id], memberIds: [], channelIds: [] },
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
        ...fields,
      },
      deps,
    );
    note(notification);
    return notification;
  };
  /** Redraws the cards already sent about a subject, if any were. */
  const redraw = async (subjectKey: string, dedupeKey: string, subject: NotificationSubject): Promise<boolean> => {
    if ((await store.notifications.listSentDeliveriesAbout(subjectKey)).length === 0) return false;
    await plan(dedupeKey, { kind: 'card-update', subject });
    return true;
  };

  const meeting = imported.meeting ?? (await meetingOfItems(imported, deps));
  const upcoming = meeting !== undefined && !isCalledOff(meeting) && Date.parse(meeting.startsAt) > now.getTime();
  const itemsOfMeeting = meeting ? imported.agendaItems.filter((i) => i.meetingId === meeting.id) : [];
  const createdItems = itemsOfMeeting.filter((i) => actionOf('agenda-item', i.id) === 'created');

  // The agenda, and items added to it.
  if (meeting && upcoming && settings.agendaPublished !== 'off') {
    const held = settings.agendaPublished === 'hold' ? { status: 'held' as const } : {};
    const agendaKey = `agenda-published|${meeting.id}`;
    const agendaSentBefore = (await store.notifications.get(plannedNotificationId(agendaKey))) !== undefined;
    const publishesAgenda = imported.pageKind === 'meeting-xml' && (meeting.agendaPublishedAt !== undefined || itemsOfMeeting.length > 0);
    if (publishesAgenda && !agendaSentBefore) {
      await plan(agendaKey, { kind: 'meeting-digest', subject: { meetingId: meeting.id }, ...held });
    } else {
      for (const item of createdItems) {
        await plan(`item-added|${item.id}`, { kind: 'agenda-item', subject: { agendaItemId: item.id, meetingId: meeting.id }, ...held });
      }
    }
  }

  // The reminder before the meeting: one per meeting, following it when it moves.
  if (meeting && settings.reminderHoursBefore !== null && (itemsOfMeeting.length > 0 || (await store.agendaItems.listByMeeting(committee.id, meeting.id)).length > 0)) {
    await planReminder(meeting, settings.reminderHoursBefore, upcoming, deps, plan);
  }

  // A meeting cancelled, postponed or moved: its cards redrawn, and a notice to those who were sent them (as the agenda,
  // once: the notice's id comes from the meeting's new state, however many syncs see it).
  const before = imported.meetingBefore;
  if (meeting && before && actionOf('meeting', meeting.id) === 'updated') {
    const change: NoticeChange | undefined =
      meeting.status === 'cancelled' && before.status !== 'cancelled'
        ? { kind: 'meeting-cancelled', startsAt: before.startsAt }
        : meeting.status === 'postponed' && before.status !== 'postponed'
          ? { kind: 'meeting-postponed', startsAt: before.startsAt }
          : meeting.startsAt !== before.startsAt || (meeting.venue ?? '') !== (before.venue ?? '')
          ? { kind: 'meeting-moved', from: { startsAt: before.startsAt, ...(before.venue ? { venue: before.venue } : {}) }, to: { startsAt: meeting.startsAt, ...(meeting.venue ? { venue: meeting.venue } : {}) } }
          : undefined;
    if (change && Date.parse(before.startsAt) > now.getTime()) {
      const version = `${meeting.status}|${meeting.startsAt}|${meeting.venue ?? ''}`;
      if (await redraw(`meeting:${meeting.id}`, `card-update|meeting|${meeting.id}|${version}`, { meetingId: meeting.id })) {
        await plan(`notice|meeting|${meeting.id}|${version}`, { kind: 'notice', subject: { meetingId: meeting.id }, change });
      }
    }
  }

  // Items whose record changed: their cards redrawn; new papers announced.
  for (const item of imported.agendaItems) {
    if (actionOf('agenda-item', item.id) !== 'updated') continue;
    const subject = { agendaItemId: item.id, ...(item.meetingId ? { meetingId: item.meetingId } : {}) };
    const redrawn = await redraw(`item:${item.id}`, `card-update|item|${item.id}|${item.updatedAt}`, subject);
    const added = papersAdded(item);
    if (redrawn && added.length > 0) {
      await plan(`notice|item|${item.id}|${item.updatedAt}`, { kind: 'notice', subject, change: { kind: 'papers-added', titles: added.slice(0, 20) } });
    }
  }

  // A decision published: a notice, and one when its call-in period ends.
  const decision = imported.decision;
  if (decision) {
    const decisionAction = actionOf('decision', decision.id);
    const publishedOn = decision.publishedOn ?? decision.decidedOn;
    const recent = publishedOn !== undefined && now.getTime() - Date.parse(`${publishedOn}T00:00:00Z`) <= DECISION_NEWS_DAYS * DAY_MS;
    if (decisionAction === 'created' && recent && settings.decisionPublished === 'notify') {
      await plan(`decision-published|${decision.id}`, { kind: 'decision-published', subject: { decisionId: decision.id } });
    }
    if (decisionAction === 'created' && decision.agendaItemId) {
      // The item's cards now have "View decision".
      await redraw(`item:${decision.agendaItemId}`, `card-update|item|${decision.agendaItemId}|decision|${decision.id}`, { agendaItemId: decision.agendaItemId });
    }
    const inCallIn = decision.outcomes.some((o) => o.status === 'call-in-open');
    if (inCallIn && publishedOn && settings.callInEnded !== 'off') {
      const closesAt = callInClosesAt(publishedOn, committee.callInWorkingDays);
      if (Date.parse(closesAt) > now.getTime()) {
        await plan(`call-in-ended|${decision.id}`, {
          kind: 'call-in-ended',
          subject: { decisionId: decision.id },
          sendAt: closesAt,
          ...(settings.callInEnded === 'hold' ? { status: 'held' as const } : {}),
        });
      }
    }
  }
}

/** Papers an item gained in its latest change (its history says what the documents were before). */
function papersAdded(item: AgendaItem): string[] {
  const last = item.history.at(-1);
  const change = last?.changes.find((c) => c.field === 'documents');
  if (!change) return [];
  const titles = (v: unknown) => (Array.isArray(v) ? v.map((d) => (d as { title?: unknown }).title).filter((t): t is string => typeof t === 'string') : []);
  const before = new Set(titles(change.from));
  return item.documents.filter((d) => !before.has(d.title) && !d.restricted).map((d) => d.title);
}

async function meetingOfItems(imported: ImportedRecords, deps: NotificationDeps): Promise<Meeting | undefined> {
  const meetingId = imported.agendaItems.find((i) => i.meetingId)?.meetingId;
  return meetingId ? (await deps.store.meetings.get(imported.committee.id, meetingId))?.value : undefined;
}

/**
 * One reminder per meeting, `hours` before it. When the meeting moves, a reminder still waiting moves with it (or is
 * cancelled when the new time leaves no room); one already sent stays sent.
 */
async function planReminder(
  meeting: Meeting,
  hours: number,
  upcoming: boolean,
  deps: NotificationDeps,
  plan: (dedupeKey: string, fields: Pick<Notification, 'kind' | 'subject'> & Partial<Notification>) => Promise<Notification>,
): Promise<void> {
  const { store } = deps;
  const now = deps.now();
  const dedupeKey = `reminder|${meeting.id}`;
  const at = new Date(Date.parse(meeting.startsAt) - hours * 3_600_000);
  const existing = await store.notifications.get(plannedNotificationId(dedupeKey));
  if (!existing) {
    if (upcoming && at.getTime() > now.getTime()) await plan(dedupeKey, { kind: 'reminder', subject: { meetingId: meeting.id }, sendAt: at.toISOString() });
    return;
  }
  const reminder = existing.value;
  if (isFinalNotificationStatus(reminder.status) || reminder.prepared) return;
  const stillTime = upcoming && at.getTime() > now.getTime();
  // Unmoved and still to come: nothing to do. A meeting called off at its old date still cancels its reminder.
  if (stillTime && reminder.sendAt === at.toISOString()) return;
  await store.notifications.replace(
    stillTime
      ? { ...reminder, sendAt: at.toISOString(), updatedAt: now.toISOString() }
      : { ...reminder, status: 'cancelled', cancelledAt: now.toISOString(), cancelledBy: 'schedule', updatedAt: now.toISOString() },
    existing.etag,
  );
  const work = await store.dueWork.get(notificationWorkId(reminder.id));
  if (work && stillTime) {
    await store.dueWork.replace({ ...work.value, dueAt: sendableFrom(at, false, deps.quietHours).toISOString(), updatedAt: now.toISOString() }, work.etag);
  } else if (!work && stillTime && reminder.status === 'scheduled') {
    await scheduleWork({ ...reminder, sendAt: at.toISOString() }, deps);
  }
}
