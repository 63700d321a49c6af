import { z } from 'zod';
import { Acknowledgement, Id, Instant, MemberRole } from '../../domain';
import { listMeetings } from '../../services/records/list-meetings';
import { meetingAcknowledgements, meetingAcknowledgementsCsv } from '../../services/records/meeting-acknowledgements';
import { meetingRecord } from '../../services/records/meeting-record';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { acceptsCsv, CommitteeIdFilter, csvResult, InstantOrDay, Paging, pageBody, parseQuery } from '../query-values';
import { MeetingFields, upsertMeeting } from '../../services/meetings/upsert-meeting';
import { DEMO_IDS } from '../../services/demo/demo-council';
import { AgendaItemAnswer, MeetingAnswer } from '../answers';
import { CSV_TYPE, IdParams, JSON_TYPE } from '../contract';
import { httpEtag, ifMatchOf, putBodyFor, putResult } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

export const MeetingsQuery = z.object({ committeeId: CommitteeIdFilter, from: InstantOrDay.optional(), to: InstantOrDay.optional(), ...Paging }).strict();

export const MeetingsAnswer = z.object({ meetings: z.array(MeetingAnswer), continuation: z.string().optional() }).strict().openapi('Meetings');
/** services/records/meeting-record.ts AcknowledgementProgress: of the committee's sitting councillors, who has read the item. */
export const AcknowledgementProgressAnswer = z
  .object({
    expected: z.number().int().min(0).openapi({ description: 'The committee\'s sitting councillors (0 for a withdrawn item).' }),
    acknowledged: z.number().int().min(0),
    outstanding: z.number().int().min(0),
  })
  .strict()
  .openapi('AcknowledgementProgress');
export const MeetingWithItemsAnswer = MeetingAnswer.extend({ items: z.array(AgendaItemAnswer.extend({ acknowledgements: AcknowledgementProgressAnswer })) }).openapi('MeetingWithItems');

/** services/records/item-acknowledgements.ts: who acknowledged an item, when and how, and who has not. */
export const ItemAcknowledgementsAnswer = z
  .object({
    item: z.object({ id: Id, committeeId: Id, meetingId: Id.optional(), number: z.string().optional(), title: z.string(), exempt: z.boolean() }).strict(),
    acknowledged: z.array(
      z.object({ memberId: Id, name: z.string(), role: MemberRole.optional(), seat: z.string().optional(), acknowledgedAt: Instant, via: Acknowledgement.shape.via }).strict(),
    ),
    outstanding: z.array(z.object({ memberId: Id, name: z.string(), role: MemberRole, seat: z.string() }).strict()),
  })
  .strict()
  .openapi('ItemAcknowledgements');

/** services/records/meeting-acknowledgements.ts: each item's record, in agenda order. */
export const MeetingAcknowledgementsAnswer = z
  .object({ meeting: z.object({ id: Id, committeeId: Id, startsAt: Instant }).strict(), items: z.array(ItemAcknowledgementsAnswer) })
  .strict()
  .openapi('MeetingAcknowledgements');

