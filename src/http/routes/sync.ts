import { syncStatus } from '../../services/sync/sync-status';
import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

/** GET /api/v1/sync: the ModernGov site followed, the committees synced and each one's last run (seen, imported, unchanged, failed with why). */
export const syncRoutes = ({ store, config }: RouteDeps): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/sync',
    role: 'Officer',
    handle: async () => ({ status: 200, body: await syncStatus(store, config.modernGov?.baseUrl) }),
  },
];
