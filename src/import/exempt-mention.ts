import { normaliseSpaces } from './plain-text';

/**
 * Phrases by which ModernGov pages and reports mark exempt business: "exempt information", "Schedule 12A",
 * "Part 2" / "Part II" of the agenda, a "Restricted enclosure". Only these; the bare word "exempt" is too common
 * ("exempt from business rates").
 */
const EXEMPT_PHRASES = /(exempt information|schedule 12A|restricted enclosure|restricted document|\bpart (?:2|II)\b(?! of the report)|not for publication|confidential appendix)/i;

/** The sentence that marks the text as exempt, to keep as the reason; undefined when nothing does. */
export function findExemptMention(text: string): string | undefined {
  const match = EXEMPT_PHRASES.exec(text);
  if (!match) return undefined;
  // The sentence around the phrase: from the previous full stop or line break to the next.
  const start = Math.max(text.lastIndexOf('.', match.index), text.lastIndexOf('\n', match.index)) + 1;
  const after = text.slice(match.index + match[0].length).search(/[.\n]/);
  const stop = after < 0 ? text.length : match.index + match[0].length + after + 1;
  return normaliseSpaces(text.slice(start, stop)).slice(0, 500);
}
