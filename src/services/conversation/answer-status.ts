import { mayView, type AgendaItem, type Committee, type Decision, type Meeting, type StatusDescription, type Viewer } from '../../domain';
import { askerFor, QUESTION_COVERAGE } from './asker';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { describeDecisionStatuses } from './decision-statuses';

export type StatusAnswer =
  | {
      readonly kind: 'decision';
      readonly decision: Decision;
      readonly committee: Committee;
      readonly statuses: Record<number, StatusDescription>;
    }
  /** The best match is an agenda item not yet decided: its card says when it will be. */
  | { readonly kind: 'not-yet-decided'; readonly item: AgendaItem; readonly committee: Committee; readonly meeting?: Meeting }
  | { readonly kind: 'nothing-found'; readonly query: string; readonly suggestions: readonly string[] };

const SUGGESTIONS = ['Try fewer or different words, e.g. "status community safety".', 'Type "decisions" for the last 30 days of decisions.', 'Type "agenda" for the next meetings.'];

/** "status community safety strategy": the best-matching decision and the status of each of its outcomes. */
export async function answerStatusQuery(query: string, viewer: Viewer, deps: ConversationDeps): Promise<StatusAnswer> {
  const { store } = deps;
  const results = await deps.search.search(query, askerFor(viewer), { limit: 5, minimumCoverage: QUESTION_COVERAGE });
  for (const result of results) {
    const decision = result.decisionId
      ? (await store.decisions.get(result.committeeId, result.decisionId))?.value
      : result.itemId
        ? (await store.decisions.findByAgendaItem(result.committeeId, result.itemId))?.value
        : undefined;
    const committee = (await store.committees.get(result.committeeId))?.value;
    if (!committee) continue;
    if (decision && mayView(viewer, decision)) {
      return { kind: 'decision', decision, committee, statuses: await describeDecisionStatuses(decision, committee, store, londonToday(deps.now())) };
    }
    const item = result.itemId ? (await store.agendaItems.get(result.committeeId, result.itemId))?.value : undefined;
    if (item && mayView(viewer, item)) {
      const meeting = item.meetingId ? (await store.meetings.get(item.committeeId, item.meetingId))?.value : undefined;
      return { kind: 'not-yet-decided', item, committee, meeting };
    }
  }
  return { kind: 'nothing-found', query, suggestions: SUGGESTIONS };
}
