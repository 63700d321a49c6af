import { z } from 'zod';
import { conflict, DomainError, Id, Instant, londonDateOf, Meeting, MeetingStatus, RealCalendarDate } from '../../domain';
import type { Store } from '../../store/port';
import { etagMatches } from '../etag-match';

/** What an officer sends to enter a meeting by hand (councils without ModernGov): no source, no import fields. */
export const MeetingFields = z
  .object({
    id: Id,
    committeeId: Id,
    /** An ISO 8601 instant with its offset: `2026-12-08T18:30:00Z` or `2026-12-08T18:30:00+00:00`. */
    startsAt: Instant,
    venue: z.string().trim().min(1).max(200).optional(),
    status: MeetingStatus.default('scheduled'),
    agendaPublishedAt: Instant.optional(),
    /** The London date the agenda is expected (yyyy-mm-dd), when democratic services know it; not after the meeting. */
    agendaExpectedOn: RealCalendarDate.optional(),
  })
  .strict();

/** The meeting as sent, with the rule across its fields: an agenda is not expected after its meeting. */
export const MeetingBody = MeetingFields.superRefine((m, ctx) => {
  if (m.agendaExpectedOn && !Number.isNaN(Date.parse(m.startsAt)) && m.agendaExpectedOn > londonDateOf(m.startsAt)) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['agendaExpectedOn'], message: `must not be after the meeting (${londonDateOf(m.startsAt)})` });
  }
});

export interface UpsertMeetingInput {
  /** Untrusted meeting data (an API body): validated here. */
  readonly meeting: unknown;
  /** The ETag the caller read; a stale one is refused (412). Without it, the officer's record wins. */
  readonly ifMatch?: string;
}

export interface UpsertMeetingResult {
  readonly created: boolean;
  readonly meeting: Meeting;
  readonly etag: string;
}

const invalid = (errors: Array<{ where: string; message: string }>): DomainError =>
  new DomainError('invalid', `The meeting is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, { errors });

/**
 * Creates or changes a meeting by hand: committee, date and time, venue, status, when its agenda is expected. What an import recorded of it (its
 * ModernGov source) is kept; a meeting stays in its committee (move it by creating another and cancelling this one).
 */
export async function upsertMeeting(input: UpsertMeetingInput, store: Pick<Store, 'meetings' | 'committees'>): Promise<UpsertMeetingResult> {
  const parsed = MeetingBody.safeParse(input.meeting);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ where: i.path.join('.') || 'meeting', message: i.message })));
  const body = parsed.data;
  if (!(await store.committees.get(body.committeeId))) {
    const known = (await store.committees.list()).map((c) => c.id).join(', ') || 'none yet';
    throw invalid([{ where: 'committeeId', message: `committee "${body.committeeId}" does not exist (known committees: ${known}); create it with PUT /api/v1/committees/${body.committeeId}` }]);
  }
  const existing = await store.meetings.findById(body.id);
  if (existing && existing.value.committeeId !== body.committeeId) {
    throw invalid([{ where: 'committeeId', message: `meeting ${body.id} belongs to ${existing.value.committeeId}; a meeting cannot move committee (cancel it and create another)` }]);
  }
  if (input.ifMatch !== undefined) {
    if (!existing) throw new DomainError('conflict', `meeting ${body.id} does not exist, so it cannot match the ETag sent; send it without If-Match to create it`);
    if (input.ifMatch.trim() !== '*' && !etagMatches(input.ifMatch, existing.etag)) throw conflict('meeting', body.id);
  }
  const meeting: Meeting = {
    ...(existing?.value.source ? { source: existing.value.source } : {}),
    ...body,
  };
  if (!existing) {
    const created = await store.meetings.create(meeting);
    if (created.created) return { created: true, meeting: created.record.value, etag: created.record.etag };
    // Someone created it meanwhile: with an ETag the caller would have been told; without one, the officer's record wins.
    const saved = await store.meetings.replace(meeting, created.existing.etag);
    return { created: false, meeting: saved.value, etag: saved.etag };
  }
  const saved = await store.meetings.replace(meeting, existing.etag);
  return { created: false, meeting: saved.value, etag: saved.etag };
}
