import { z } from 'zod';
import { Id, Rag } from '../../domain';
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
import { badRequest, HttpProblem } from '../problem';
import { acceptsCsv, csvResult, InstantOrDay, parseQuery } from '../query-values';
import { httpEtag, ifMatchOf } from '../request-values';
import type { ApiResult, ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** An update as the Teams card takes it: RAG, percent and a note of up to 2,000 characters. */
const UpdateBody = z.object({ rag: Rag, percentComplete: z.number().int().min(0).max(100), note: z.string().max(2000).default('') }).strict();
const IDEMPOTENCY_KEY = /^[\w.:-]{1,100}$/;

const location = (id: string) => `/api/v1/action-plans/${encodeURIComponent(id)}`;

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
    handle: async (ctx) => {
      const body = await ctx.jsonBody();
      const id = ctx.params.id ?? '';
      if (body.id !== undefined && body.id !== id) throw badRequest(`The body's id ${JSON.stringify(body.id)} is not the id in the path (${id}); send the same id, or none.`);
      const { id: _id, decisionId: _decision, committeeId: _committee, createdAt: _c, updatedAt: _u, ...editable } = body;
      const { plan, etag } = await replaceActionPlan(id, editable, ifMatchOf(ctx), store, notifications.now());
      ctx.logger.info({ actionPlanId: id }, 'action plan changed');
      return { status: 200, body: plan, headers: { ETag: httpEtag(etag) } };
    },
  },
  {
    method: 'post',
    path: '/api/v1/action-plans/:id/actions/:actionId/updates',
    role: 'Officer',
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
    handle: async ({ params, header }) => {
      const report = await scrutinyReport(params.id ?? '', OFFICER_READER, store, londonToday(notifications.now()));
      return reportResult(header('accept'), report, () => scrutinyReportCsv(report), () => scrutinyReportHtml(report), `action-plan-report-${report.plan.id}.csv`);
    },
  },
  {
    method: 'get',
    path: '/api/v1/committees/:id/action-plans/report',
    role: 'Officer',
    handle: async ({ params, query, header }) => {
      const { from, to } = parseQuery(PeriodQuery, query);
      const report = await committeeScrutinyReport(
        params.id ?? '', { ...(from ? { from } : {}), ...(to ? { to } : {}) }, OFFICER_READER, store, londonToday(notifications.now()));
      return reportResult(header('accept'), report, () => committeeScrutinyReportCsv(report), () => committeeScrutinyReportHtml(report), `action-plans-report-${report.committee.id}.csv`);
    },
  },
];

const PeriodQuery = z.object({ from: InstantOrDay.optional(), to: InstantOrDay.optional() }).strict();

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
