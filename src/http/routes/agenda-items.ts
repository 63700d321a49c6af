import { agendaItemRecord } from '../../services/records/agenda-item-record';
import { londonToday } from '../../services/conversation/conversation-deps';
import { itemAcknowledgements, itemAcknowledgementsCsv } from '../../services/records/item-acknowledgements';
import { officerReader } from '../../services/records/record-reader';
import { apiAuditContext } from '../audit-context';
import { acceptsCsv, csvResult } from '../query-values';
import { httpEtag } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** Agenda items as the bot holds them: each with its meeting, its decision (statuses as of today) and their history. */
export const agendaItemRoutes = ({ store, notifications, views }: Pick<RouteDeps, 'store' | 'notifications' | 'views'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/agenda-items/:id',
    role: 'Officer',
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
    handle: async ({ params, header, principal, requestId }) => {
      const record = await itemAcknowledgements(params.id ?? '', officerReader(views, apiAuditContext({ principal, requestId })), store);
      if (acceptsCsv(header('accept'))) return csvResult(itemAcknowledgementsCsv(record), `acknowledgements-${record.item.id}.csv`);
      return { status: 200, body: record, headers: { Vary: 'Accept' } };
    },
  },
];
