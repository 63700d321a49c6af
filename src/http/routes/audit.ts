import { z } from 'zod';
import { AuditAction, AuditEntry } from '../../domain';
import { JSON_TYPE } from '../contract';
import { listAuditEntries } from '../../services/audit/list-audit-entries';
import { InstantOrDay, Paging, pageBody, parseQuery } from '../query-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** One action or several, comma-separated (`action=notification.pushed,notification.cancelled`): a query names each parameter once. */
const Actions = z
  .string()
  .transform((s) => s.split(',').map((a) => a.trim()))
  .pipe(z.array(AuditAction).min(1).max(AuditAction.options.length))
  .transform((actions) => [...new Set(actions)]);

const AuditQuery = z
  .object({
    /** The actor's id: an Entra object id (any case), an API principal, `cli:<user>`. */
    actor: z.string().min(1).max(200).optional(),
    action: Actions.optional(),
    targetId: z.string().min(1).max(200).optional(),
    from: InstantOrDay.optional(),
    to: InstantOrDay.optional(),
    ...Paging,
  })
  .strict();

const AuditEntriesAnswer = z.object({ entries: z.array(AuditEntry.openapi('AuditEntry')), continuation: z.string().optional() }).strict().openapi('AuditEntries');

/**
 * The audit log (domain/audit.ts), for Admins only: who saw exempt business, who sent or stopped notifications, who
 * changed the roster or a committee. Officers are refused (403): the log records officers' own acts.
 */
export const auditRoutes = ({ store }: Pick<RouteDeps, 'store'>): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/audit',
    role: 'Admin',
    contract: {
      summary: 'Read the audit log',
      description: 'Admins only. Who was shown exempt business, who pushed, scheduled, sent or cancelled a notification, who changed the roster or a committee: newest first, filtered by actor, action (one or several, comma-separated), target and period (from inclusive, to exclusive), a page at a time.',
      tag: 'Audit',
      query: AuditQuery,
      responses: { 200: { description: 'A page of entries; continuation when there are more.', content: { [JSON_TYPE]: AuditEntriesAnswer } } },
      refusals: [400, 422],
      examples: [
        { name: 'pushes', summary: 'Notifications pushed or cancelled', query: { action: 'notification.pushed,notification.cancelled', pageSize: '20' }, status: 200 },
        { name: 'unknownAction', summary: 'An action the log does not know', query: { action: 'notification.deleted' }, status: 400 },
      ],
    },
    handle: async ({ query }) => {
      const { pageSize, continuation, actor, action, targetId, from, to } = parseQuery(AuditQuery, query);
      const page = await listAuditEntries(
        {
          ...(actor !== undefined ? { actor } : {}),
          ...(action !== undefined ? { actions: action } : {}),
          ...(targetId !== undefined ? { targetId } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        },
        { pageSize, ...(continuation !== undefined ? { continuation } : {}) },
        store,
      );
      return { status: 200, body: pageBody('entries', page) };
    },
  },
];
