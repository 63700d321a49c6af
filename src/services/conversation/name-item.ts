import type { Viewer } from '../../domain';
import { askerFor } from './asker';
import type { ConversationDeps } from './conversation-deps';

/** How a person names an agenda item: by its number on the next agenda, or by words (of its title) or its id. */
export type ItemNaming = { readonly number: string } | { readonly query: string };

const NUMBER = /^\d+[a-z]?(?:\.\d+)?$/i;
const NUMBER_WORDS = new Set(['item', 'no', 'no.', 'number', '#']);

/**
 * The one reading of an item's name that every item command shares (item, report, remind, notify): "6", "item 6",
 * "item no. 6" and "#6" are the number 6; anything else is words, or an id.
 */
export function itemNaming(words: string): ItemNaming {
  const parts = words.trim().split(/\s+/).filter((w) => w !== '');
  while (parts.length > 1 && NUMBER_WORDS.has(parts[0]!.toLowerCase())) parts.shift();
  const only = parts.length === 1 ? parts[0]!.replace(/^#/, '') : undefined;
  return only !== undefined && NUMBER.test(only) ? { number: only.toLowerCase() } : { query: words.trim() };
}

/**
 * Whether the words after an officer's command name an agenda item in one of the ways the item commands accept:
 * a number ("report 6", "report item 6": the agenda's own numbering, which the command then looks up), an item's id,
 * or words all of which are in the title (or its acronym) of an item the viewer may see ("remind community safety").
 * "report to scrutiny committee annually" names none, so it is a question, not a command.
 */
export async function namesAnItem(request: ItemNaming, viewer: Viewer, deps: ConversationDeps): Promise<boolean> {
  const naming = 'number' in request ? request : itemNaming(request.query);
  if ('number' in naming) return true;
  return (await deps.search.itemNamed(naming.query, askerFor(viewer))) !== undefined;
}
