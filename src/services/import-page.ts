import { z } from 'zod';
import {
  AgendaItem, AuditChannel, Decision, DomainError, Id, Meeting, initialOutcomeStatus, isRecommendationToCouncil, londonDateOf,
  londonWallTimeToInstant, type Committee, type Outcome,
} from '../domain';
import { carryOutcomeStatuses } from '../import/carry-outcome-status';
import type { AgendaItemDraft, DecisionDraft, ImportDraft, MeetingDraft } from '../import/import-draft';
import type { PageMediaType } from '../import/read-page';
import { outcomeWhere } from '../import/import-checks';
import { warning, type ImportWarning } from '../import/import-warning';
import { idFromSource, meetingExternalId } from '../import/source-keys';
import type { Store } from '../store/port';
import { recordChange } from './audit/record-change';
import { decodePageBody } from './decode-page-body';
import type { PageReader } from './page-reader';
import { resolveImportPlace, type ImportPlace } from './resolve-import-committee';
import { linkCouncilDecision } from './link-council-decision';
import type { NotificationDeps } from './notifications/notification-deps';
import { planNotificationsAfterImport, type PlannedNotifications } from './notifications/plan-after-import';
import { planRecord, savePlanned, stampImport, type PlannedRecord, type RecordOps, type WriteAction } from './save-imported-record';

export const ImportPageInput = z.object({
  body: z.union([z.string(), z.instanceof(Buffer)]),
  contentType: z.string(),
  meetingId: Id.optional(),
  /** The committee the page belongs to, where the page does not say (a GetMeeting answer names none). */
  committeeId: Id.optional(),
  /** The agenda item a decision page is about, where the page does not say (ieDecisionDetails.aspx?AIId=). */
  agendaItemId: Id.optional(),
  sourceUrl: z.string().url().refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) address').optional(),
  dryRun: z.boolean(),
  /** Create the committee the page names when the store does not hold it (a new install's first import). */
  createCommittee: z.boolean().default(false),
  /** The council's call-in period (CALL_IN_WORKING_DAYS), for a committee the import creates. */
  defaultCallInWorkingDays: z.number().int().min(0).max(30).default(5),
  importedBy: z.string().min(1),
  /** The way in the import came (for the audit entry of a committee it creates). */
  importedVia: AuditChannel.default('api'),
  now: z.date(),
});
export type ImportPageInput = z.input<typeof ImportPageInput>;

export interface ImportPageDeps {
  readonly store: Store;
  /** For the notifications an import makes due (quiet hours, waking the sender); without it, no quiet hours. */
  readonly notifications?: Omit<NotificationDeps, 'store' | 'now'>;
  /** Reads the page off the event loop, within a time budget. */
  readonly pages: PageReader;
}

export interface ImportWrite {
  readonly record: 'committee' | 'meeting' | 'agenda-item' | 'decision';
  readonly id: string;
  /** On a dry run, what would have happened. */
  readonly action: WriteAction;
}

export interface ImportPageResult {
  /** Which kind of page it was: an agenda-item page (text), a decision-details page (HTML), a GetMeeting answer (XML). */
  readonly pageKind: ImportDraft['pageKind'];
  /** The page's agenda item: the item of an agenda-item page; null for a decision page or a GetMeeting answer. */
  readonly agendaItem: AgendaItem | null;
  readonly decision: Decision | null;
  readonly warnings: ImportWarning[];
  /** Every agenda item imported: the one of an item page, one per item of a GetMeeting answer. */
  readonly agendaItems: AgendaItem[];
  /** The meeting of a GetMeeting answer (or the one named by meetingId); null otherwise. */
  readonly meeting: Meeting | null;
  readonly committee: Committee;
  readonly dryRun: boolean;
  readonly writes: ImportWrite[];
  /** Cabinet decisions whose recommendations to Council this (Full Council) decision decided, as now stored. */
  readonly councilLinked: Decision[];
  /** The notifications the import made due (agenda published, reminder, decision notice ...), or why they could not be planned. */
  readonly notifications: PlannedNotifications;
}

/** The officer API's answer body (POST /api/v1/imports): { agendaItem, decision, warnings }, and for a GetMeeting
 *  answer also the meeting and its agenda items. */
