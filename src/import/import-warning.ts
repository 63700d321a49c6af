import { z } from 'zod';

/**
 * What the importer tells the officer looks wrong. Every warning says where, so the officer can find it in
 * the council's page: "summary", "decision outcome 2 (line 17)", "line 12", "agenda item 3 (ModernGov id 451)".
 * The JSON shape is part of the officer API (POST /api/v1/imports): { code, message, where }.
 */
export const ImportWarningCode = z.enum([
  /** The same document is named with different years ("Strategy 2021-23" in the summary, "2021-24" in a decision). */
  'document-year-mismatch',
  /** The page does not say whether the decision is key or non-key. */
  'decision-type-missing',
  /** Outcomes are not numbered 1, 2, 3 ... in order. */
  'outcomes-out-of-order',
  /** The "Decision:" block and the "DECISIONS (...)" block list different outcomes. */
  'outcomes-differ',
  /** A numbered outcome starts with no verb we know (NOTED, APPROVED ...); imported as DECIDED. */
  'outcome-verb-unknown',
  /** A recommendation to Council, but no Council meeting is known to decide it. */
  'council-meeting-unknown',
  /** The item or one of its documents is restricted or exempt (Part 2, Schedule 12A LGA 1972). */
  'restricted-or-exempt',
  /** A date the page gives could not be read as dd/mm/yyyy. */
  'date-unreadable',
  /** A document link is relative and no source URL was given to resolve it against. */
  'document-url-unresolved',
  /** The meeting has no start time; midnight is assumed. */
  'meeting-time-missing',
  /** The page holds nothing to import beyond its title (no agenda items, no decision text ...). */
  'nothing-to-import',
  /** An item of a published agenda is no longer listed: marked withdrawn, never deleted. */
  'agenda-item-withdrawn',
  /** The page names a committee the bot does not know: a dry run shows it anyway; a real import creates it only when asked. */
  'committee-unknown',
]);
export type ImportWarningCode = z.infer<typeof ImportWarningCode>;

export const ImportWarning = z.object({
  code: ImportWarningCode,
  message: z.string().min(1),
  where: z.string().min(1),
});
export type ImportWarning = z.infer<typeof ImportWarning>;

export const warning = (code: ImportWarningCode, where: string, message: string): ImportWarning => ({ code, message, where });
