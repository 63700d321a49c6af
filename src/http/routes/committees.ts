import { apiAuditContext } from '../audit-context';
import { upsertCommittee } from '../../services/committees/upsert-committee';
import { ifMatchOf, putBodyFor, putResult } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** Committees: imports and the roster refer to them, so officers create them first. */
export const committeeRoutes = ({ store, config }: RouteDeps): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/committees',
    role: 'Officer',
    handle: async () => ({ status: 200, body: { committees: await store.committees.list() } }),
  },
  {
    method: 'put',
    path: '/api/v1/committees/:id',
    role: 'Officer',
    handle: async (ctx) => {
      const { id, body } = await putBodyFor(ctx);
      const ifMatch = ifMatchOf(ctx);
      const result = await upsertCommittee(
        { committee: body, defaultCallInWorkingDays: config.callInWorkingDays, ...(ifMatch !== undefined ? { ifMatch } : {}) },
        store,
        apiAuditContext(ctx),
      );
      ctx.logger.info({ committeeId: id, created: result.created }, result.created ? 'committee created' : 'committee replaced');
      return putResult(result, result.committee, `/api/v1/committees/${encodeURIComponent(id)}`);
    },
  },
];