export const importResponseBody = (result: ImportPageResult): Record<string, unknown> => ({
  agendaItem: result.agendaItem,
  decision: result.decision,
  warnings: result.warnings,
  ...(result.pageKind === 'meeting-xml' ? { meeting: result.meeting, agendaItems: result.agendaItems } : {}),
  ...(result.councilLinked.length > 0
    ? { councilLinked: result.councilLinked.map((d) => ({ id: d.id, title: d.title, committeeId: d.committeeId, outcomes: d.outcomes })) }
    : {}),
  ...(result.dryRun ? {} : { notifications: result.notifications }),
});

const invalid = (message: string, details?: Record<string, unknown>): DomainError => new DomainError('invalid', message, details);

/** What the officer is told about a committee the page names and the bot does not hold yet. */
function committeeUnknownWarning(committee: Committee, creating: boolean): ImportWarning {
  const what = `committee ${committee.id} ("${committee.name}", kind ${committee.kind})`;
  return warning(
    'committee-unknown',
    'committee',
    creating
      ? `The bot had no committee named ${committee.name}: the import creates ${what}; change it later with PUT /api/v1/committees/${committee.id}.`
      : `The bot has no committee named ${committee.name}. This dry run shows the page under ${what}, not stored; a real import is refused until it exists: create it with PUT /api/v1/committees/${committee.id}, or import with ?createCommittee=true (cabinet-bot import --create-committee).`,
  );
}

/** Validates a built record against its schema; a failure is the page's fault, told to the officer, not a crash. */
function validated<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw invalid(`The imported ${what} is not valid at ${issue.path.join('.') || 'its top level'}: ${issue.message}`, { where: what });
}

function refuseCommitteeMove(existing: { committeeId: string; id: string } | undefined, committee: Committee, what: string): void {
  if (existing && existing.committeeId !== committee.id) {
    throw invalid(`This ${what} was imported before under another committee (${existing.committeeId}), not ${committee.name}: import it with that committee's meeting, or remove the earlier record.`,
      { id: existing.id });
  }
}

interface Context {
  readonly store: Store;
  readonly place: ImportPlace;
  readonly committees: readonly Committee[];
  readonly at: string;
  readonly now: Date;
  readonly by: string;
}

function agendaItemOps(ctx: Context, draft: AgendaItemDraft, meetingId: string | undefined): RecordOps<AgendaItem> {
  const { store, place } = ctx;
  return {
    find: () => store.agendaItems.findBySource(draft.key),
    build: (existing) => {
      refuseCommitteeMove(existing, place.committee, 'agenda item');
      const { withdrawnAt: _back, ...current } = existing ?? {};
      const candidate = validated(AgendaItem, {
        summary: '', recommendations: [], documents: [], forDecision: true,
        ...current, // an item listed again is no longer withdrawn
        ...draft.fields,
        id: existing?.id ?? idFromSource('ai', draft.key),
        committeeId: place.committee.id,
        ...((meetingId ?? existing?.meetingId) ? { meetingId: meetingId ?? existing?.meetingId } : {}),
        source: { ...existing?.source, kind: draft.sourceKind, ...draft.key, importedAt: ctx.at },
        history: existing?.history ?? [],
        createdAt: existing?.createdAt ?? ctx.at,
        updatedAt: ctx.at,
      }, draft.where);
      return stampImport(candidate, existing, ctx.at, ctx.by);
    },
    create: (record) => store.agendaItems.create(record),
    replace: (record, etag) => store.agendaItems.replace(record, etag),
  };
}

