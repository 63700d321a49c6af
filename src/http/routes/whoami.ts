import { z } from 'zod';
import { JSON_TYPE } from '../contract';
import type { ApiRoute } from '../server';

export const WhoAmIAnswer = z
  .object({ id: z.string().min(1), name: z.string().optional(), roles: z.array(z.enum(['Officer', 'Admin'])), via: z.enum(['entra', 'static-token']) })
  .strict()
  .openapi('WhoAmI');

/** Lets an officer (or a deployment check) see who the API takes them for and which roles they hold. */
export const whoAmIRoutes = (): ApiRoute[] => [
  {
    method: 'get',
    path: '/api/v1/whoami',
    role: 'Officer',
    contract: {
      summary: 'Who the API takes the caller for',
      description: 'The caller\'s id (Entra object id), name, app roles and how the token was checked: a deployment\'s first check.',
      tag: 'Who am I',
      responses: { 200: { description: 'The caller.', content: { [JSON_TYPE]: WhoAmIAnswer } } },
      refusals: [],
      examples: [{ name: 'me', summary: 'Who am I?', status: 200 }],
    },
    handle: async ({ principal }) => ({
      status: 200,
      body: { id: principal.id, name: principal.name, roles: [...principal.roles], via: principal.via } satisfies z.input<typeof WhoAmIAnswer>,
    }),
  },
];
