import type { Viewer } from '../../domain';
import { askQuestion } from './ask-question';
import { londonToday, type ConversationDeps } from './conversation-deps';
import { listedHit, type ListedHit } from './listed-hit';
import { listRecentDecisions } from './list-recent-decisions';

const RECENT_DAYS = 30;

/** One page of results, as Teams asks for it (`queryOptions`): skip this many, then at most `count`. */
export interface ComposePage {
  readonly skip: number;
  readonly count: number;
}

/**
 * The search message extension's result list: ranked matches, each as the decision when there is one, else the
 * agenda item, listed from what the search index holds (title, committee, dates, where it stands): no store read
 * per hit. The card shared is loaded when one is picked (openForCompose). With no words yet (the extension just
 * opened) it offers the last month's decisions, from the store.
 * The viewer is as listRecentDecisions and askQuestion take it: the message extension asks as from a channel.
 */
export async function searchForCompose(text: string, viewer: Viewer, page: ComposePage, deps: ConversationDeps): Promise<ListedHit[]> {
  const now = deps.now();
  const end = page.skip + page.count;
  if (text.trim() === '') {
    const recent = await listRecentDecisions(RECENT_DAYS, viewer, deps);
    return recent.slice(page.skip, end).map(({ decision, committee, status }) => ({ kind: 'decision', decision, committee, ...(status ? { status } : {}) }));
  }
  // Typed in the compose box as in a chat: the same question, filters and all.
  const { results } = await askQuestion(text, viewer, deps, end);
  const today = londonToday(now);
  const hits: ListedHit[] = [];
  for (const result of results.slice(page.skip, end)) {
    const listing = await deps.search.listingOf(result);
    const hit = listing ? listedHit(listing, viewer, today) : undefined;
    if (hit) hits.push(hit);
  }
  return hits;
}
