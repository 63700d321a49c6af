import type { ActionPlan, AgendaItem, Committee, Decision, Meeting, StatusDescription } from '../domain';
import { ragCountsText } from './action-plan-card';
import { formatDateTime, formatDayDate } from './format-date';
import { formatStatus, itemStandingText, meetingStatusText } from './status-text';
import { renderTemplate, type AdaptiveCard } from './templates';
import { clip, firstOf, plural, safeUrl } from './text';
import { Verbs, type Verb } from './verbs';

/**
 * What a card needs to show a hit in a list. Narrower than the records: a result list drawn from the search index
 * (the message extension's) has these fields and no more.
 */
export type SearchHit =
  | {
      readonly kind: 'agenda-item';
      readonly item: Pick<AgendaItem, 'id' | 'committeeId' | 'title' | 'exempt'> & Partial<Pick<AgendaItem, 'number' | 'withdrawnAt' | 'source' | 'summary'>>;
      readonly committee: Pick<Committee, 'name'>;
      readonly meeting?: Pick<Meeting, 'startsAt' | 'status'>;
    }
  | {
      readonly kind: 'decision';
      readonly decision: Pick<Decision, 'id' | 'committeeId' | 'title'> & Partial<Pick<Decision, 'decidedOn' | 'source'>>;
      readonly committee: Pick<Committee, 'name'>;
      /** The status most worth showing (the caller's choice, from domain/decision-status.ts). */
      readonly status?: StatusDescription;
    }
  | { readonly kind: 'action-plan'; readonly plan: ActionPlan; readonly committee: Committee };

export interface SearchResultView {
  readonly kindLabel: string;
  readonly title: string;
  readonly detail: string;
  readonly statusText: string;
  readonly openTitle: string;
  readonly verb: Verb;
  /** Locators only, as the verb's handler expects them. */
  readonly data: Record<string, string>;
  /** The same plus the verb, for clients without Universal Actions. */
  readonly submitData: Record<string, string>;
}

export interface SearchResultsView {
  /** What the list is: "Search", "Decisions in the last 30 days". */
  readonly heading: string;
  /** "3 results for " (the query follows in bold, as literal text); "3 decisions" for a list with no query. */
  readonly summaryText: string;
  readonly query: string;
  readonly results: readonly SearchResultView[];
  readonly moreResultsText: string;
}

// Message-extension results must fit in 28 KB, and a phone shows few anyway.
const LIMITS = { results: 10, title: 200, query: 100 };

/** The button that opens a hit in the bot: its verb, with the same data for clients without Universal Actions. */
export interface HitOpenAction {
  readonly openTitle: string;
  readonly verb: Verb;
  /** Locators only, as the verb's handler expects them. */
  readonly data: Record<string, string>;
  /** The same plus the verb, for clients without Universal Actions. */
  readonly submitData: Record<string, string>;
}

/**
 * What any card that shows a search hit says about it, worked out once: the search results list and the link
 * preview arrange these parts differently, but never word them differently.
 */
export interface SearchHitFacts extends HitOpenAction {
  /** Fixed words: "AGENDA ITEM", "AGENDA ITEM · 🔒 EXEMPT", "DECISION", "ACTION PLAN". */
  readonly kindLabel: string;
  /** Imported text, clipped. */
  readonly title: string;
  /** Imported text, as stored. */
  readonly committeeName: string;
  /** The meeting's start for an agenda item ("Wed 16 June 2021, 6.30pm"), the day a decision was made
   *  ("Wed 16 June 2021"); '' when not known, and for action plans. */
  readonly when: string;
  /** Where a decision stands ("Recommended to Council: awaiting Full Council, 21 July 2021"), an item withdrawn or its
   *  meeting cancelled or postponed ("✖️ Withdrawn from the agenda"); '' otherwise. */
  readonly statusText: string;
  /** The hit's own page on the council website, when it has one and it is http(s); '' otherwise. */
  readonly sourceUrl: string;
}

