import { z } from 'zod';
import { agendaItemRecord } from '../../services/records/agenda-item-record';
import { londonToday } from '../../services/conversation/conversation-deps';
import { itemAcknowledgements, itemAcknowledgementsCsv } from '../../services/records/item-acknowledgements';
import { DEMO_IDS } from '../../services/demo/demo-council';
import { AgendaItemAnswer, DecisionViewAnswer, MeetingAnswer } from '../answers';
import { CSV_TYPE, IdParams, JSON_TYPE } from '../contract';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { acceptsCsv, csvResult } from '../query-values';
import { httpEtag } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';
import { ItemAcknowledgementsAnswer } from './meetings';

/** An item with its meeting and its decision (each outcome's status as of today), where there are. */
export const AgendaItemRecordAnswer = AgendaItemAnswer.extend({ meeting: MeetingAnswer.optional(), decision: DecisionViewAnswer.optional() }).openapi('AgendaItemRecord');

/** Agenda items as the bot holds them: each with its meeting, its decision (statuses as of today) and their history. */
export const agendaItemRoutes = ({ store, notifications, views }: Pick<RouteDeps, 'store' | 'notifications' | 'views'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/agenda-items/:id',
    role: 'Officer',
    contract: {
      summary: 'Read an agenda item with its decision and history',
      tag: 'Agenda items',
      params: IdParams,
      responses: { 200: { description: 'The item, its meeting and its decision.', content: { [JSON_TYPE]: AgendaItemRecordAnswer }, headers: ['ETag'] } },
      refusals: [404],
      examples: [
        { name: 'decided', summary: 'The Community Safety item and its decision', params: { id: DEMO_IDS.cspItem }, status: 200 },
        { name: 'unknown', summary: 'An item that does not exist', params: { id: 'item-none' }, status: 404 },
      ],
    },
    handle: async ({ params, principal, requestId }) => {
      const record = await agendaItemRecord(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store, londonToday(notifications.now()));
      return {
        status: 200,
        body: { ...record.item, ...(record.meeting ? { meeting: record.meeting } : {}), ...(record.decision ? { decision: record.decision } : {}) },
        headers: { ETag: httpEtag(record.etag) },
      };
    },
  },
  {
    method: 'get',
    path: '/api/v1/agenda-items/:id/acknowledgements',
    role: 'Officer',
    contract: {
      summary: 'Who has read an agenda item',
      description: 'Who acknowledged it (role, seat, when, how) and who is outstanding; with Accept: text/csv, a spreadsheet (UTF-8 with BOM, cells a spreadsheet would run as a formula neutralised).',
      tag: 'Agenda items',
      params: IdParams,
      headers: ['Accept'],
      responses: {
        200: { description: 'The acknowledgement record.', content: { [JSON_TYPE]: ItemAcknowledgementsAnswer, [CSV_TYPE]: z.string() }, headers: ['Vary', 'Content-Disposition'] },
      },
      refusals: [404],
      examples: [
        { name: 'json', summary: 'The exempt land disposal item', params: { id: 'item-land-disposal' }, status: 200 },
        { name: 'csv', summary: 'The same as a spreadsheet', params: { id: 'item-land-disposal' }, headers: { Accept: CSV_TYPE }, status: 200 },
        { name: 'unknown', summary: 'An item that does not exist', params: { id: 'item-none' }, status: 404 },
      ],
    },
    handle: async ({ params, header, principal, requestId }) => {
      const record = await itemAcknowledgements(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store);
      if (acceptsCsv(header('accept'))) return csvResult(itemAcknowledgementsCsv(record), `acknowledgements-${record.item.id}.csv`);
      return { status: 200, body: record, headers: { Vary: 'Accept' } };
    },
  },
];
