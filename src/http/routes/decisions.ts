import { z } from 'zod';
import { CalendarDate, OutcomeStatus } from '../../domain';
import { londonToday } from '../../services/conversation/conversation-deps';
import { decisionRecord } from '../../services/records/decision-record';
import { listDecisions } from '../../services/records/list-decisions';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { CommitteeIdFilter, Paging, pageBody, parseQuery } from '../query-values';
import { httpEtag } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

const DecisionsQuery = z.object({ committeeId: CommitteeIdFilter, status: OutcomeStatus.optional(), since: CalendarDate.optional(), ...Paging }).strict();

/** Decisions, each outcome's status computed as of today (it moves with time: a call-in period ends). */
export const decisionRoutes = ({ store, notifications, views }: Pick<RouteDeps, 'store' | 'notifications' | 'views'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/decisions',
    role: 'Officer',
    handle: async ({ query, principal, requestId }) => {
      const { pageSize, continuation, committeeId, status, since } = parseQuery(DecisionsQuery, query);
      const page = await listDecisions(
        { ...(committeeId !== undefined ? { committeeId } : {}), ...(status ? { status } : {}), ...(since ? { since } : {}) },
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
    handle: async ({ params, principal, requestId }) => {
      const { decision, etag } = await decisionRecord(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store, londonToday(notifications.now()));
      return { status: 200, body: decision, headers: { ETag: httpEtag(etag) } };
    },
  },
];
