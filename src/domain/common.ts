import { z } from 'zod';

/**
 * The longest id. It is also the router's limit for a path parameter (http/ sets restify's maxParamLength from it),
 * so every record this product stores can be reached by its id in /api/v1/members/{id} and the like.
 */
export const ID_MAX_LENGTH = 100;

/**
 * The one rule for every id this product mints or accepts as its own (members, committees, meetings, agenda items,
 * decisions, action plans and their actions and updates, notifications): letters, digits, '.', '_', ':' and '-',
 * starting with a letter or a digit, at most ID_MAX_LENGTH. Safe in a URL path, a Cosmos DB id, a log line and a
 * card. Ids from outside keep their own formats, each checked where it is read: Teams conversation ids
 * (conversation.ts), Entra object ids (GUIDs, member.ts), ModernGov ids (digits, committee.ts and the importers).
 */
export const Id = z
  .string()
  .min(1, 'must not be empty')
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "must be letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
export type Id = z.infer<typeof Id>;

/**
 * Characters no name may hold: control characters (NUL, line feeds, tabs), bidirectional embeddings, overrides and
 * isolates (which can make a name read as something else), and zero-width characters and the byte-order mark.
 */
const UNSAFE_IN_NAME = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

/** A person's or a body's name, title or seat as people type it: one line of visible text, no spaces around it. */
export const Name = z
  .string()
  .min(1, 'must not be empty')
  .max(300, 'must be at most 300 characters')
  .refine((s) => !UNSAFE_IN_NAME.test(s), 'must not contain control, zero-width or text-direction characters')
  .refine((s) => s.trim() === s, 'must not start or end with spaces');
export type Name = z.infer<typeof Name>;

/** An instant, always stored as an ISO 8601 string in UTC. */
export const Instant = z.string().datetime({ offset: true });
export type Instant = z.infer<typeof Instant>;

/** A calendar date (no time), yyyy-mm-dd, as councils publish decision and publication dates. */
export const CalendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written yyyy-mm-dd');
export type CalendarDate = z.infer<typeof CalendarDate>;

/** A calendar date that exists: 2026-02-30 and month 13 are refused. For dates people type (API bodies, cards). */
export const RealCalendarDate = CalendarDate.refine((d) => {
  const ms = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === d;
}, 'must be a real date');

export const DocumentLink = z.object({
  title: z.string().min(1),
  url: z.string().url().optional(),
  /** ModernGov marks restricted (exempt) documents; they are never shown outside the committee. */
  restricted: z.boolean().default(false),
  /** When the council published it (ModernGov's publicationdate), where known. */
  publishedOn: CalendarDate.optional(),
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
