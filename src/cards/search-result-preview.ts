import { describeSearchHit, type SearchHit } from './search-results-card';

/**
 * The one-line preview Teams lists under the compose box for each message-extension result. Teams takes only a Hero
 * or Thumbnail card there (Microsoft's "Respond to search command": "The preview property must be a Hero or
 * Thumbnail card"); the Teams adapter wraps this view in a Thumbnail card, with no buttons (a preview has none).
 */
export interface SearchResultPreview {
  /** Imported text, clipped; Teams shows title and subtitle as plain text. */
  readonly title: string;
  /** "DECISION · Cabinet", "AGENDA ITEM · Cabinet". */
  readonly subtitle: string;
  /**
   * Where a decision stands, or when an item is heard. Teams reads a Thumbnail card's text as HTML, so the few
   * characters HTML gives a meaning are written as entities (and so shown as themselves).
   */
  readonly text: string;
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const buildSearchResultPreview = (hit: SearchHit): SearchResultPreview => {
  const facts = describeSearchHit(hit);
  const detail =
    hit.kind === 'agenda-item'
      ? [facts.when, hit.item.number ? `Item ${hit.item.number}` : '', facts.statusText].filter(Boolean).join(' · ')
      : hit.kind === 'decision'
        ? facts.statusText || (facts.when ? `Decided ${facts.when}` : '')
        : '';
  return {
    title: facts.title,
    subtitle: [facts.kindLabel, facts.committeeName].filter(Boolean).join(' · '),
    text: escapeHtml(detail),
  };
};