function decisionOps(
  ctx: Context,
  draft: DecisionDraft,
  links: { agendaItemId?: string; meetingId?: string; decidedOn?: string; councilMeetingId?: string },
): RecordOps<Decision> {
  const { store, place } = ctx;
  const today = londonDateOf(ctx.at);
  const decidedOn = draft.fields.decidedOn ?? links.decidedOn;
  return {
    // By its own source first; else the decision already held for its agenda item, so a decision page reached by its
    // own ieDecisionDetails.aspx?ID= and by ?AIId= (or the item's page, or GetMeeting's text) is one record.
    find: async () => (await store.decisions.findBySource(draft.key))
      ?? (links.agendaItemId ? await store.decisions.findByAgendaItem(place.committee.id, links.agendaItemId) : undefined),
    build: (existing) => {
      refuseCommitteeMove(existing, place.committee, 'decision');
      const imported = draft.outcomes.map((o): Outcome => {
        const { status } = initialOutcomeStatus(o.verb, o.target, {
          committeeKind: place.committee.kind,
          callInWorkingDays: place.committee.callInWorkingDays,
          urgent: existing?.urgent ?? false,
          ...(draft.fields.subjectToCallIn !== undefined ? { subjectToCallIn: draft.fields.subjectToCallIn } : {}),
          ...(decidedOn ? { decidedOn } : {}),
          ...(draft.fields.publishedOn ? { publishedOn: draft.fields.publishedOn } : {}),
          today,
        });
        return {
          number: o.number, verb: o.verb, ...(o.target ? { target: o.target } : {}), text: o.text, status,
          ...(links.councilMeetingId && isRecommendationToCouncil(o.verb, o.target) ? { councilMeetingId: links.councilMeetingId } : {}),
        };
      });
      const outcomes = carryOutcomeStatuses(imported, existing?.outcomes ?? []);
      const meetingId = links.meetingId ?? existing?.meetingId;
      const agendaItemId = links.agendaItemId ?? existing?.agendaItemId;
      const candidate = validated(Decision, {
        urgent: false,
        ...existing,
        ...draft.fields,
        // GetMeeting's text names no decision maker: the meeting's committee made it (its page, later, says exactly).
        ...(draft.sourceKind === 'moderngov-meeting-xml' ? { decisionMaker: existing?.decisionMaker ?? place.committee.name } : {}),
        id: existing?.id ?? idFromSource('dec', draft.key),
        committeeId: place.committee.id,
        ...(agendaItemId ? { agendaItemId } : {}),
        ...(meetingId ? { meetingId } : {}),
        ...(decidedOn ? { decidedOn } : {}),
        outcomes,
        // A decision reached another way (its page by ID or by AIId, its item's page) keeps the address it was first
        // imported from and gains the id it lacked, so each way finds it again and none reads as a change; one held
        // only from GetMeeting's text takes its page's source when the page comes.
        source: existing?.source && existing.source.kind !== 'moderngov-meeting-xml'
          ? { ...draft.key, ...existing.source, importedAt: ctx.at }
          : existing?.source
            ? { ...existing.source, kind: draft.sourceKind, ...draft.key, importedAt: ctx.at }
          : { kind: draft.sourceKind, ...draft.key, importedAt: ctx.at },
        history: existing?.history ?? [],
        createdAt: existing?.createdAt ?? ctx.at,
        updatedAt: ctx.at,
      }, 'decision');
      return stampImport(candidate, existing, ctx.at, ctx.by);
    },
    create: (record) => store.decisions.create(record),
    replace: (record, etag) => store.decisions.replace(record, etag),
  };
}

/**
 * ModernGov's Cancelled or Postponed wins; a meeting it lists again as going ahead is scheduled (or held, once
 * past) again; otherwise what was stored stays.
 */
function meetingStatus(draft: MeetingDraft, existing: Meeting | undefined, startsAt: string, now: Date): Meeting['status'] {
  if (draft.state) return draft.state;
  const byTime = Date.parse(startsAt) < now.getTime() ? 'held' : 'scheduled';
  if (!existing || existing.status === 'cancelled' || existing.status === 'postponed') return byTime;
  return existing.status;
}

/** A GetMeeting answer's meeting, recorded under its committee; the id comes from ModernGov's meeting id. */
function meetingOps(ctx: Context, draft: MeetingDraft, warnings: ImportWarning[]): RecordOps<Meeting> {
  const { store, place } = ctx;
  const id = idFromSource('mtg', draft.key.externalId ? { externalId: draft.key.externalId } : draft.key);
  if (!draft.date) throw invalid('The GetMeeting answer has no readable <meetingdate>: pass --meeting to import its items into a meeting you created.', { where: 'meeting/meetingdate' });
  if (!draft.time) warnings.push(warning('meeting-time-missing', 'meeting/meetingtime', 'The meeting has no start time; midnight (Europe/London) was recorded. Correct it before sending reminders.'));
  const startsAt = londonWallTimeToInstant(draft.date, draft.time ?? '00:00');
  if (!startsAt) throw invalid(`The meeting time "${draft.time ?? ''}" is not a time of day.`, { where: 'meeting/meetingtime' });
  return {
    find: () => store.meetings.get(place.committee.id, id),
    build: (existing) => {
      // The first import that sees the agenda published records when; later ones keep that instant.
      const agendaPublishedAt = existing?.agendaPublishedAt ?? (draft.agendaPublished === true ? ctx.at : undefined);
      const candidate = validated(Meeting, {
        ...existing,
        id,
        committeeId: place.committee.id,
        startsAt,
        ...(draft.venue ? { venue: draft.venue } : {}),
        status: meetingStatus(draft, existing, startsAt, ctx.now),
        ...(agendaPublishedAt ? { agendaPublishedAt } : {}),
        source: { ...existing?.source, kind: 'moderngov-meeting-xml', ...draft.key, importedAt: ctx.at },
      }, 'meeting');
      if (!existing) return { record: candidate, action: 'created' };
      const same = JSON.stringify({ ...existing, source: { ...existing.source, importedAt: undefined } }) ===
        JSON.stringify({ ...candidate, source: { ...candidate.source, importedAt: undefined } });
      return same ? { record: existing, action: 'unchanged' } : { record: candidate, action: 'updated' };
    },
    create: (record) => store.meetings.create(record),
    replace: (record, etag) => store.meetings.replace(record, etag),
  };
}

