import { z } from 'zod';

/** Opaque identifiers. Kept as strings so that both store adapters can use them as document ids. */
export const Id = z.string().min(1).max(200).regex(/^[^/\\?#]+$/, 'must not contain / \\ ? or #');
export type Id = z.infer<typeof Id>;

/** An instant, always stored as an ISO 8601 string in UTC. */
export const Instant = z.string().datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar date (no time), yyyy-mm-dd, as councils publish decision and publication dates. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written yyyy-mm-dd');
export type CalendarDate = z.infer<typeof CalendarDate>;

export const DocumentLink = z.object({
  title: z.string().min(1),
  url: z.string().url().optional(),
  /** ModernGov marks restricted (exempt) documents; they are never shown outside the committee. */
  restricted: z.boolean().default(false),
});
export type DocumentLink = z.infer<typeof DocumentLink>;

/** Where an imported record came from, so that a second import of the same page updates it. */
export const Source = z.object({
  kind: z.enum(['moderngov-agenda-item', 'moderngov-decision', 'moderngov-meeting-xml', 'json', 'manual']),
  url: z.string().optional(),
  externalId: z.string().optional(),
  importedAt: Instant.optional(),
});
export type Source = z.infer<typeof Source>;

/** One entry of a record's change history: what a re-import (or an officer) changed, and when. */
export const ChangeRecord = z.object({
  at: Instant,
  by: z.string().min(1),
  changes: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
});
export type ChangeRecord = z.infer<typeof ChangeRecord>;
