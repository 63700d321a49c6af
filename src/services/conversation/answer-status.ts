import { mayView, type ActionPlan, type AgendaItem, type Committee, type Decision, type Meeting, type StatusDescription, type Viewer } from '../../domain';
import { describeFilters, passageFor, passageSourcesOf, type Passage, type SearchResult } from '../search';
import { shownDecision, shownItem } from '../audit/exempt-views';
import { askQuestion } from './ask-question';
import { askerFor } from './asker';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { describeDecisionStatuses } from './decision-statuses';
import type { FoundHit } from './found-hit';
import { resultHit } from './hit-loader';

/** Why the answer is this record: the passage that matched, and the filters the question applied. */
export interface Found {
  readonly passage?: Passage;
  /** In words: "Scrutiny Committee", "in November 2021". */
  readonly filters: readonly string[];
  /** The filters matched nothing: this is the best match without them. */
  readonly relaxed: boolean;
}

export type StatusAnswer =
  | {
      readonly kind: 'decision';
      readonly decision: Decision;
      readonly committee: Committee;
      readonly statuses: Record<number, StatusDescription>;
      /** Its action plan, if it has one: the same decision card whichever way it was reached (see open-decision.ts). */
      readonly actionPlan?: ActionPlan;
      readonly found: Found;
    }
  /** The best match is an agenda item not yet decided: its card says when it will be. */
  | { readonly kind: 'not-yet-decided'; readonly item: AgendaItem; readonly committee: Committee; readonly meeting?: Meeting; readonly found: Found }
  /** A question of filters alone ("what did Council decide last month"): what passes them, latest first. */
  | { readonly kind: 'list'; readonly hits: readonly FoundHit[]; readonly filters: readonly string[] }
  | {
      readonly kind: 'nothing-found';
      readonly query: string;
      readonly filters: readonly string[];
      /** Real suggestions: words the index knows near the question's, and the nearest titles the viewer may see. */
      readonly suggestions: { readonly words: readonly string[]; readonly titles: readonly string[] };
    };

const LIST_LIMIT = 10;

/**
 * "status community safety strategy", or any question: the best-matching decision and the status of each of its
 * outcomes, with why it matched; an undecided item's card; for filters alone, the list of what passes them.
 */
export async function answerStatusQuery(query: string, viewer: Viewer, deps: ConversationDeps): Promise<StatusAnswer> {
  const { store } = deps;
  const answer = await askQuestion(query, viewer, deps, LIST_LIMIT);
  const filters = describeFilters(answer.question.filters);
  if (answer.question.terms.length === 0 && answer.results.length > 0) {
    const hits = await hitsOf(answer.results, viewer, deps);
    if (hits.length > 0) {
      await deps.views.shown(viewer, hits.map(shownOfHit));
      return { kind: 'list', hits, filters };
    }
  }
  for (const result of answer.results.slice(0, 5)) {
    const decision = result.decisionId
      ? (await store.decisions.get(result.committeeId, result.decisionId))?.value
      : result.itemId
        ? (await store.decisions.findByAgendaItem(result.committeeId, result.itemId))?.value
        : undefined;
    const committee = (await store.committees.get(result.committeeId))?.value;
    if (!committee) continue;
    if (decision && mayView(viewer, decision)) {
      const [passage, statuses, plan] = await Promise.all([
        passageOf(result, decision, deps),
        describeDecisionStatuses(decision, committee, store, londonToday(deps.now())),
        store.actionPlans.findByDecision(decision.committeeId, decision.id),
      ]);
      await deps.views.shown(viewer, [shownDecision(decision)]);
      return {
        kind: 'decision', decision, committee, statuses, ...(plan ? { actionPlan: plan.value } : {}),
        found: { ...(passage ? { passage } : {}), filters, relaxed: answer.relaxed },
      };
    }
    const item = result.itemId ? (await store.agendaItems.get(result.committeeId, result.itemId))?.value : undefined;
    if (item && mayView(viewer, item)) {
      const meeting = item.meetingId ? (await store.meetings.get(item.committeeId, item.meetingId))?.value : undefined;
      const passage = passageFor(passageSourcesOf(item, []), result.matchedTerms);
      await deps.views.shown(viewer, [shownItem(item)]);
      return { kind: 'not-yet-decided', item, committee, meeting, found: { ...(passage ? { passage } : {}), filters, relaxed: answer.relaxed } };
    }
  }
  const suggestions = await deps.search.suggest(answer.question.text || query, askerFor(viewer));
  return { kind: 'nothing-found', query, filters, suggestions };
}

/** The passage from the decision; from its agenda item as well (one more read) only when the decision has none. */
async function passageOf(result: SearchResult, decision: Decision, deps: ConversationDeps): Promise<Passage | undefined> {
  const fromDecision = passageFor(passageSourcesOf(undefined, [decision]).filter((s) => s.field !== 'title'), result.matchedTerms);
  if (fromDecision || !decision.agendaItemId) return fromDecision ?? passageFor(passageSourcesOf(undefined, [decision]), result.matchedTerms);
  const item = (await deps.store.agendaItems.get(decision.committeeId, decision.agendaItemId))?.value;
  return passageFor(passageSourcesOf(item, [decision]), result.matchedTerms);
}

async function hitsOf(results: readonly SearchResult[], viewer: Viewer, deps: ConversationDeps): Promise<FoundHit[]> {
  const hits: FoundHit[] = [];
  for (const result of results) {
    const hit = await resultHit(result, viewer, deps.store, deps.now());
    if (hit) hits.push(hit);
  }
  return hits;
}

export const shownOfHit = (hit: FoundHit) => (hit.kind === 'decision' ? shownDecision(hit.decision) : shownItem(hit.item));
