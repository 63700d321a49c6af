/**
 * Text clean-up shared by the parsers. ModernGov pages come from Word: non-breaking spaces between words
 * and after list numbers, runs of them on "empty" lines, curly quotes. Spacing is normalised; quotes and
 * every other character are kept as published.
 */

/** Collapses every run of white space (including U+00A0 and U+FEFF, which JavaScript's \s covers) to one space. */
export const normaliseSpaces = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Word's bullet glyphs as they survive copy and paste: the middle dot of Symbol font, and the usual others. */
const BULLET = /^[·•▪◦‣⁃○●■\u2219\uF0B7]\s*/;

export const isBullet = (text: string): boolean => BULLET.test(text.trimStart());
export const stripBullet = (text: string): string => normaliseSpaces(text.trimStart().replace(BULLET, ''));

/** Splits text into lines whatever the line endings, without a leading byte-order mark. */
export const splitLines = (text: string): string[] => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
