import { z } from 'zod';
import { CalendarDate, OutcomeStatus } from '../../domain';
import { londonToday } from '../../services/conversation/conversation-deps';
import { decisionRecord } from '../../services/records/decision-record';
import { listDecisions } from '../../services/records/list-decisions';
import { DEMO_IDS } from '../../services/demo/demo-council';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { CommitteeIdFilter, Paging, pageBody, parseQuery } from '../query-values';
import { DecisionViewAnswer } from '../answers';
import { IdParams, JSON_TYPE } from '../contract';
import { httpEtag } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** One status, or several separated by commas ("call-in-open,awaiting-council"): a decision matches any of them. */
const StatusList = z
  .string()
  .regex(/^[a-z-]+(,[a-z-]+)*$/, 'one or more statuses separated by commas')
  .superRefine((text, ctx) => {
    for (const s of text.split(',')) if (!OutcomeStatus.safeParse(s).success) ctx.addIssue({ code: 'custom', message: `"${s}" is not a status: use ${OutcomeStatus.options.join(', ')}` });
  })
  .openapi({ description: `One or more (comma-separated) of ${OutcomeStatus.options.join(', ')}: a decision matches when any outcome has one of them today.`, example: 'call-in-open,awaiting-council' });

export const DecisionsQuery = z.object({ committeeId: CommitteeIdFilter, status: StatusList.optional(), since: CalendarDate.optional(), ...Paging }).strict();

export const DecisionsAnswer = z.object({ decisions: z.array(DecisionViewAnswer), continuation: z.string().optional() }).strict().openapi('Decisions');

/** Decisions, each outcome's status computed as of today (it moves with time: a call-in period ends). */
export const decisionRoutes = ({ store, notifications, views }: Pick<RouteDeps, 'store' | 'notifications' | 'views'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/decisions',
    role: 'Officer',
    contract: {
      summary: 'List decisions',
      description:
        'By committee, by status (one or several, comma-separated: a decision matches when any of its outcomes has one of them today, as the status moves with time) and decided since a day, '
        + 'each outcome with `callIn` (deadline, closing instant, working days left) while its call-in period is open; '
        + 'a page at a time. A page may hold fewer than pageSize decisions, even none, and still have a continuation: ask again with it.',
      tag: 'Decisions',
      query: DecisionsQuery,
      responses: { 200: { description: 'A page of decisions; continuation when there may be more.', content: { [JSON_TYPE]: DecisionsAnswer } } },
      refusals: [400],
      examples: [
        { name: 'awaitingCouncil', summary: 'Recommendations Full Council has still to decide', query: { status: 'awaiting-council' }, status: 200 },
        { name: 'dashboard', summary: 'Decisions in call-in or awaiting Council, with each call-in countdown', query: { status: 'call-in-open,awaiting-council' }, status: 200 },
        { name: 'badStatus', summary: 'A status the bot does not know', query: { status: 'pending' }, status: 400 },
      ],
    },
    handle: async ({ query, principal, requestId }) => {
      const { pageSize, continuation, committeeId, status, since } = parseQuery(DecisionsQuery, query);
      const page = await listDecisions(
        { ...(committeeId !== undefined ? { committeeId } : {}), ...(status ? { statuses: status.split(',').map((s) => OutcomeStatus.parse(s)) } : {}), ...(since ? { since } : {}) },
        { pageSize, ...(continuation !== undefined ? { continuation } : {}) },
        officerReader(views, apiAuditContext({ principal, requestId })),
        store,
        londonToday(notifications.now()),
      );
      return { status: 200, body: pageBody('decisions', page) };
    },
  },
  {
    method: 'get',
    path: '/api/v1/decisions/:id',
    role: 'Officer',
    contract: {
      summary: 'Read a decision',
      tag: 'Decisions',
      params: IdParams,
      responses: { 200: { description: 'The decision, each outcome\'s status as of today.', content: { [JSON_TYPE]: DecisionViewAnswer }, headers: ['ETag'] } },
      refusals: [404],
      examples: [
        { name: 'communitySafety', summary: 'Cabinet\'s Community Safety decision', params: { id: DEMO_IDS.cspDecision }, status: 200 },
        { name: 'unknown', summary: 'A decision that does not exist', params: { id: 'decision-none' }, status: 404 },
      ],
    },
    handle: async ({ params, principal, requestId }) => {
      const { decision, etag } = await decisionRecord(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store, londonToday(notifications.now()));
      return { status: 200, body: decision, headers: { ETag: httpEtag(etag) } };
    },
  },
];
