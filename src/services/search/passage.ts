import type { AgendaItem, Decision, Outcome } from '../../domain';
import { analyse, processTerm } from './text';

/**
 * Why a result matched: the sentence of the record that holds the most of the words the question matched (and
 * holds them as a phrase, where it can), with those words marked, and which part of the record it is from
 * ("In the minutes: ... members asked that the impact on armed forces applicants be monitored"). Drawn from the
 * record itself when the answer is given, since the index keeps no text.
 */
export type PassageField = 'title' | 'decision' | 'summary' | 'reasons' | 'alternatives' | 'minutes' | 'papers';

export interface PassageRun {
  readonly text: string;
  /** One of the words the question matched. */
  readonly matched: boolean;
}

export interface Passage {
  readonly field: PassageField;
  /** "In the minutes". */
  readonly label: string;
  readonly runs: readonly PassageRun[];
}

export interface PassageSource {
  readonly field: PassageField;
  readonly texts: readonly string[];
}

const LABELS: Record<PassageField, string> = {
  title: 'In the title',
  decision: 'In the decision',
  summary: 'In the summary',
  reasons: 'In the reasons',
  alternatives: 'In the alternatives considered',
  minutes: 'In the minutes',
  papers: 'In the papers',
};

/** Long enough to show why, short enough for a card. */
export const PASSAGE_LENGTH = 240;

const outcomeText = (o: Pick<Outcome, 'verb' | 'target' | 'text'>): string => `${o.verb}${o.target ? ` to ${o.target}` : ''} ${o.text}`;

/** A record's texts by field, in the order a tie between them is settled (the title last: the card shows it). */
export const passageSourcesOf = (item: AgendaItem | undefined, decisions: readonly Decision[]): PassageSource[] => [
  { field: 'decision', texts: decisions.flatMap((d) => d.outcomes.map(outcomeText)) },
  { field: 'summary', texts: [...(item ? [item.summary, ...item.recommendations] : []), ...decisions.map((d) => d.purpose ?? '')] },
  { field: 'reasons', texts: decisions.flatMap((d) => d.reasons) },
  { field: 'alternatives', texts: decisions.flatMap((d) => d.alternatives) },
  { field: 'minutes', texts: decisions.flatMap((d) => [...d.minutes, ...d.discussionPoints]) },
  { field: 'papers', texts: [...(item?.documents ?? []), ...decisions.flatMap((d) => d.documents)].map((d) => d.title) },
  { field: 'title', texts: [item?.title ?? decisions[0]?.title ?? ''] },
];

const sentencesOf = (text: string): string[] =>
  text
    .split(/\n+|(?<=[.;!?])\s+(?=[A-Z0-9“"‘'(£])/u)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);

/** Words and what lies between them, each word marked when its term is one the question matched. */
const runsOf = (sentence: string, matched: ReadonlySet<string>): PassageRun[] => {
  const runs: PassageRun[] = [];
  const push = (text: string, isMatched: boolean): void => {
    const last = runs[runs.length - 1];
    if (last && last.matched === isMatched) runs[runs.length - 1] = { text: last.text + text, matched: isMatched };
    else if (text.length > 0) runs.push({ text, matched: isMatched });
  };
  let at = 0;
  for (const m of sentence.matchAll(/[\p{L}\p{N}£][\p{L}\p{N}'’.,/-]*[\p{L}\p{N}%]|[\p{L}\p{N}]/gu)) {
    push(sentence.slice(at, m.index), false);
    const word = m[0];
    // "fly-tipping" is matched when it or any of its parts is; "£396,000" when its figure is.
    const terms = analyse(word);
    const isMatched = terms.some((t) => matched.has(t)) || matched.has(processTerm(word) ?? '');
    push(word, isMatched);
    at = m.index + word.length;
  }
  push(sentence.slice(at), false);
  return runs;
};

/** Cuts a long sentence to about `max` characters around its marked words, marking the cuts. */
const window = (runs: PassageRun[], max: number): PassageRun[] => {
  const text = runs.map((r) => r.text).join('');
  if (text.length <= max) return runs;
  let offset = 0;
  let first = -1;
  let last = -1;
  for (const r of runs) {
    if (r.matched) {
      if (first < 0) first = offset;
      last = offset + r.text.length;
    }
    offset += r.text.length;
  }
  const middle = first < 0 ? 0 : Math.floor((first + last) / 2);
  let start = Math.max(0, Math.min(middle - Math.floor(max / 2), text.length - max));
  let end = Math.min(text.length, start + max);
  // At word boundaries.
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
  const cut: PassageRun[] = [];
  offset = 0;
  for (const r of runs) {
    const [from, to] = [Math.max(start, offset), Math.min(end, offset + r.text.length)];
    if (from < to) cut.push({ text: r.text.slice(from - offset, to - offset), matched: r.matched });
    offset += r.text.length;
  }
  if (start > 0) cut.unshift({ text: '… ', matched: false });
  if (end < text.length) cut.push({ text: ' …', matched: false });
  return cut;
};

/**
 * The passage that best shows why a record matched `matchedTerms` (index terms, as a search result gives them):
 * the sentence with the most of them, and of those the one where more of them stand together; an earlier source
 * wins a tie. Undefined when no sentence has any.
 */
export const passageFor = (sources: readonly PassageSource[], matchedTerms: readonly string[], max = PASSAGE_LENGTH): Passage | undefined => {
  const matched = new Set(matchedTerms);
  if (matched.size === 0) return undefined;
  let best: { field: PassageField; sentence: string; score: number } | undefined;
  for (const source of sources) {
    for (const sentence of source.texts.flatMap(sentencesOf)) {
      const found = new Set<string>();
      let together = 0;
      const terms = analyse(sentence, (a, b) => {
        if (matched.has(a) && matched.has(b)) together += 1;
      });
      for (const t of terms) if (matched.has(t)) found.add(t);
      if (found.size === 0) continue;
      const score = found.size + 0.5 * together;
      if (!best || score > best.score) best = { field: source.field, sentence, score };
    }
  }
  if (!best) return undefined;
  return { field: best.field, label: LABELS[best.field], runs: window(runsOf(best.sentence, matched), max) };
};
