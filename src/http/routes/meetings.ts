import { z } from 'zod';
import { listMeetings } from '../../services/records/list-meetings';
import { meetingAcknowledgements, meetingAcknowledgementsCsv } from '../../services/records/meeting-acknowledgements';
import { meetingRecord } from '../../services/records/meeting-record';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { acceptsCsv, CommitteeIdFilter, csvResult, InstantOrDay, Paging, pageBody, parseQuery } from '../query-values';
import { upsertMeeting } from '../../services/meetings/upsert-meeting';
import { httpEtag, ifMatchOf, putBodyFor, putResult } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

const MeetingsQuery = z.object({ committeeId: CommitteeIdFilter, from: InstantOrDay.optional(), to: InstantOrDay.optional(), ...Paging }).strict();

/** Meetings as the bot holds them: listed by committee and period, each with its agenda; entered by hand where there is no ModernGov. */
export const meetingRoutes = ({ store, views }: Pick<RouteDeps, 'store' | 'views'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/meetings',
    role: 'Officer',
    handle: async ({ query }) => {
      const { pageSize, continuation, committeeId, from, to } = parseQuery(MeetingsQuery, query);
      const page = await listMeetings(
        { ...(committeeId !== undefined ? { committeeId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) },
        { pageSize, ...(continuation !== undefined ? { continuation } : {}) },
        store,
      );
      return { status: 200, body: pageBody('meetings', page) };
    },
  },
  {
    method: 'get',
    path: '/api/v1/meetings/:id',
    role: 'Officer',
    handle: async ({ params, principal, requestId }) => {
      const record = await meetingRecord(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store);
      return { status: 200, body: { ...record.meeting, items: record.items }, headers: { ETag: httpEtag(record.etag) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/meetings/:id/acknowledgements',
    role: 'Officer',
    handle: async ({ params, header, principal, requestId }) => {
      const record = await meetingAcknowledgements(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store);
      if (acceptsCsv(header('accept'))) return csvResult(meetingAcknowledgementsCsv(record), `acknowledgements-${record.meeting.id}.csv`);
      return { status: 200, body: record, headers: { Vary: 'Accept' } };
    },
  },
  {
    method: 'put',
    path: '/api/v1/meetings/:id',
    role: 'Officer',
    handle: async (ctx) => {
      const { id, body } = await putBodyFor(ctx);
      const ifMatch = ifMatchOf(ctx);
      const result = await upsertMeeting({ meeting: body, ...(ifMatch !== undefined ? { ifMatch } : {}) }, store);
      ctx.logger.info({ meetingId: id, created: result.created }, result.created ? 'meeting created' : 'meeting replaced');
      return putResult(result, result.meeting, `/api/v1/meetings/${encodeURIComponent(id)}`);
    },
  },
];
