import type { Viewer } from '../../domain';
import type { SearchAnswer } from '../search';
import { askerFor, QUESTION_COVERAGE } from './asker';
import { londonToday, type ConversationDeps } from './conversation-deps';

/**
 * A question as councillors ask it, read against today's date in London and the committees the index knows:
 * its filters, its words, and the results the viewer may see, best first (search-corpus.ts ask).
 */
export const askQuestion = (text: string, viewer: Viewer, deps: ConversationDeps, limit = 5): Promise<SearchAnswer> =>
  deps.search.ask(text, askerFor(viewer), { today: londonToday(deps.now()) }, { limit, minimumCoverage: QUESTION_COVERAGE });
