import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z, type ZodTypeAny } from 'zod';
import { ProblemAnswer, type ContractTag, type DocumentedRoute, type RequestHeader, type ResponseHeader, type RouteContract } from './contract';

/** Where the document is served, without a token: it holds no data, and a tab build or an integrator fetches it first. */
export const OPENAPI_PATH = '/api/v1/openapi.json';

const PROBLEM_TYPE = 'application/problem+json';

/** restify's `:id` is OpenAPI's `{id}`. */
export const openApiPathOf = (restifyPath: string): string => restifyPath.replace(/:(\w+)/g, '{$1}');
export const httpMethodOf = (method: DocumentedRoute['method']): RouteConfig['method'] => (method === 'del' ? 'delete' : method);

const REFUSALS: Readonly<Record<number, string>> = {
  400: 'Bad request: a parameter, a header or the body is not well formed; `errors` lists each problem.',
  401: 'No bearer token, or one that was not accepted.',
  403: 'The token carries neither app role this needs, or the caller may not do this.',
  404: 'Not found: the record named does not exist (or is not the caller\'s to see).',
  409: 'It exists already.',
  412: 'Changed by someone else since the ETag sent in If-Match.',
  413: 'The body is larger than MAX_BODY_BYTES.',
  415: 'The body is not in a media type this operation takes.',
  422: 'Well formed but not valid; `errors` lists each problem, and nothing was written.',
  503: 'The store or the page reader is not available; try again.',
};

const REQUEST_HEADERS: Readonly<Record<RequestHeader, ZodTypeAny>> = {
  'If-Match': z.string().openapi({ description: 'The ETag of the record as read (or `*`): a change since is refused (412).' }),
  'Idempotency-Key': z.string().regex(/^[\w.:-]{1,100}$/).openapi({ description: 'Makes a retried request the same one, never a second: 1 to 100 letters, digits, dots, colons, dashes or underscores.' }),
  Accept: z.string().openapi({ description: 'The media type wanted, where the operation answers in more than one.' }),
};

const RESPONSE_HEADERS: Readonly<Record<ResponseHeader, { description: string }>> = {
  ETag: { description: 'The record\'s version, quoted: send it back in If-Match to change it.' },
  Location: { description: 'Where the record created can be read.' },
  Vary: { description: 'Accept: the answer depends on the media type asked for.' },
  'Content-Disposition': { description: 'For CSV: a file name that says what the file is.' },
  'Content-Security-Policy': { description: 'For the printable page: nothing on it may run or load anything.' },
};

const TAGS: ReadonlyArray<{ name: ContractTag; description: string }> = [
  { name: 'Who am I', description: 'Who the API takes the caller for.' },
  { name: 'Committees', description: 'Committees: imports and the roster refer to them, so officers create them first.' },
  { name: 'Imports', description: 'ModernGov pages imported by hand.' },
  { name: 'Members', description: 'The roster: members, their roles and committee seats.' },
  { name: 'Notifications', description: 'The outbox: pushes to members\' Teams chats, followed recipient by recipient.' },
  { name: 'Meetings', description: 'Meetings, their agendas and who has read the papers.' },
  { name: 'Agenda items', description: 'Agenda items with their decisions and history.' },
  { name: 'Decisions', description: 'Decisions, each outcome\'s status as of today.' },
  { name: 'Action plans', description: 'What follows a decision, action by action, and the Scrutiny report.' },
  { name: 'Sync', description: 'The ModernGov sync.' },
  { name: 'Audit', description: 'The audit log of who saw exempt business and who changed what (Admins only).' },
  { name: 'Contract', description: 'This document.' },
];

const packageVersion = (): string => {
  // src/http or dist/http: the package's own file two folders up, as the Docker image copies it.
  const read = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as unknown;
  return z.object({ version: z.string().min(1) }).parse(read).version;
};

/**
 * The OpenAPI 3.1 document of the officer API, built from each route's contract: its parameters, bodies and answers
 * are the zod schemas the handlers validate with and answer from, so the document cannot drift from the code.
 */
