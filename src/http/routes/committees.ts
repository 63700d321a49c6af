import type { ApiRoute } from '../server';
import type { RouteDeps } from './route-deps';

export const committeeRoutes = ({ store }: RouteDeps): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/committees',
    role: 'Officer',
    handle: async () => ({ status: 200, body: { committees: await store.committees.list() } }),
  },
];