/**
 * The items of a published agenda that a new GetMeeting answer no longer lists: marked withdrawn (with the change in
 * their history), never deleted, so acknowledgements and cards that point at them keep their meaning.
 */
async function withdrawnItemOps(ctx: Context, meeting: Meeting, draft: ImportDraft): Promise<RecordOps<AgendaItem>[]> {
  const listed = new Set(draft.agendaItems.map((i) => i.key.externalId));
  const stored = await ctx.store.agendaItems.listByMeeting(ctx.place.committee.id, meeting.id);
  return stored
    .filter((item) => item.source?.kind === 'moderngov-meeting-xml' && !listed.has(item.source.externalId) && item.withdrawnAt === undefined)
    .map((item): RecordOps<AgendaItem> => ({
      find: () => ctx.store.agendaItems.get(item.committeeId, item.id),
      build: (existing) => {
        if (!existing) throw invalid(`The agenda item ${item.id} was removed while it was being marked withdrawn.`, { id: item.id });
        return stampImport({ ...existing, withdrawnAt: existing.withdrawnAt ?? ctx.at }, existing, ctx.at, ctx.by);
      },
      create: (record) => ctx.store.agendaItems.create(record),
      replace: (record, etag) => ctx.store.agendaItems.replace(record, etag),
    }));
}

/**
 * Full Council's next meeting on or after the Cabinet meeting, to link a recommendation to Council; a warning
 * when no Council committee or meeting is known, since the recommendation then waits on nothing the bot can see.
 */
async function councilMeetingFor(ctx: Context, draft: DecisionDraft, fromDate: string | undefined, warnings: ImportWarning[]): Promise<string | undefined> {
  const toCouncil = draft.outcomes.filter((o) => isRecommendationToCouncil(o.verb, o.target));
  if (toCouncil.length === 0) return undefined;
  const council = ctx.committees.find((c) => c.kind === 'council');
  const from = fromDate ? new Date(londonWallTimeToInstant(fromDate, '00:00') ?? ctx.at) : ctx.now;
  const [meeting] = council ? await ctx.store.meetings.listUpcoming(council.id, from, 1) : [];
  if (meeting) return meeting.id;
  for (const outcome of toCouncil) {
    warnings.push(warning('council-meeting-unknown', outcomeWhere(outcome),
      council
        ? `Outcome ${outcome.number} is a recommendation to Council, but no meeting of ${council.name} is known after ${fromDate ?? 'today'}: import or create it so members can see when Council decides.`
        : `Outcome ${outcome.number} is a recommendation to Council, but there is no Council committee: create it and its meetings so members can see when Council decides.`));
  }
  return undefined;
}

const sameTitle = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The agenda item a decision page is about when the caller does not say (a page reached by its own
 * ieDecisionDetails.aspx?ID=, which names no agenda item): the item of the decision already stored from this page, or
 * else the one item of the page's "Decided at meeting:" meeting that bears the decision's title. None when that is
 * not one item: a decision is never tied to a guess.
 */
async function decisionPageItemId(ctx: Context, draft: DecisionDraft, meetingId: string | undefined): Promise<string | undefined> {
  const stored = (await ctx.store.decisions.findBySource(draft.key))?.value;
  if (stored?.agendaItemId) return stored.agendaItemId;
  if (!meetingId) return undefined;
  const items = (await ctx.store.agendaItems.listByMeeting(ctx.place.committee.id, meetingId))
    .filter((i) => sameTitle(i.title, draft.fields.title) || sameTitle(i.titleAsPublished, draft.fields.title));
  return items.length === 1 ? items[0]!.id : undefined;
}

