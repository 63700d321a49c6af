import type { Committee, OutcomeStatus } from '../../domain';
import type { DecisionFilter, Page, Store } from '../../store/port';
import { currentStatuses, decisionView, type DecisionView } from './decision-view';
import { shownDecision } from '../audit/exempt-views';
import { mayRead, type RecordReader } from './record-reader';

/** How many store pages one request reads at most while looking for decisions in a status: bounds its time. */
const MAX_STORE_PAGES = 10;

export interface DecisionQuery extends DecisionFilter {
  /** A decision matches when any of its outcomes has one of these statuses today (computed, so it cannot be a store query). */
  readonly statuses?: readonly OutcomeStatus[];
}

/**
 * The officer's list of decisions, by id, a page at a time. The store pages by committee and `since`; the status,
 * which moves with time, is computed for each decision of a store page and filtered here. So a page may hold fewer
 * than `pageSize` decisions: store pages with no match are read on until one has a match, none are left, or
 * MAX_STORE_PAGES were read (then the page is empty and has a continuation: ask again). The continuation is the
 * store's, so no decision is skipped or repeated.
 */
export async function listDecisions(
  query: DecisionQuery,
  paging: { readonly continuation?: string; readonly pageSize: number },
  reader: RecordReader,
  store: Pick<Store, 'decisions' | 'committees' | 'meetings'>,
  today: string,
): Promise<Page<DecisionView>> {
  const { statuses, ...filter } = query;
  const committees = new Map<string, Committee>((await store.committees.list()).map((c) => [c.id, c]));
  let continuation = paging.continuation;
  for (let read = 1; ; read++) {
    const page = await store.decisions.listPage(filter, continuation, paging.pageSize);
    const matching = page.items.filter((d) => {
      if (!mayRead(reader, d)) return false;
      if (statuses === undefined || statuses.length === 0) return true;
      const committee = committees.get(d.committeeId);
      return committee !== undefined && currentStatuses(d, committee, today).some((s) => statuses.includes(s));
    });
    continuation = page.continuation;
    if (matching.length > 0 || continuation === undefined || read >= MAX_STORE_PAGES) {
      const items = await Promise.all(matching.map((d) => decisionView(d, store, today)));
      await reader.noteShown?.(matching.map(shownDecision));
      return continuation === undefined ? { items } : { items, continuation };
    }
  }
}
