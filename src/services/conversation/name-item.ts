import type { Viewer } from '../../domain';
import { askerFor } from './asker';
import type { ConversationDeps } from './conversation-deps';

/**
 * Whether the words after an officer's command name an agenda item in one of the ways the item commands accept:
 * a number ("report 6": the agenda's own numbering, which the command then looks up), an item's id, or words all of
 * which are in the title (or its acronym) of an item the viewer may see ("remind community safety"). "report to
 * scrutiny committee annually" names none, so it is a question, not a command.
 */
export async function namesAnItem(request: { number: string } | { query: string }, viewer: Viewer, deps: ConversationDeps): Promise<boolean> {
  if ('number' in request) return true;
  return (await deps.search.itemNamed(request.query, askerFor(viewer))) !== undefined;
}