export type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;

export function openApiDocument(routes: readonly DocumentedRoute[]): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'An Entra ID access token for the bot\'s API (audience ENTRA_AUDIENCE) carrying the app role Officer or Admin (Admin can do all an Officer can). '
      + 'In local mode only, the static OFFICER_API_TOKEN stands in.',
  });
  for (const route of routes) registry.registerPath(operationOf(route));
  registry.registerPath({
    method: 'get',
    path: OPENAPI_PATH,
    operationId: 'getOpenApiDocument',
    summary: 'This document',
    description: 'The OpenAPI 3.1 document of the officer API. It holds no data, so it needs no token.',
    tags: ['Contract'],
    security: [],
    responses: { 200: { description: 'The document.', content: { 'application/json': { schema: z.object({ openapi: z.string() }).passthrough() } } } },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Cabinet bot officer API',
      version: packageVersion(),
      description:
        'What democratic services read and manage of the records the bot keeps. Every operation but this document\'s needs a bearer token with an app role '
        + '(x-required-role); refusals are RFC 9457 problem+json; records that can be changed carry an ETag for If-Match; lists page with continuation tokens, never offsets.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...TAGS],
  });
}

function operationOf(route: DocumentedRoute): RouteConfig {
  const { contract } = route;
  const responses: Record<string, ResponseConfig> = {};
  for (const [status, answer] of Object.entries(contract.responses)) {
    responses[status] = {
      description: answer.description,
      ...(answer.headers ? { headers: headersOf(answer.headers) } : {}),
      ...(answer.content ? { content: Object.fromEntries(Object.entries(answer.content).map(([type, schema]) => [type, { schema }])) } : {}),
    };
  }
  for (const status of [401, 403, ...contract.refusals]) {
    responses[String(status)] = { description: REFUSALS[status] ?? 'Refused.', content: { [PROBLEM_TYPE]: { schema: ProblemAnswer } } };
  }
  return {
    method: httpMethodOf(route.method),
    path: openApiPathOf(route.path),
    operationId: operationIdOf(route),
    summary: contract.summary,
    description: `${contract.description ? `${contract.description}\n\n` : ''}Needs the ${route.role} app role${route.role === 'Officer' ? ' (or Admin)' : ''}.`,
    tags: [contract.tag],
    'x-required-role': route.role,
    'x-request-examples': contract.examples,
    request: {
      ...(contract.params ? { params: contract.params } : {}),
      ...(contract.query ? { query: contract.query } : {}),
      ...(contract.headers ? { headers: z.object(Object.fromEntries(contract.headers.map((h) => [h, REQUEST_HEADERS[h].optional()]))) } : {}),
      ...(contract.body ? { body: bodyOf(contract) } : {}),
    },
    responses,
  };
}

/** The body's media types, each with the examples sent in it. */
function bodyOf(contract: RouteContract): NonNullable<RouteConfig['request']>['body'] {
  const body = contract.body!;
  const content = Object.fromEntries(
    Object.entries(body.content).map(([type, schema]) => {
      const examples = contract.examples.filter((e) => e.body?.contentType === type);
      return [type, { schema, ...(examples.length > 0 ? { examples: Object.fromEntries(examples.map((e) => [e.name, { summary: e.summary, value: e.body!.value }])) } : {}) }];
    }),
  );
  return { ...(body.description ? { description: body.description } : {}), content, required: body.required ?? true };
}

const headersOf = (names: readonly ResponseHeader[]) =>
  Object.fromEntries(names.map((name) => [name, { ...RESPONSE_HEADERS[name], schema: { type: 'string' as const } }]));

/** "GET /api/v1/action-plans/:id/report" is getActionPlansIdReport: stable, and unique as method and path are. */
function operationIdOf(route: DocumentedRoute): string {
  const words = route.path.replace(/^\/api\/v1\//, '').split(/[/-]/).filter((w) => w !== '').map((w) => w.replace(/^:/, ''));
  return [httpMethodOf(route.method), ...words].map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}