const openAction = (verb: Verb, openTitle: string, data: Record<string, string>): HitOpenAction => ({ verb, openTitle, data, submitData: { ...data, verb } });

export const describeSearchHit = (hit: SearchHit): SearchHitFacts => {
  switch (hit.kind) {
    case 'agenda-item': {
      const { item, committee, meeting } = hit;
      return {
        kindLabel: item.exempt ? 'AGENDA ITEM · 🔒 EXEMPT' : 'AGENDA ITEM',
        title: clip(item.title, LIMITS.title),
        committeeName: committee.name,
        when: meeting ? formatDateTime(meeting.startsAt) : '',
        statusText: [itemStandingText(item), meetingStatusText(meeting)].filter(Boolean).join(' · '),
        sourceUrl: safeUrl(item.source?.url) ?? '',
        ...openAction(Verbs.viewItem, 'Open agenda item', { committeeId: item.committeeId, agendaItemId: item.id }),
      };
    }
    case 'decision': {
      const { decision, committee, status } = hit;
      const text = status ? formatStatus(status) : undefined;
      return {
        kindLabel: 'DECISION',
        title: clip(decision.title, LIMITS.title),
        committeeName: committee.name,
        when: decision.decidedOn ? formatDayDate(decision.decidedOn) : '',
        statusText: text ? [text.headline, text.next].filter(Boolean).join('. ') : '',
        sourceUrl: safeUrl(decision.source?.url) ?? '',
        ...openAction(Verbs.viewDecision, 'Open decision', { committeeId: decision.committeeId, decisionId: decision.id }),
      };
    }
    case 'action-plan': {
      const { plan, committee } = hit;
      return {
        kindLabel: 'ACTION PLAN',
        title: clip(plan.title, LIMITS.title),
        committeeName: committee.name,
        when: '',
        statusText: '',
        sourceUrl: '',
        ...openAction(Verbs.viewActionPlan, 'Open action plan', { committeeId: plan.committeeId, actionPlanId: plan.id }),
      };
    }
  }
};

/** The second line of a result: where the hit belongs and when, or how an action plan is going. */
const detailOf = (hit: SearchHit, facts: SearchHitFacts): string => {
  switch (hit.kind) {
    case 'agenda-item':
      return [facts.committeeName, facts.when, hit.item.number ? `Item ${hit.item.number}` : ''].filter(Boolean).join(' · ');
    case 'decision':
      return [facts.committeeName, facts.when ? `Decided ${facts.when}` : ''].filter(Boolean).join(' · ');
    case 'action-plan':
      return `${facts.committeeName} · ${ragCountsText(hit.plan)}`;
  }
};

const resultOf = (hit: SearchHit): SearchResultView => {
  const facts = describeSearchHit(hit);
  const { kindLabel, title, statusText, openTitle, verb, data, submitData } = facts;
  return { kindLabel, title, detail: detailOf(hit, facts), statusText, verb, openTitle, data, submitData };
};

/**
 * `heading` and `noun` name what the list is when it is not a search ("Decisions in the last 30 days", "decision"):
 * a list is headed as what it is.
 */
export const buildSearchResultsView = (input: { query: string; hits: readonly SearchHit[]; heading?: string; noun?: string }): SearchResultsView => {
  const { shown, moreCount } = firstOf(input.hits, LIMITS.results);
  const query = clip(input.query, LIMITS.query);
  const noun = input.noun ?? 'result';
  const count = plural(input.hits.length, noun);
  return {
    heading: input.heading ?? 'Search',
    summaryText: query ? `${input.hits.length === 0 ? 'No results' : count} for ` : count,
    query,
    results: shown.map(resultOf),
    moreResultsText: moreCount > 0 ? `${plural(moreCount, `more ${noun}`)}${input.heading ? ' not shown.' : ': add a word or two to narrow the search.'}` : '',
  };
};

export const renderSearchResultsCard = (view: SearchResultsView): AdaptiveCard => renderTemplate('search-results', view);
