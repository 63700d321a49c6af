/**
 * Helpers for text that comes from imported documents or from users. Such text is data: it is bound into
 * TextRun inlines (which Adaptive Cards never treat as markdown) and clipped so a card stays within its size budget.
 */

/** Shortens text to at most `max` characters (whole code points), ending with an ellipsis when it was cut. */
export const clip = (text: string, max: number): string => {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const chars = Array.from(normalised);
  if (chars.length <= max) return normalised;
  return `${chars.slice(0, max - 1).join('').trimEnd()}…`;
};

const MAX_URL_LENGTH = 500;

/** Only http(s) links become buttons: anything else in an imported document is shown as nothing. */
export const safeUrl = (url: string | undefined): string | undefined => {
  // An absurdly long link is more likely junk from a bad import than a paper, and would eat the size budget.
  if (!url || url.length > MAX_URL_LENGTH) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
};

/** Keeps the first `max` entries and says how many more there were, so long lists cannot break the size limit. */
export const firstOf = <T>(items: readonly T[], max: number): { shown: T[]; moreCount: number } => {
  const shown = items.slice(0, max);
  return { shown, moreCount: items.length - shown.length };
};

/** "1 item", "2 items". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
