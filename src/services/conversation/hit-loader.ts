import { mayView, type AgendaItem, type Decision, type Viewer } from '../../domain';
import type { Store } from '../../store/port';
import { londonToday } from './conversation-deps';
import { describeDecisionStatuses } from './decision-statuses';
import type { FoundHit } from './found-hit';

/** Turns a stored item or decision into a hit with its committee, meeting and statuses; undefined if not viewable. */
export async function itemHit(item: AgendaItem, viewer: Viewer, store: Store): Promise<FoundHit | undefined> {
  if (!mayView(viewer, item)) return undefined;
  const committee = (await store.committees.get(item.committeeId))?.value;
  if (!committee) return undefined;
  const meeting = item.meetingId ? (await store.meetings.get(item.committeeId, item.meetingId))?.value : undefined;
  return { kind: 'agenda-item', item, committee, meeting };
}

export async function decisionHit(decision: Decision, viewer: Viewer, store: Store, now: Date): Promise<FoundHit | undefined> {
  if (!mayView(viewer, decision)) return undefined;
  const committee = (await store.committees.get(decision.committeeId))?.value;
  if (!committee) return undefined;
  const statuses = await describeDecisionStatuses(decision, committee, store, londonToday(now));
  const all = Object.values(statuses);
  return { kind: 'decision', decision, committee, statuses, status: all.find((s) => !s.final) ?? all[0] };
}
