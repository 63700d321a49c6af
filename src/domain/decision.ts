import { z } from 'zod';
import { CalendarDate, ChangeRecord, DocumentLink, Id, Instant, Source } from './common';

/** The verbs councils resolve with, as printed ("1) NOTED the report ..."). */
export const OutcomeVerb = z.enum([
  'NOTED', 'APPROVED', 'AGREED', 'RESOLVED', 'RECOMMENDED', 'DEFERRED', 'REJECTED', 'DELEGATED',
  'ENDORSED', 'ADOPTED', 'AUTHORISED', 'WITHDRAWN', 'REFERRED', 'DECIDED',
]);
export type OutcomeVerb = z.infer<typeof OutcomeVerb>;

/**
 * Per-outcome lifecycle (PRODUCT.md): scheduled -> made -> call-in-open -> effective;
 * call-in-open -> called-in -> confirmed | referred-back; noted; awaiting-council -> approved/amended/rejected-by-council;
 * deferred; withdrawn. Transitions live in decision-status.ts.
 */
export const OutcomeStatus = z.enum([
  'scheduled', 'made', 'call-in-open', 'effective', 'called-in', 'confirmed', 'referred-back', 'noted',
  'awaiting-council', 'approved-by-council', 'amended-by-council', 'rejected-by-council', 'deferred', 'withdrawn',
]);
export type OutcomeStatus = z.infer<typeof OutcomeStatus>;

export const Outcome = z.object({
  number: z.number().int().min(1),
  verb: OutcomeVerb,
  /** Whom it is addressed to, where there is one: "Council" in "RECOMMENDED to Council". */
  target: z.string().optional(),
  text: z.string().min(1),
  status: OutcomeStatus,
  statusSince: Instant.optional(),
  /** For a recommendation to Council: Full Council's meeting and, once imported, its decision. */
  councilMeetingId: Id.optional(),
  councilDecisionId: Id.optional(),
});
export type Outcome = z.infer<typeof Outcome>;

export const DecisionType = z.enum(['key', 'non-key', 'unknown']);
export type DecisionType = z.infer<typeof DecisionType>;

export const Decision = z.object({
  id: Id,
  committeeId: Id,
  agendaItemId: Id.optional(),
  meetingId: Id.optional(),
  title: z.string().min(1),
  /** "Cabinet", "Policy Committee", or an officer's post for delegated decisions. */
  decisionMaker: z.string().min(1),
  type: DecisionType,
  /** As published; undefined where the page does not say. */
  subjectToCallIn: z.boolean().optional(),
  urgent: z.boolean().default(false),
  outcomes: z.array(Outcome).default([]),
  /** Reasons for the decisions, as paragraphs; bullets kept as their own entries. */
  reasons: z.array(z.string()).default([]),
  /** The alternative options the report considered and why they were not chosen, as paragraphs. */
  alternatives: z.array(z.string()).default([]),
  purpose: z.string().optional(),
  /** ModernGov's own status line ("Recommendations approved"), where published. */
  publishedStatus: z.string().optional(),
  minutes: z.array(z.string()).default([]),
  discussionPoints: z.array(z.string()).default([]),
  decidedOn: CalendarDate.optional(),
  publishedOn: CalendarDate.optional(),
  documents: z.array(DocumentLink).default([]),
  exempt: z.boolean().default(false),
  source: Source.optional(),
  history: z.array(ChangeRecord).default([]),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Decision = z.infer<typeof Decision>;
