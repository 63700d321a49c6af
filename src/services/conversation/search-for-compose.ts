import type { Viewer } from '../../domain';
import { askQuestion } from './ask-question';
import type { ConversationDeps } from './conversation-deps';
import type { FoundHit } from './found-hit';
import { decisionHit, resultHit } from './hit-loader';
import { listRecentDecisions } from './list-recent-decisions';

const RECENT_DAYS = 30;

/** One page of results, as Teams asks for it (`queryOptions`): skip this many, then at most `count`. */
export interface ComposePage {
  readonly skip: number;
  readonly count: number;
}

/**
 * The search message extension: ranked matches, each as the decision when there is one, else the agenda item.
 * With no words yet (the extension just opened) it offers the last month's decisions. Only the page asked for is
 * loaded from the store; the ranking itself comes from the in-memory index.
 */
export async function searchForCompose(text: string, viewer: Viewer, page: ComposePage, deps: ConversationDeps): Promise<FoundHit[]> {
  const { store } = deps;
  const now = deps.now();
  const end = page.skip + page.count;
  if (text.trim() === '') {
    const recent = await listRecentDecisions(RECENT_DAYS, viewer, deps);
    const hits = await Promise.all(recent.slice(page.skip, end).map((r) => decisionHit(r.decision, viewer, store, now)));
    return hits.filter((h): h is FoundHit => h !== undefined);
  }
  // Typed in the compose box as in a chat: the same question, filters and all.
  const { results } = await askQuestion(text, viewer, deps, end);
  const hits: FoundHit[] = [];
  for (const result of results.slice(page.skip, end)) {
    const hit = await resultHit(result, viewer, store, now);
    if (hit) hits.push(hit);
  }
  return hits;
}
