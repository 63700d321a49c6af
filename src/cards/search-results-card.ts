import type { ActionPlan, AgendaItem, Committee, Decision, Meeting, StatusDescription } from '../domain';
import { ragCountsText } from './action-plan-card';
import { formatDateTime, formatDayDate } from './format-date';
import type { TextColour } from './rag';
import { formatStatus } from './status-text';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural } from './text';
import { Verbs, type Verb } from './verbs';

export type SearchHit =
  | { readonly kind: 'agenda-item'; readonly item: AgendaItem; readonly committee: Committee; readonly meeting?: Meeting }
  | {
      readonly kind: 'decision';
      readonly decision: Decision;
      readonly committee: Committee;
      /** The status most worth showing (the caller's choice, from domain/decision-status.ts). */
      readonly status?: StatusDescription;
    }
  | { readonly kind: 'action-plan'; readonly plan: ActionPlan; readonly committee: Committee };

export interface SearchResultView {
  readonly kindLabel: string;
  readonly title: string;
  readonly detail: string;
  readonly statusText: string;
  readonly statusColour: TextColour;
  readonly openTitle: string;
  readonly verb: Verb;
  /** Locators only, as the verb's handler expects them. */
  readonly data: Record<string, string>;
  /** The same plus the verb, for clients without Universal Actions. */
  readonly submitData: Record<string, string>;
}

export interface SearchResultsView {
  /** "3 results for " (the query follows in bold, as literal text). */
  readonly summaryText: string;
  readonly query: string;
  readonly results: readonly SearchResultView[];
  readonly moreResultsText: string;
}

// Message-extension results must fit in 28 KB, and a phone shows few anyway.
const LIMITS = { results: 10, title: 200, query: 100 };

const resultOf = (hit: SearchHit): SearchResultView => {
  const open = (verb: Verb, openTitle: string, data: Record<string, string>) => ({ verb, openTitle, data, submitData: { ...data, verb } });
  switch (hit.kind) {
    case 'agenda-item': {
      const { item, committee, meeting } = hit;
      return {
        kindLabel: item.exempt ? 'AGENDA ITEM · 🔒 EXEMPT' : 'AGENDA ITEM',
        title: clip(item.title, LIMITS.title),
        detail: [committee.name, meeting ? formatDateTime(meeting.startsAt) : '', item.number ? `Item ${item.number}` : ''].filter(Boolean).join(' · '),
        statusText: '',
        statusColour: 'default',
        ...open(Verbs.viewItem, 'Open agenda item', { committeeId: item.committeeId, agendaItemId: item.id }),
      };
    }
    case 'decision': {
      const { decision, committee, status } = hit;
      const text = status ? formatStatus(status) : undefined;
      return {
        kindLabel: 'DECISION',
        title: clip(decision.title, LIMITS.title),
        detail: [committee.name, decision.decidedOn ? `Decided ${formatDayDate(decision.decidedOn)}` : ''].filter(Boolean).join(' · '),
        statusText: text ? [text.headline, text.next].filter(Boolean).join('. ') : '',
        statusColour: text?.colour ?? 'default',
        ...open(Verbs.viewDecision, 'Open decision', { committeeId: decision.committeeId, decisionId: decision.id }),
      };
    }
    case 'action-plan': {
      const { plan, committee } = hit;
      return {
        kindLabel: 'ACTION PLAN',
        title: clip(plan.title, LIMITS.title),
        detail: `${committee.name} · ${ragCountsText(plan)}`,
        statusText: '',
        statusColour: 'default',
        ...open(Verbs.viewActionPlan, 'Open action plan', { committeeId: plan.committeeId, actionPlanId: plan.id }),
      };
    }
  }
};

export const buildSearchResultsView = (input: { query: string; hits: readonly SearchHit[] }): SearchResultsView => {
  const { shown, moreCount } = firstOf(input.hits, LIMITS.results);
  const query = clip(input.query, LIMITS.query);
  const count = plural(input.hits.length, 'result');
  return {
    summaryText: query ? `${input.hits.length === 0 ? 'No results' : count} for ` : count,
    query,
    results: shown.map(resultOf),
    moreResultsText: moreCount > 0 ? `${plural(moreCount, 'more result')}: add a word or two to narrow the search.` : '',
  };
};

export const renderSearchResultsCard = (view: SearchResultsView): AdaptiveCard => renderTemplate('search-results', view);
