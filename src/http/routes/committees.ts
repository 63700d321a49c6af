import { z } from 'zod';
import { Committee } from '../../domain';
import { apiAuditContext } from '../audit-context';
import { upsertCommittee } from '../../services/committees/upsert-committee';
import { DEMO_IDS } from '../../services/demo/demo-council';
import { CommitteeAnswer } from '../answers';
import { IdParams, JSON_TYPE } from '../contract';
import { ifMatchOf, putBodyFor, putResult } from '../request-values';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

export const CommitteesAnswer = z.object({ committees: z.array(CommitteeAnswer) }).strict().openapi('Committees');

/** Committees: imports and the roster refer to them, so officers create them first. */
export const committeeRoutes = ({ store, config }: RouteDeps): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/committees',
    role: 'Officer',
    contract: {
      summary: 'List committees',
      tag: 'Committees',
      responses: { 200: { description: 'Every committee.', content: { [JSON_TYPE]: CommitteesAnswer } } },
      refusals: [],
      examples: [{ name: 'all', summary: 'The demo council\'s committees', status: 200 }],
    },
    handle: async () => ({ status: 200, body: { committees: await store.committees.list() } satisfies z.input<typeof CommitteesAnswer> }),
  },
  {
    method: 'put',
    path: '/api/v1/committees/:id',
    role: 'Officer',
    contract: {
      summary: 'Create or replace a committee',
      description: 'The id is the path\'s (an id in the body must be the same). Without a call-in period, the council\'s (CALL_IN_WORKING_DAYS). With If-Match, a committee changed since is refused (412).',
      tag: 'Committees',
      params: IdParams,
      headers: ['If-Match'],
      body: { content: { [JSON_TYPE]: Committee.partial({ id: true }) } },
      responses: {
        200: { description: 'Replaced.', content: { [JSON_TYPE]: CommitteeAnswer }, headers: ['ETag'] },
        201: { description: 'Created.', content: { [JSON_TYPE]: CommitteeAnswer }, headers: ['ETag', 'Location'] },
      },
      refusals: [400, 412, 415, 422],
      examples: [
        { name: 'create', summary: 'Create the Licensing Committee', params: { id: 'licensing' }, body: { contentType: JSON_TYPE, value: { name: 'Licensing Committee', kind: 'regulatory' } }, status: 201 },
        { name: 'notValid', summary: 'A kind the bot does not know', params: { id: 'licensing' }, body: { contentType: JSON_TYPE, value: { name: 'Licensing Committee', kind: 'licensing' } }, status: 422 },
        { name: 'stale', summary: 'A change from an ETag that is no longer current', params: { id: DEMO_IDS.cabinet }, headers: { 'If-Match': '"stale"' }, body: { contentType: JSON_TYPE, value: { name: 'Cabinet', kind: 'cabinet' } }, status: 412 },
      ],
    },
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
