import { clip } from './text';

/**
 * What a card says when it answers a search: why it matched (a passage with the matched words in bold, and which
 * part of the record it is from) and which filters the question applied. Every part is a TextRun: the passage and the
 * filters hold imported and typed text, which must never be read as markdown.
 */
export interface FoundInput {
  readonly passage?: { readonly label: string; readonly runs: readonly { readonly text: string; readonly matched: boolean }[] };
  /** The filters applied, in words ("Scrutiny Committee", "in November 2021"). */
  readonly filters?: readonly string[];
  /** The filters matched nothing: the card is the best match without them. */
  readonly relaxed?: boolean;
}

export interface FoundView {
  /** "In the minutes: "; '' when the card does not answer a search or nothing in the record shows why. */
  readonly foundLabel: string;
  readonly foundRuns: readonly { readonly text: string; readonly weight: 'default' | 'bolder' }[];
  /** "Filtered: Scrutiny Committee · in November 2021", or what was asked and not found; '' for none. */
  readonly filtersText: string;
}

const LIMITS = { passage: 400, filters: 200 };

export const NOT_FOUND: FoundView = { foundLabel: '', foundRuns: [], filtersText: '' };

export const buildFoundView = (input: FoundInput | undefined): FoundView => {
  if (!input) return NOT_FOUND;
  let room = LIMITS.passage;
  const runs = (input.passage?.runs ?? []).flatMap((r) => {
    if (room <= 0) return [];
    // Not clip(): a run's spaces are what separate it from the next.
    const text = r.text.length <= room ? r.text : `${r.text.slice(0, Math.max(0, room - 1))}…`;
    room -= text.length;
    return [{ text, weight: r.matched ? ('bolder' as const) : ('default' as const) }];
  });
  const filters = (input.filters ?? []).join(' · ');
  return {
    foundLabel: runs.length > 0 && input.passage ? `${input.passage.label}: ` : '',
    foundRuns: runs,
    filtersText: filters === ''
      ? ''
      : clip(input.relaxed ? `Nothing matched ${filters}: this is the best match without.` : `Filtered: ${filters}`, LIMITS.filters),
  };
};
