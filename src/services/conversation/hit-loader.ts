import { mayView, type AgendaItem, type Decision, type Viewer } from '../../domain';
import type { Store } from '../../store/port';
import type { SearchResult } from '../search';
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

/** A search result as a hit: its (latest) decision when it has one, else its agenda item; undefined if not viewable. */
export async function resultHit(
  result: Pick<SearchResult, 'committeeId' | 'decisionId' | 'itemId'>, viewer: Viewer, store: Store, now: Date,
): Promise<FoundHit | undefined> {
  const decision = result.decisionId
    ? (await store.decisions.get(result.committeeId, result.decisionId))?.value
    : result.itemId
      ? (await store.decisions.findByAgendaItem(result.committeeId, result.itemId))?.value
      : undefined;
  if (decision) return decisionHit(decision, viewer, store, now);
  const item = result.itemId ? (await store.agendaItems.get(result.committeeId, result.itemId))?.value : undefined;
  return item ? itemHit(item, viewer, store) : undefined;
}
