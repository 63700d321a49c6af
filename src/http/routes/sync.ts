import { z } from 'zod';
import { syncStatus } from '../../services/sync/sync-status';
import { CommitteeSyncRunAnswer } from '../answers';
import { JSON_TYPE } from '../contract';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** services/sync/sync-status.ts. */
export const SyncStatusAnswer = z
  .object({
    site: z.string().nullable(),
    following: z.array(z.object({ committeeId: z.string(), name: z.string(), modernGovCommitteeId: z.string() }).strict()),
    runs: z.array(CommitteeSyncRunAnswer),
  })
  .strict()
  .openapi('SyncStatus');

/** GET /api/v1/sync: the ModernGov site followed, the committees synced and each one's last run (seen, imported, unchanged, failed with why). */
export const syncRoutes = ({ store, config }: RouteDeps): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/sync',
    role: 'Officer',
    contract: {
      summary: 'How the ModernGov sync is going',
      tag: 'Sync',
      responses: { 200: { description: 'The site followed, the committees synced and each one\'s last run.', content: { [JSON_TYPE]: SyncStatusAnswer } } },
      refusals: [],
      examples: [{ name: 'status', summary: 'The sync\'s status', status: 200 }],
    },
    handle: async () => ({ status: 200, body: await syncStatus(store, config.modernGov?.baseUrl) }),
  },
];