/** Meetings as the bot holds them: listed by committee and period, each with its agenda; entered by hand where there is no ModernGov. */
export const meetingRoutes = ({ store, views }: Pick<RouteDeps, 'store' | 'views'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/meetings',
    role: 'Officer',
    contract: {
      summary: 'List meetings',
      description: 'Soonest first, by committee and period (from inclusive, to exclusive; a day means its start in London), a page at a time.',
      tag: 'Meetings',
      query: MeetingsQuery,
      responses: { 200: { description: 'A page of meetings; continuation when there are more.', content: { [JSON_TYPE]: MeetingsAnswer } } },
      refusals: [400],
      examples: [
        { name: 'cabinet', summary: 'Cabinet\'s meetings', query: { committeeId: DEMO_IDS.cabinet, pageSize: '10' }, status: 200 },
        { name: 'unknownFilter', summary: 'A misspelt filter', query: { committee: DEMO_IDS.cabinet }, status: 400 },
      ],
    },
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
    contract: {
      summary: 'Read a meeting with its agenda',
      tag: 'Meetings',
      params: IdParams,
      description: 'Its items in agenda order, each with its acknowledgement progress (expected, acknowledged, outstanding): the counts of GET .../acknowledgements without the names.',
      responses: { 200: { description: 'The meeting and its items in agenda order.', content: { [JSON_TYPE]: MeetingWithItemsAnswer }, headers: ['ETag'] } },
      refusals: [404],
      examples: [
        { name: 'nextCabinet', summary: 'The next Cabinet meeting', params: { id: DEMO_IDS.nextCabinet }, status: 200 },
        { name: 'unknown', summary: 'A meeting that does not exist', params: { id: 'no-such-meeting' }, status: 404 },
      ],
    },
    handle: async ({ params, principal, requestId }) => {
      const record = await meetingRecord(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store);
      return { status: 200, body: { ...record.meeting, items: record.items }, headers: { ETag: httpEtag(record.etag) } };
    },
  },
  {
    method: 'get',
    path: '/api/v1/meetings/:id/acknowledgements',
    role: 'Officer',
    contract: {
      summary: 'Who has read a meeting\'s papers',
      description: 'As JSON, or with Accept: text/csv as a spreadsheet (UTF-8 with BOM, member by item; cells a spreadsheet would run as a formula are neutralised).',
      tag: 'Meetings',
      params: IdParams,
      headers: ['Accept'],
      responses: {
        200: { description: 'The record of each item.', content: { [JSON_TYPE]: MeetingAcknowledgementsAnswer, [CSV_TYPE]: z.string() }, headers: ['Vary', 'Content-Disposition'] },
      },
      refusals: [404],
      examples: [
        { name: 'json', summary: 'The next Cabinet meeting', params: { id: DEMO_IDS.nextCabinet }, status: 200 },
        { name: 'csv', summary: 'The same as a spreadsheet', params: { id: DEMO_IDS.nextCabinet }, headers: { Accept: CSV_TYPE }, status: 200 },
      ],
    },
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
    contract: {
      summary: 'Create or change a meeting by hand',
      description: 'For councils without ModernGov: committee, date and time, venue, status. The id is the path\'s. With If-Match, a meeting changed since is refused (412).',
      tag: 'Meetings',
      params: IdParams,
      headers: ['If-Match'],
      body: { content: { [JSON_TYPE]: MeetingFields.partial({ id: true }) } },
      responses: {
        200: { description: 'Changed.', content: { [JSON_TYPE]: MeetingAnswer }, headers: ['ETag'] },
        201: { description: 'Created.', content: { [JSON_TYPE]: MeetingAnswer }, headers: ['ETag', 'Location'] },
      },
      refusals: [400, 412, 415, 422],
      examples: [
        {
          name: 'create', summary: 'An extra Cabinet meeting', params: { id: 'cabinet-extra' }, status: 201,
          body: { contentType: JSON_TYPE, value: { committeeId: DEMO_IDS.cabinet, startsAt: '2030-01-08T18:30:00Z', venue: 'Council Chamber, Parkside' } },
        },
        { name: 'noDate', summary: 'A meeting without its start', params: { id: 'cabinet-extra-2' }, body: { contentType: JSON_TYPE, value: { committeeId: DEMO_IDS.cabinet } }, status: 422 },
      ],
    },
    handle: async (ctx) => {
      const { id, body } = await putBodyFor(ctx);
      const ifMatch = ifMatchOf(ctx);
      const result = await upsertMeeting({ meeting: body, ...(ifMatch !== undefined ? { ifMatch } : {}) }, store);
      ctx.logger.info({ meetingId: id, created: result.created }, result.created ? 'meeting created' : 'meeting replaced');
      return putResult(result, result.meeting, `/api/v1/meetings/${encodeURIComponent(id)}`);
    },
  },
];
