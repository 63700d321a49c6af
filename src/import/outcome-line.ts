import type { OutcomeVerb } from '../domain';
import { normaliseSpaces } from './plain-text';

/** One numbered outcome as printed: "2) RECOMMENDED to Council that the proposed Community Safety Strategy 2021-24 be approved." */
export interface ParsedOutcome {
  readonly number: number;
  /** Undefined when the outcome does not start with a verb we know; the importer then says so. */
  readonly verb?: OutcomeVerb;
  /** "Council" in "RECOMMENDED to Council". */
  readonly target?: string;
  /** What follows the verb and target: "that the proposed Community Safety Strategy 2021-24 be approved." */
  readonly text: string;
  /** 1-based line in the page, where the page has lines. */
  readonly line?: number;
}

/** Both tenses are printed ("NOTED the report", "1) Approve the budget"); both mean the outcome's verb. */
const VERB_FORMS: Readonly<Record<string, OutcomeVerb>> = {
  NOTED: 'NOTED', NOTE: 'NOTED', NOTES: 'NOTED',
  APPROVED: 'APPROVED', APPROVE: 'APPROVED', APPROVES: 'APPROVED',
  AGREED: 'AGREED', AGREE: 'AGREED', AGREES: 'AGREED',
  RESOLVED: 'RESOLVED', RESOLVE: 'RESOLVED',
  RECOMMENDED: 'RECOMMENDED', RECOMMEND: 'RECOMMENDED', RECOMMENDS: 'RECOMMENDED',
  DEFERRED: 'DEFERRED', DEFER: 'DEFERRED',
  REJECTED: 'REJECTED', REJECT: 'REJECTED',
  DELEGATED: 'DELEGATED', DELEGATE: 'DELEGATED', DELEGATES: 'DELEGATED',
  ENDORSED: 'ENDORSED', ENDORSE: 'ENDORSED',
  ADOPTED: 'ADOPTED', ADOPT: 'ADOPTED',
  AUTHORISED: 'AUTHORISED', AUTHORISE: 'AUTHORISED', AUTHORIZED: 'AUTHORISED', AUTHORIZE: 'AUTHORISED',
  WITHDRAWN: 'WITHDRAWN', WITHDREW: 'WITHDRAWN',
  REFERRED: 'REFERRED', REFER: 'REFERRED',
  DECIDED: 'DECIDED',
};

/** Verbs that address another body, whose name then follows "to". */
const VERBS_WITH_TARGET: ReadonlySet<OutcomeVerb> = new Set(['RECOMMENDED', 'REFERRED']);

/** "1)", "1.", "(1)" followed by at least one space (Word puts non-breaking spaces there). */
const NUMBERED = /^\(?(\d{1,3})[).](?=\s|$)\s*(.*)$/s;
/** A body's name after "to": capitalised words, joined by "of", "and", "&": "Council", "Full Council", "Scrutiny Committee". */
const TARGET = /^to\s+(?:the\s+)?(\p{Lu}[\p{L}'’&-]*(?:\s+(?:(?:of|and|for|&)\s+)?\p{Lu}[\p{L}'’&-]*)*)/u;

export const isCouncilTarget = (target: string | undefined): boolean =>
  target !== undefined && /^(?:full\s+)?council$/i.test(normaliseSpaces(target));

/** Reads a numbered outcome line; undefined when the line is not numbered. */
export function readOutcomeLine(line: string, lineNumber?: number): ParsedOutcome | undefined {
  const numbered = NUMBERED.exec(line.trim());
  if (!numbered) return undefined;
  const number = Number(numbered[1]);
  const rest = numbered[2] ?? '';
  const firstWord = /^([\p{L}]+)\b\s*(.*)$/su.exec(rest);
  const verb = firstWord ? VERB_FORMS[firstWord[1]!.toUpperCase()] : undefined;
  if (!verb || !firstWord) return { number, text: tidyOutcomeText(rest), ...(lineNumber ? { line: lineNumber } : {}) };
  let text = firstWord[2] ?? '';
  let target: string | undefined;
  if (VERBS_WITH_TARGET.has(verb)) {
    const to = TARGET.exec(text);
    if (to) {
      target = to[1];
      text = text.slice(to[0].length);
    }
  }
  return {
    number,
    verb,
    ...(target ? { target } : {}),
    text: tidyOutcomeText(text),
    ...(lineNumber ? { line: lineNumber } : {}),
  };
}

/** The list joiners Word leaves at the end of an outcome ("...Partnership;", "...; and"); never across a line. */
const TRAILING_JOINER = /[^\S\n]*[;,][^\S\n]*(?:and|or)?[^\S\n]*$/i;

/** Keeps the lines of a multi-paragraph outcome; drops the list joiners Word leaves between outcomes ("...Partnership;", "...; and"); keeps a final full stop. */
export const tidyOutcomeText = (text: string): string =>
  text.split('\n').map(normaliseSpaces).filter((line) => line !== '').join('\n').replace(TRAILING_JOINER, '');

/**
 * Numbered outcomes read paragraph by paragraph, where a paragraph that is not numbered continues the outcome
 * before it (a sub-clause on its own line). Linear however many paragraphs follow: each is tidied once as it comes
 * and an outcome's text is joined once at the end (re-tidying the whole outcome for every paragraph was quadratic).
 */
export class OutcomeCollector {
  private readonly entries: { readonly outcome: ParsedOutcome; readonly more: string[] }[] = [];

  get size(): number {
    return this.entries.length;
  }

  add(outcome: ParsedOutcome): void {
    this.entries.push({ outcome, more: [] });
  }

  /** Adds a paragraph to the last outcome; false when there is none yet. */
  continueLast(paragraph: string): boolean {
    const last = this.entries[this.entries.length - 1];
    if (!last) return false;
    const text = tidyOutcomeText(paragraph);
    if (text !== '') last.more.push(text);
    return true;
  }

  outcomes(): ParsedOutcome[] {
    return this.entries.map(({ outcome, more }) =>
      more.length === 0 ? outcome : { ...outcome, text: [outcome.text, ...more].filter((t) => t !== '').join('\n') });
  }
}

/** Numbered paragraphs are outcomes; otherwise the whole decision text is one outcome. Also GetMeeting's decision text. */
export function readOutcomes(decisionText: readonly string[]): ParsedOutcome[] {
  const collector = new OutcomeCollector();
  for (const paragraph of decisionText) {
    const outcome = readOutcomeLine(paragraph);
    if (outcome) collector.add(outcome);
    else collector.continueLast(paragraph);
  }
  if (collector.size > 0) return collector.outcomes();
  return decisionText.length > 0 ? [{ number: 1, verb: 'DECIDED', text: decisionText.join('\n\n') }] : [];
}
