import { z } from 'zod';
import { ChangeRecord, DocumentLink, Id, Instant, Source } from './common';

export const PersonInRole = z.object({
  name: z.string().min(1),
  role: z.string().optional(),
});
export type PersonInRole = z.infer<typeof PersonInRole>;

export const AgendaItem = z.object({
  id: Id,
  committeeId: Id,
  meetingId: Id.optional(),
  /** Item number as printed on the agenda ("5", "5a"). */
  number: z.string().optional(),
  /** Readable title case, for cards. */
  title: z.string().min(1),
  /** The title exactly as published (often in capitals). */
  titleAsPublished: z.string().min(1),
  summary: z.string().default(''),
  /** "Portfolio Holder for Housing and Communities". */
  portfolioHolder: z.string().optional(),
  /** The officer who presents the report: "Andrew Cotton, Director for Housing and Communities". */
  leadOfficer: PersonInRole.optional(),
  recommendations: z.array(z.string()).default([]),
  documents: z.array(DocumentLink).default([]),
  /** For decision (as opposed to for information). */
  forDecision: z.boolean().default(true),
  /** Exempt (Part 2, Schedule 12A LGA 1972): never sent to channels or to people outside the committee. */
  exempt: z.boolean().default(false),
  exemptReason: z.string().optional(),
  /** What the minutes say of the item (ModernGov's minutes text, plain), once published. */
  minutes: z.string().optional(),
  /** When the item left a published agenda (ModernGov no longer lists it): kept, never deleted, and shown as withdrawn. */
  withdrawnAt: Instant.optional(),
  source: Source.optional(),
  history: z.array(ChangeRecord).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AgendaItem = z.infer<typeof AgendaItem>;

/**
 * The one rule for a withdrawn item: ModernGov no longer lists it on its published agenda. It is kept and shown
 * everywhere items appear, marked withdrawn, but nobody is asked to read it: it is never pending, never outstanding,
 * never counted on its agenda, and no notification announces it or reminds anyone of it (a card already sent is still
 * redrawn, so it says withdrawn).
 */
export const isWithdrawn = (item: Pick<AgendaItem, 'withdrawnAt'>): boolean => item.withdrawnAt !== undefined;

/** The items members are asked to read: those still on the agenda. */
export const itemsToRead = <T extends Pick<AgendaItem, 'withdrawnAt'>>(items: readonly T[]): T[] => items.filter((i) => !isWithdrawn(i));
