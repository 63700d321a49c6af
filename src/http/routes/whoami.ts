import type { ApiRoute } from '../server';

/** Lets an officer (or a deployment check) see who the API takes them for and which roles they hold. */
export const whoAmIRoutes = (): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/whoami',
    role: 'Officer',
    handle: async ({ principal }) => ({ status: 200, body: { id: principal.id, name: principal.name, roles: principal.roles, via: principal.via } }),
  },
];
