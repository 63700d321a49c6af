import { upsertCommittee } from '../../services/committees/upsert-committee';
import { badRequest } from '../problem';
import { httpEtag, ifMatchOf } from '../request-values';
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
      const id = ctx.params.id ?? '';
      const body = await ctx.jsonBody();
      if (body.id !== undefined && body.id !== id) {
        throw badRequest(`The body's id ${JSON.stringify(body.id)} is not the id in the path (${id}); send the same id, or none.`);
      }
      const ifMatch = ifMatchOf(ctx);
      const result = await upsertCommittee(
        { committee: { ...body, id }, defaultCallInWorkingDays: config.callInWorkingDays, ...(ifMatch !== undefined ? { ifMatch } : {}) },
        store,
      );
      ctx.logger.info({ committeeId: id, created: result.created }, result.created ? 'committee created' : 'committee replaced');
      return {
        status: result.created ? 201 : 200,
        body: result.committee,
        headers: { ETag: httpEtag(result.etag), ...(result.created ? { Location: `/api/v1/committees/${encodeURIComponent(id)}` } : {}) },
      };
    },
  },
];