/** A decision page's "Decided at meeting:" link, where that meeting was imported from the web service. */
async function linkedMeetingId(ctx: Context, draft: DecisionDraft): Promise<string | undefined> {
  if (ctx.place.meeting) return ctx.place.meeting.id;
  if (!draft.modernGovMeetingId) return undefined;
  const id = idFromSource('mtg', { externalId: meetingExternalId(draft.modernGovMeetingId) });
  return (await ctx.store.meetings.get(ctx.place.committee.id, id)) ? id : undefined;
}

async function readDraft(pages: PageReader, text: string, mediaType: PageMediaType, sourceUrl: string | undefined): Promise<ImportDraft> {
  const result = await pages.read({ kind: 'import-draft', text, mediaType, ...(sourceUrl !== undefined ? { sourceUrl } : {}) });
  if (!result.ok) {
    throw invalid(`${result.error.where}: ${result.error.message}`, { where: result.error.where, errors: [result.error] });
  }
  return result.value;
}

/**
 * Imports one ModernGov page (agenda-item text, decision-details HTML or GetMeeting XML): reads it, places it
 * under its committee, works out every record to store and what changed, checks them all, and only then writes,
 * so a page that fails anywhere stores nothing. A dry run answers the same without writing. Re-importing the
 * same page updates its records (keeping what changed in their history) and never duplicates them.
 */
export async function importPage(rawInput: ImportPageInput, deps: ImportPageDeps): Promise<ImportPageResult> {
  const input = validInput(ImportPageInput, rawInput);
  const { mediaType, text } = decodePageBody(input.body, input.contentType);
  return importDraft(await readDraft(deps.pages, text, mediaType, input.sourceUrl), input, deps);
}

const ImportDraftInput = ImportPageInput.omit({ body: true, contentType: true });
export type ImportDraftInput = z.input<typeof ImportDraftInput>;

function validInput<S extends z.ZodTypeAny>(schema: S, raw: unknown): z.infer<S> {
  const parsedInput = schema.safeParse(raw);
  if (!parsedInput.success) {
    const issue = parsedInput.error.issues[0]!;
    throw invalid(`${issue.path.join('.')}: ${issue.message}`, { where: issue.path.join('.') });
  }
  return parsedInput.data;
}

/**
 * The import of a page already read: what importPage does after reading. The sync uses it for a decision drawn
 * from GetMeeting's text (import/meeting-item-decision.ts), so that decision is stored exactly as any.
 */
