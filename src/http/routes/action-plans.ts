import { z } from 'zod';
import { CalendarDate, Id, Instant, Rag } from '../../domain';
import { agendaItemExternalId, idFromSource } from '../../import/source-keys';
import { ActionFields, NewPlanInput, PlanInput } from '../../services/action-plans/action-plan-input';
import { actionPlanRecord } from '../../services/action-plans/action-plan-record';
import { createActionPlan } from '../../services/action-plans/create-action-plan';
import { officerViewer } from '../../services/action-plans/officer-viewer';
import { replaceActionPlan } from '../../services/action-plans/replace-action-plan';
import { scrutinyReport } from '../../services/action-plans/scrutiny-report';
import { committeeScrutinyReport } from '../../services/action-plans/committee-scrutiny-report';
import { committeeScrutinyReportCsv, committeeScrutinyReportHtml, scrutinyReportCsv, scrutinyReportHtml } from '../../services/action-plans/scrutiny-report-files';
import { londonToday } from '../../services/conversation/conversation-deps';
import { recordActionUpdate } from '../../services/conversation/record-action-update';
import { etagMatches } from '../../services/etag-match';
import { OFFICER_READER } from '../../services/records/record-reader';
import { DEMO_IDS, DEMO_PEOPLE } from '../../services/demo/demo-council';
import { ActionPlanAnswer, ActionUpdateAnswer, RagAnswer } from '../answers';
import { CSV_TYPE, HTML_TYPE, IdParams, JSON_TYPE } from '../contract';
import { badRequest, HttpProblem } from '../problem';
import { acceptsCsv, csvResult, InstantOrDay, parseQuery } from '../query-values';
import { httpEtag, ifMatchOf } from '../request-values';
import type { ApiResult, ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** An update as the Teams card takes it: RAG, percent and a note of up to 2,000 characters. */
export const UpdateBody = z.object({ rag: Rag, percentComplete: z.number().int().min(0).max(100), note: z.string().max(2000).default('') }).strict();
const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

const location = (id: string) => `/api/v1/action-plans/${encodeURIComponent(id)}`;

/** services/action-plans/action-plan-record.ts: a plan with every update, oldest first, removed actions' included. */
export const ActionPlanRecordAnswer = ActionPlanAnswer.extend({
  updates: z.array(ActionUpdateAnswer),
  removedActionIds: z.array(Id),
  overdueActionIds: z.array(Id),
}).openapi('ActionPlanRecord');
export const UpdatedActionAnswer = ActionPlanAnswer.extend({ updates: z.array(ActionUpdateAnswer) }).openapi('UpdatedAction');

const Summary = z.object({
  'on-track': z.number().int().min(0), 'at-risk': z.number().int().min(0), 'off-track': z.number().int().min(0), done: z.number().int().min(0),
  overdue: z.number().int().min(0), total: z.number().int().min(0),
}).strict();

/** services/action-plans/scrutiny-report.ts: a plan's report for its Scrutiny Committee. */
export const ScrutinyReportAnswer = z
  .object({
    plan: z.object({ id: Id, title: z.string(), committeeId: Id, decisionId: Id }).strict(),
    committeeName: z.string(),
    decisionTitle: z.string().optional(),
    asOf: CalendarDate,
    summary: Summary,
    actions: z.array(
      z.object({
        id: Id, title: z.string(), owner: z.string(), dueOn: CalendarDate, rag: RagAnswer, percentComplete: z.number().int().min(0).max(100), overdue: z.boolean(),
        history: z.array(z.object({ at: Instant, by: z.string(), rag: RagAnswer, percentComplete: z.number().int().min(0).max(100), note: z.string() }).strict()),
      }).strict(),
    ),
  })
  .strict()
  .openapi('ScrutinyReport');

/** services/action-plans/committee-scrutiny-report.ts: every plan of a committee over a period. */
export const CommitteeScrutinyReportAnswer = z
  .object({
    committee: z.object({ id: Id, name: z.string() }).strict(),
    period: z.object({ from: Instant.optional(), to: Instant.optional() }).strict(),
    asOf: CalendarDate,
    summary: Summary,
    plans: z.array(ScrutinyReportAnswer),
  })
  .strict()
  .openapi('CommitteeScrutinyReport');

const REPORT_DESCRIPTION = 'A printable HTML page unless asked otherwise; CSV with Accept: text/csv; JSON with Accept: application/json (without text/html).';
const reportResponses = (json: z.ZodTypeAny) => ({
  200: { description: 'The report.', content: { [HTML_TYPE]: z.string(), [CSV_TYPE]: z.string(), [JSON_TYPE]: json }, headers: ['Vary', 'Content-Disposition', 'Content-Security-Policy'] as const },
});

/** What PUT takes: the use case's PlanInput, and the plan's own fields that the handler sets aside before it. */
const ignored = (schema: z.ZodTypeAny) => schema.optional().openapi({ description: 'Ignored: the plan\'s own.' });
const PlanEdit = PlanInput.extend({
  id: ignored(Id), decisionId: ignored(Id), committeeId: ignored(Id), agendaItemId: ignored(Id), createdAt: ignored(Instant), updatedAt: ignored(Instant),
  actions: z.array(ActionFields.extend({ lastUpdateAt: ignored(Instant) })).max(200).optional(),
  updates: ignored(z.array(z.unknown())), removedActionIds: ignored(z.array(Id)), overdueActionIds: ignored(z.array(Id)),
});

/** A plan as GET answered it, sent back: the fields that are the plan's own (not an officer's to set) set aside. */
function editableFields(body: Record<string, unknown>): Record<string, unknown> {
  const {
    id: _id, decisionId: _decision, committeeId: _committee, agendaItemId: _item, createdAt: _c, updatedAt: _u,
    updates: _updates, removedActionIds: _removed, overdueActionIds: _overdue, ...editable
  } = body;
  if (!Array.isArray(editable.actions)) return editable;
  const actions = editable.actions.map((action: unknown) => {
    if (typeof action !== 'object' || action === null || Array.isArray(action)) return action;
    const { lastUpdateAt: _last, ...fields } = action as Record<string, unknown>;
    return fields;
  });
  return { ...editable, actions };
}

/** Due dates of the example edit: the demo plan's own, as it was seeded today. */
const dayFromToday = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const EXAMPLE_EDIT = {
  title: 'Community Safety Action Plan 2026-27',
  actions: [
    { id: 'act-engagement', title: 'Run a community engagement programme in each ward', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: dayFromToday(-3) },
    { id: 'act-domestic-abuse', title: 'Extend the Perpetrator Programme to all partner agencies', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: dayFromToday(30) },
    { id: 'act-scrutiny-report', title: 'Report progress to Scrutiny Committee', ownerMemberId: DEMO_PEOPLE.housing.id, dueOn: dayFromToday(90) },
    { title: 'Publish the ward engagement results', ownerMemberId: DEMO_PEOPLE.housing.id, dueOn: dayFromToday(60) },
  ],
};
/** The decision the import example (POST /api/v1/imports, mgAi.aspx?ID=9101) stores: the importer names it from the item's ModernGov id. */
const EXAMPLE_IMPORTED_DECISION = idFromSource('dec', { externalId: agendaItemExternalId('9101') });

/**
 * Action plans, the record of what follows a decision: started and edited by officers (ETags: of two edits from the
 * same version the second is refused and told), and updated action by action through the same use case as the
 * Teams card (the owner or an officer; done means 100; history append-only).
 */
export const actionPlanRoutes = ({ store, notifications }: Pick<RouteDeps, 'store' | 'notifications'>): ApiRoute[] => [
  {
    method: 'post',
    path: '/api/v1/action-plans',
    role: 'Officer',
    contract: {
      summary: 'Start the action plan that follows a decision',
      description: 'Its title and first actions (owners from the roster, real due dates; done means 100 percent). One plan per decision: a second is refused (409), naming the first.',
      tag: 'Action plans',
      body: { content: { [JSON_TYPE]: NewPlanInput } },
      responses: { 201: { description: 'Started.', content: { [JSON_TYPE]: ActionPlanAnswer }, headers: ['ETag', 'Location'] } },
      refusals: [400, 404, 409, 415, 422],
      examples: [
        {
          name: 'start', summary: 'A plan for the decision the import example stored', status: 201,
          body: { contentType: JSON_TYPE, value: { decisionId: EXAMPLE_IMPORTED_DECISION, title: 'Parks Strategy Action Plan', actions: [{ title: 'Consult friends-of-parks groups', ownerMemberId: DEMO_PEOPLE.director.id, dueOn: dayFromToday(45) }] } },
        },
        { name: 'second', summary: 'A second plan for a decision that has one', body: { contentType: JSON_TYPE, value: { decisionId: DEMO_IDS.strategyDecision, title: 'Another plan' } }, status: 409 },
        {
          name: 'notValid', summary: 'An owner not on the roster and a due date that is no day', status: 422,
          body: { contentType: JSON_TYPE, value: { decisionId: DEMO_IDS.cspDecision, title: 'A plan', actions: [{ title: 'Do it', ownerMemberId: 'nobody', dueOn: '2027-02-30' }] } },
        },
      ],
    },
    handle: async (ctx) => {
      const { plan, etag } = await createActionPlan(await ctx.jsonBody(), store, notifications.now());
      ctx.logger.info({ actionPlanId: plan.id, decisionId: plan.decisionId }, 'action plan created');
      return { status: 201, body: plan, headers: { ETag: httpEtag(etag), Location: location(plan.id) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/action-plans/:id',
    role: 'Officer',
    contract: {
      summary: 'Read an action plan with its history',
      tag: 'Action plans',
      params: IdParams,
      responses: { 200: { description: 'The plan, every update oldest first, removed and overdue actions.', content: { [JSON_TYPE]: ActionPlanRecordAnswer }, headers: ['ETag'] } },
      refusals: [404],
      examples: [
        { name: 'communitySafety', summary: 'The Community Safety action plan', params: { id: DEMO_IDS.cspActionPlan }, status: 200 },
        { name: 'unknown', summary: 'A plan that does not exist', params: { id: 'plan-none' }, status: 404 },
      ],
    },
    handle: async ({ params }) => {
      const record = await actionPlanRecord(params.id ?? '', OFFICER_READER, store, londonToday(notifications.now()));
      const { plan, etag, ...history } = record;
      return { status: 200, body: { ...plan, ...history }, headers: { ETag: httpEtag(etag) } };
    },
  },
  {
    method: 'put',
    path: '/api/v1/action-plans/:id',
    role: 'Officer',
    contract: {
      summary: 'Change an action plan',
      description:
        'Its title, and its actions added (no id), changed (title, owner, due date) or removed (left out; its updates stay the record). Progress moves by updates alone. '
        + 'If-Match is required: of two officers editing from the same ETag, the second is refused (412) and keeps their edit. '
        + 'A plan as GET answered it may be sent back: its id, decisionId, committeeId, agendaItemId, createdAt, updatedAt, updates, removedActionIds, overdueActionIds and each action\'s lastUpdateAt are the record\'s own and are ignored.',
      tag: 'Action plans',
      params: IdParams,
      headers: ['If-Match'],
      body: { content: { [JSON_TYPE]: PlanEdit } },
      responses: { 200: { description: 'Changed.', content: { [JSON_TYPE]: ActionPlanAnswer }, headers: ['ETag'] } },
      refusals: [400, 404, 412, 415, 422],
      examples: [
        { name: 'edit', summary: 'Rename the plan and add an action', params: { id: DEMO_IDS.cspActionPlan }, headers: { 'If-Match': '*' }, body: { contentType: JSON_TYPE, value: EXAMPLE_EDIT }, status: 200 },
        { name: 'stale', summary: 'An edit from an ETag that is no longer current', params: { id: DEMO_IDS.cspActionPlan }, headers: { 'If-Match': '"stale"' }, body: { contentType: JSON_TYPE, value: EXAMPLE_EDIT }, status: 412 },
        { name: 'noIfMatch', summary: 'An edit without If-Match', params: { id: DEMO_IDS.cspActionPlan }, body: { contentType: JSON_TYPE, value: EXAMPLE_EDIT }, status: 422 },
      ],
    },
    handle: async (ctx) => {
      const body = await ctx.jsonBody();
      const id = ctx.params.id ?? '';
      if (body.id !== undefined && body.id !== id) throw badRequest(`The body's id ${JSON.stringify(body.id)} is not the id in the path (${id}); send the same id, or none.`);
      const { plan, etag } = await replaceActionPlan(id, editableFields(body), ifMatchOf(ctx), store, notifications.now());
      ctx.logger.info({ actionPlanId: id }, 'action plan changed');
      return { status: 200, body: plan, headers: { ETag: httpEtag(etag) } };
    },
  },
  {
    method: 'post',
    path: '/api/v1/action-plans/:id/actions/:actionId/updates',
    role: 'Officer',
    contract: {
      summary: 'Record an update on an action',
      description:
        'RAG, percent and a note, through the same use case as the Teams card (the owner or an officer; done means 100). With If-Match, a stale update is refused (412) '
        + 'with the plan as it is now (`current`, `currentEtag`) and the update sent (`yours`), to send again. An Idempotency-Key makes a retry the same update.',
      tag: 'Action plans',
      params: z.object({ id: IdParams.shape.id, actionId: Id.openapi({ description: 'The action\'s id.' }) }),
      headers: ['If-Match', 'Idempotency-Key'],
      body: { content: { [JSON_TYPE]: UpdateBody } },
      responses: { 201: { description: 'Recorded: the plan and the action\'s updates.', content: { [JSON_TYPE]: UpdatedActionAnswer }, headers: ['ETag'] } },
      refusals: [400, 404, 412, 415, 422],
      examples: [
        {
          name: 'update', summary: 'The engagement programme is back on track', params: { id: DEMO_IDS.cspActionPlan, actionId: 'act-engagement' }, headers: { 'Idempotency-Key': 'example-update' },
          body: { contentType: JSON_TYPE, value: { rag: 'on-track', percentComplete: 60, note: 'Six of ten wards done.' } }, status: 201,
        },
        { name: 'notValid', summary: 'A RAG status that is not one', params: { id: DEMO_IDS.cspActionPlan, actionId: 'act-engagement' }, body: { contentType: JSON_TYPE, value: { rag: 'purple', percentComplete: 60 } }, status: 422 },
        {
          name: 'stale', summary: 'An update from an ETag that is no longer current', params: { id: DEMO_IDS.cspActionPlan, actionId: 'act-engagement' }, headers: { 'If-Match': '"stale"' },
          body: { contentType: JSON_TYPE, value: { rag: 'at-risk', percentComplete: 50 } }, status: 412,
        },
      ],
    },
    handle: async (ctx) => {
      const id = ctx.params.id ?? '';
      const actionId = Id.parse(ctx.params.actionId ?? '');
      const raw = await ctx.jsonBody();
      const parsed = UpdateBody.safeParse(raw);
      if (!parsed.success) {
        const errors = parsed.error.issues.map((i) => ({ where: i.path.join('.') || 'update', message: i.message }));
        throw new HttpProblem({ status: 422, title: 'Not valid', detail: `The update is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, errors });
      }
      const key = ctx.header('idempotency-key');
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) throw badRequest('Idempotency-Key must be 1 to 100 letters, digits, dots, colons, dashes or underscores.');
      const today = londonToday(notifications.now());
      const read = await actionPlanRecord(id, OFFICER_READER, store, today);
      // A stale update (the plan changed since the caller read it) is refused with the plan as it is now and the
      // caller's own update, to send again once they have looked.
      const ifMatch = ifMatchOf(ctx);
      if (ifMatch !== undefined && ifMatch !== '*' && !etagMatches(ifMatch, read.etag)) {
        throw new HttpProblem({
          status: 412,
          title: 'Changed by someone else',
          detail: `Action plan ${id} was changed since you read it: look at it as it is now (current), then send your update (yours) again with the new ETag.`,
          current: read.plan,
          currentEtag: httpEtag(read.etag),
          yours: parsed.data,
        });
      }
      const viewer = await officerViewer(ctx.principal, store);
      const plan = await recordActionUpdate(
        { committeeId: read.plan.committeeId, actionPlanId: read.plan.id, actionId, ...parsed.data, idempotencyKey: key ?? `api-${ctx.requestId}` },
        viewer,
        { store, now: notifications.now },
      );
      const after = await actionPlanRecord(id, OFFICER_READER, store, today);
      ctx.logger.info({ actionPlanId: id, actionId }, 'action updated');
      return { status: 201, body: { ...plan, updates: after.updates.filter((u) => u.actionId === actionId) }, headers: { ETag: httpEtag(after.etag) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/action-plans/:id/report',
    role: 'Officer',
    contract: {
      summary: 'The Scrutiny report of an action plan',
      description: `Each action, its owner, due date, RAG and percent now and its history of updates, overdue actions first, with a summary. ${REPORT_DESCRIPTION}`,
      tag: 'Action plans',
      params: IdParams,
      headers: ['Accept'],
      responses: reportResponses(ScrutinyReportAnswer),
      refusals: [404],
      examples: [
        { name: 'html', summary: 'The printable page', params: { id: DEMO_IDS.cspActionPlan }, headers: { Accept: HTML_TYPE }, status: 200 },
        { name: 'csv', summary: 'As a spreadsheet', params: { id: DEMO_IDS.cspActionPlan }, headers: { Accept: CSV_TYPE }, status: 200 },
        { name: 'json', summary: 'As JSON', params: { id: DEMO_IDS.cspActionPlan }, headers: { Accept: JSON_TYPE }, status: 200 },
      ],
    },
    handle: async ({ params, header }) => {
      const report = await scrutinyReport(params.id ?? '', OFFICER_READER, store, londonToday(notifications.now()));
      return reportResult(header('accept'), report, () => scrutinyReportCsv(report), () => scrutinyReportHtml(report), `action-plan-report-${report.plan.id}.csv`);
    },
  },
  {
    method: 'get',
    path: '/api/v1/committees/:id/action-plans/report',
    role: 'Officer',
    contract: {
      summary: 'The Scrutiny report of every action plan of a committee',
      description: `The annual review: each plan's actions as they stand, and the updates made within the period (from inclusive, to exclusive). ${REPORT_DESCRIPTION}`,
      tag: 'Action plans',
      params: IdParams,
      query: PeriodQuery,
      headers: ['Accept'],
      responses: reportResponses(CommitteeScrutinyReportAnswer),
      refusals: [400, 404],
      examples: [
        { name: 'json', summary: 'Cabinet\'s plans this year, as JSON', params: { id: DEMO_IDS.cabinet }, query: { from: '2026-01-01' }, headers: { Accept: JSON_TYPE }, status: 200 },
        { name: 'csv', summary: 'As a spreadsheet', params: { id: DEMO_IDS.cabinet }, headers: { Accept: CSV_TYPE }, status: 200 },
        { name: 'unknown', summary: 'A committee that does not exist', params: { id: 'planning' }, status: 404 },
      ],
    },
    handle: async ({ params, query, header }) => {
      const { from, to } = parseQuery(PeriodQuery, query);
      const report = await committeeScrutinyReport(
        params.id ?? '', { ...(from ? { from } : {}), ...(to ? { to } : {}) }, OFFICER_READER, store, londonToday(notifications.now()));
      return reportResult(header('accept'), report, () => committeeScrutinyReportCsv(report), () => committeeScrutinyReportHtml(report), `action-plans-report-${report.committee.id}.csv`);
    },
  },
];

export const PeriodQuery = z.object({ from: InstantOrDay.optional(), to: InstantOrDay.optional() }).strict();

/** A report as asked for: CSV (Accept: text/csv), JSON (application/json without text/html), else the printable page. */
function reportResult(accept: string | undefined, report: unknown, csv: () => string, html: () => string, filename: string): ApiResult {
  if (acceptsCsv(accept)) return csvResult(csv(), filename);
  if (/application\/json/i.test(accept ?? '') && !/text\/html/i.test(accept ?? '')) return { status: 200, body: report, headers: { Vary: 'Accept' } };
  return {
    status: 200,
    body: html(),
    contentType: 'text/html; charset=utf-8',
    // Text and an inline style only: nothing on the page may run or load anything.
    headers: { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff', Vary: 'Accept' },
  };
}