export async function importDraft(draft: ImportDraft, rawInput: ImportDraftInput, deps: ImportPageDeps): Promise<ImportPageResult> {
  const input = validInput(ImportDraftInput, rawInput);
  // A dry run shows what the page holds even under a committee the bot does not know yet; a real import creates it
  // only when asked (createCommittee), and otherwise is refused naming the call that creates it.
  const place = await resolveImportPlace(deps.store, draft, input.meetingId, input.committeeId,
    input.dryRun || input.createCommittee ? { action: 'propose', callInWorkingDays: input.defaultCallInWorkingDays } : { action: 'refuse' });
  const known = await deps.store.committees.list();
  const ctx: Context = {
    store: deps.store, place, committees: place.newCommittee ? [...known, place.committee] : known, at: input.now.toISOString(), now: input.now, by: input.importedBy,
  };
  const warnings = [...draft.warnings];
  if (place.newCommittee) warnings.push(committeeUnknownWarning(place.committee, input.createCommittee));

  // Work out every record first: nothing is written until all of them are known to be valid.
  const meetingOpsForPage = draft.meeting && !place.meeting ? meetingOps(ctx, draft.meeting, warnings) : undefined;
  const meetingStep = meetingOpsForPage ? { ops: meetingOpsForPage, plan: await planRecord(meetingOpsForPage) } : undefined;
  const meetingRecord = place.meeting ?? meetingStep?.plan.record;
  const itemPlans = await Promise.all(draft.agendaItems.map(async (item) => {
    const ops = agendaItemOps(ctx, item, meetingRecord?.id);
    return { ops, plan: await planRecord(ops) };
  }));
  // Items gone from an agenda that is published (here or before): withdrawn, not deleted.
  const agendaPublished = meetingRecord?.agendaPublishedAt !== undefined;
  const withdrawn = draft.pageKind === 'meeting-xml' && meetingRecord && meetingStep && agendaPublished
    ? await Promise.all((await withdrawnItemOps(ctx, meetingRecord, draft)).map(async (ops) => ({ ops, plan: await planRecord(ops) })))
    : [];
  for (const { plan } of withdrawn) {
    warnings.push(warning('agenda-item-withdrawn', `agenda item ${plan.record.number ?? '?'} (${plan.record.id})`,
      `"${plan.record.title}" is no longer on the published agenda: it is marked withdrawn, not deleted.`));
  }
  let decisionStep: { ops: RecordOps<Decision>; plan: PlannedRecord<Decision> } | undefined;
  if (draft.decision) {
    const meetingId = await linkedMeetingId(ctx, draft.decision);
    const meetingDate = place.meeting ? londonDateOf(place.meeting.startsAt) : undefined;
    const decidedOn = draft.decision.fields.decidedOn ?? meetingDate;
    const councilMeetingId = await councilMeetingFor(ctx, draft.decision, decidedOn, warnings);
    const agendaItemId = input.agendaItemId ?? itemPlans[0]?.plan.record.id
      ?? (draft.pageKind === 'decision-details' ? await decisionPageItemId(ctx, draft.decision, meetingId) : undefined);
    const ops = decisionOps(ctx, draft.decision, {
      ...(agendaItemId ? { agendaItemId } : {}),
      ...(meetingId ? { meetingId } : {}),
      ...(meetingDate ? { decidedOn: meetingDate } : {}),
      ...(councilMeetingId ? { councilMeetingId } : {}),
    });
    decisionStep = { ops, plan: await planRecord(ops) };
  }

  const writes: ImportWrite[] = [];
  const record = async <T extends { id: string }>(kind: ImportWrite['record'], ops: RecordOps<T>, plan: PlannedRecord<T>): Promise<T> => {
    const saved = input.dryRun ? plan : await savePlanned(ops, plan);
    writes.push({ record: kind, id: saved.record.id, action: saved.action });
    return saved.record;
  };
  // The committee first: every record below is in its partition. Created only now, once every record is known valid.
  if (place.newCommittee) {
    if (!input.dryRun) {
      await deps.store.committees.create(place.committee);
      // A committee is access control (its members see its exempt business): who created it is on the audit log.
      const target = { kind: 'committee', id: place.committee.id, label: place.committee.name } as const;
      await recordChange(deps.store.audit, { actor: { id: input.importedBy, via: input.importedVia } }, { action: 'committee.created', target, details: { by: 'import' } }, input.now);
    }
    writes.push({ record: 'committee', id: place.committee.id, action: 'created' });
  }
  const meetingBefore = meetingStep?.plan.before;
  const meeting = meetingStep ? await record('meeting', meetingStep.ops, meetingStep.plan) : place.meeting;
  const agendaItems: AgendaItem[] = [];
  for (const { ops, plan } of itemPlans) agendaItems.push(await record('agenda-item', ops, plan));
  const withdrawnItems: AgendaItem[] = [];
  for (const { ops, plan } of withdrawn) withdrawnItems.push(await record('agenda-item', ops, plan));
  const decision = decisionStep ? await record('decision', decisionStep.ops, decisionStep.plan) : null;
  // Full Council deciding a Cabinet recommendation: the recommendation's status follows it.
  const councilLinked = decision && !input.dryRun ? await linkCouncilDecision(decision, { store: deps.store, now: input.now }) : [];
  for (const linked of councilLinked) writes.push({ record: 'decision', id: linked.id, action: 'updated' });

  const imported = {
    pageKind: draft.pageKind,
    // Withdrawn items too, so the cards already sent about them are redrawn.
    agendaItems: [...agendaItems, ...withdrawnItems],
    meeting: meeting ?? null,
    ...(meetingBefore ? { meetingBefore } : {}),
    decision,
    committee: place.committee,
    writes,
  };
  // What members are told follows from the records now stored; a failure here leaves the import stored, and says so.
  const notifications = input.dryRun
    ? { planned: [] }
    : await planNotificationsAfterImport(imported, { store: deps.store, now: () => input.now, ...deps.notifications });
  return {
    pageKind: draft.pageKind,
    agendaItem: draft.pageKind === 'agenda-item-text' ? agendaItems[0] ?? null : null,
    decision,
    warnings,
    agendaItems,
    meeting: meeting ?? null,
    committee: place.committee,
    dryRun: input.dryRun,
    writes,
    councilLinked,
    notifications,
  };
}
