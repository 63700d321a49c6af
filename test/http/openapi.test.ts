import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import pino from 'pino';
import type { ContractExample } from '../../src/http/contract';
import { OPENAPI_PATH, openApiDocument, openApiPathOf, type OpenApiDocument } from '../../src/http/openapi';
import { officerRoutes } from '../../src/http/routes';
import type { RouteDeps } from '../../src/http/routes/route-deps';
import { createHttpServer, type ApiRoute } from '../../src/http/server';
import { seedDemoCouncil } from '../../src/services/demo/seed-demo-council';
import { startTestApp, type TestApp } from '../support/start-test-app';
import { version as packageVersion } from '../../package.json';

/**
 * Issue 11, the contract: the OpenAPI document of the officer API is valid OpenAPI 3.1, names every route the server
 * serves (and no other), and every example it documents, sent as an officer would to the demo council, is answered
 * with the status it documents and a body that matches the document's schema for that status and media type.
 */

const TOKEN = 'openapi-officer-token-0123456789';
const DOC_ID = 'https://cabinet-bot.invalid/openapi.json';
type Operation = { operationId: string; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; 'x-request-examples'?: ContractExample[] };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The server's own endpoints that are not the officer API: Teams, probes and the public pages. */
const NOT_OFFICER_API = ['POST /api/messages', 'GET /healthz', 'GET /readyz', 'GET /', 'GET /privacy', 'GET /terms'];

const operationsOf = (doc: OpenApiDocument): Array<{ key: string; operation: Operation }> =>
  Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ key: `${method.toUpperCase()} ${path}`, operation }] : [];
    }),
  );

/** What the server serves that the document lacks, and what the document names that the server does not serve. */
function compareWithServer(doc: OpenApiDocument, routes: readonly ApiRoute[]): { undocumented: string[]; notServed: string[] } {
  const http = createHttpServer({
    logger: pino({ level: 'silent' }),
    maxBodyBytes: 1024,
    messages: async () => undefined,
    authenticateOfficer: async () => ({ id: 'x', roles: ['Officer'], via: 'static-token' }),
    routes,
    readiness: async () => undefined,
  });
  const served = Object.values(http.raw.router.getRoutes() as unknown as Record<string, { method: string; path: string }>)
    .map((r) => `${r.method.toUpperCase()} ${openApiPathOf(String(r.path))}`)
    .filter((key) => !NOT_OFFICER_API.includes(key));
  const documented = operationsOf(doc).map((o) => o.key);
  return { undocumented: served.filter((k) => !documented.includes(k)).sort(), notServed: documented.filter((k) => !served.includes(k)).sort() };
}

type Schema = { $ref?: string; allOf?: Schema[]; anyOf?: Schema[]; oneOf?: Schema[]; properties?: Record<string, Schema>; additionalProperties?: unknown; items?: Schema; type?: unknown };

/**
 * Properties of an answer that its schema does not name (paths like `outcomes.0.current.extra`). JSON Schema lets an
 * open object (the domain's schemas are open) hold anything; this holds the document to naming all it answers.
 */
function undeclared(value: unknown, schema: Schema, doc: OpenApiDocument, at = ''): string[] {
  const resolve = (s: Schema): Schema => (s.$ref ? resolve(s.$ref.replace(/^#\//, '').split('/').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], doc) as Schema) : s);
  const node = resolve(schema);
  const branches = node.anyOf ?? node.oneOf;
  if (branches) {
    const tries = branches.map((b) => undeclared(value, b, doc, at));
    return tries.find((t) => t.length === 0) ?? tries.reduce((a, b) => (b.length < a.length ? b : a));
  }
  if (Array.isArray(value)) return node.items ? value.flatMap((v, i) => undeclared(v, node.items!, doc, `${at}${i}.`)) : [];
  if (value === null || typeof value !== 'object') return [];
  const properties: Record<string, Schema> = {};
  const collect = (s: Schema): void => {
    const r = resolve(s);
    Object.assign(properties, r.properties ?? {});
    (r.allOf ?? []).forEach(collect);
  };
  collect(node);
  if (Object.keys(properties).length === 0) return [];
  return Object.entries(value).flatMap(([key, v]) => (properties[key] ? undeclared(v, properties[key]!, doc, `${at}${key}.`) : [`${at}${key}`]));
}

const routes = officerRoutes({} as RouteDeps);
const built = openApiDocument(routes);
const examples = operationsOf(built).flatMap(({ key, operation }) => (operation['x-request-examples'] ?? []).map((example) => ({ key, operation, example })));

let app: TestApp;
let served: OpenApiDocument;
let ajv: Ajv2020;
const validators = new Map<unknown, ValidateFunction>();
const validatorFor = (schema: unknown): ValidateFunction => {
  let validate = validators.get(schema);
  if (!validate) {
    // The document's refs ("#/components/schemas/...") point into the document, added to ajv under DOC_ID.
    validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, `"${DOC_ID}#/components/`)) as object);
    validators.set(schema, validate);
  }
  return validate;
};

beforeAll(async () => {
  app = await startTestApp({ OFFICER_API_TOKEN: TOKEN }, { seed: (s) => seedDemoCouncil(s, new Date()) });
  const res = await fetch(`${app.url}${OPENAPI_PATH}`);
  expect(res.status).toBe(200);
  served = (await res.json()) as OpenApiDocument;
  // The document as one JSON Schema 2020-12 resource, so that "#/components/schemas/..." resolves within it.
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOC_ID, components: served.components } as object);
});

afterAll(async () => {
  await app.stop();
});

describe('the OpenAPI document of the officer API', () => {
  it('is served without a token, as the routes build it', async () => {
    expect(served).toEqual(JSON.parse(JSON.stringify(built)));
    expect(served.openapi).toBe('3.1.0');
    expect(served.info.version).toBe(packageVersion);
  });

  it('is valid OpenAPI 3.1: every operation has responses and an id of its own, every $ref resolves, every schema compiles', () => {
    const operations = operationsOf(served);
    expect(operations.length).toBeGreaterThan(20);
    for (const { key, operation } of operations) {
      expect({ key, responses: Object.keys(operation.responses).length > 0 }).toEqual({ key, responses: true });
    }
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);

    const refs: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node)) {
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
      }
    };
    walk(served);
    expect(refs.length).toBeGreaterThan(0);
    const resolve = (ref: string): unknown =>
      ref.replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], served);
    expect(refs.filter((ref) => !ref.startsWith('#/') || resolve(ref) === undefined)).toEqual([]);

    for (const name of Object.keys(served.components?.schemas ?? {})) {
      expect(() => ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`) ?? ajv.compile({ $ref: `${DOC_ID}#/components/schemas/${name}` })).not.toThrow();
    }
    // The bearer scheme every operation but the document's own needs, and the role each needs.
    expect(served.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    for (const { key, operation } of operations) {
      const role = (operation as unknown as Record<string, unknown>)['x-required-role'];
      expect({ key, role }).toEqual({ key, role: key === `GET ${OPENAPI_PATH}` ? undefined : expect.stringMatching(/^(Officer|Admin)$/) });
    }
  });

  it('names every route the server serves and no other', () => {
    expect(compareWithServer(served, routes)).toEqual({ undocumented: [], notServed: [] });
    const officer = routes.map((r) => `${r.method === 'del' ? 'DELETE' : r.method.toUpperCase()} ${openApiPathOf(r.path)}`);
    expect(operationsOf(served).map((o) => o.key).filter((k) => k !== `GET ${OPENAPI_PATH}`).sort()).toEqual(officer.sort());
  });

  it('fails the comparison for a route the document lacks', () => {
    // The document of all routes but the first, checked against a server of all of them: the first is named.
    const [first, ...rest] = routes as [ApiRoute, ...ApiRoute[]];
    expect(compareWithServer(openApiDocument(rest), routes).undocumented).toEqual([`${first.method === 'del' ? 'DELETE' : first.method.toUpperCase()} ${openApiPathOf(first.path)}`]);
  });

  it('documents at least one example for every operation, and refusals among them', () => {
    const without = operationsOf(built).filter((o) => o.key !== `GET ${OPENAPI_PATH}` && (o.operation['x-request-examples'] ?? []).length === 0);
    expect(without.map((o) => o.key)).toEqual([]);
    const statuses = new Set(examples.map((e) => e.example.status));
    for (const status of [200, 201, 202, 400, 404, 409, 412, 415, 422]) expect(statuses).toContain(status);
  });

  it('names what an answer holds that the document does not', () => {
    const meeting = { id: 'm1', committeeId: 'cabinet', startsAt: '2030-01-08T18:30:00Z', status: 'scheduled', items: [{ id: 'i1', secret: true }], extra: 1 };
    expect(undeclared(meeting, { $ref: '#/components/schemas/MeetingWithItems' }, served)).toEqual(['items.0.secret', 'extra']);
  });

  describe('every documented example, sent as an officer would', () => {
    it.each(examples.map((e) => [`${e.key} (${e.example.name})`, e] as const))('%s', async (_name, { key, operation, example }) => {
      // A request the server takes is one the document describes.
      const requestSchema = example.body && example.status < 300 ? operation.requestBody?.content[example.body.contentType]?.schema : undefined;
      if (example.body && example.status < 300) expect({ key, example: example.name, documentedType: requestSchema !== undefined }).toEqual({ key, example: example.name, documentedType: true });
      if (requestSchema !== undefined) {
        const validateRequest = validatorFor(requestSchema);
        const valid = validateRequest(example.body!.value);
        expect({ key, example: example.name, requestErrors: valid ? [] : validateRequest.errors }).toEqual({ key, example: example.name, requestErrors: [] });
      }
      const [method, template] = key.split(' ') as [string, string];
      const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(example.params?.[name] ?? `missing-${name}`));
      const query = example.query ? `?${new URLSearchParams(example.query as Record<string, string>).toString()}` : '';
      const body = example.body === undefined ? undefined : typeof example.body.value === 'string' ? example.body.value : JSON.stringify(example.body.value);
      const res = await fetch(`${app.url}${path}${query}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, ...(example.body ? { 'content-type': example.body.contentType } : {}), ...example.headers },
        body,
      });
      const text = await res.text();
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
      expect({ status: res.status, type, text: res.status === example.status ? '' : text.slice(0, 2000) }).toMatchObject({ status: example.status, text: '' });

      const documented = operation.responses[String(res.status)]?.content;
      expect(documented).toBeDefined();
      expect(Object.keys(documented!)).toContain(type);
      const value = type.endsWith('json') ? (JSON.parse(text) as unknown) : text;
      const validate = validatorFor(documented![type]!.schema);
      const valid = validate(value);
      expect({ key, example: example.name, errors: valid ? [] : validate.errors }).toEqual({ key, example: example.name, errors: [] });
      if (type === 'application/json') expect({ key, example: example.name, undeclared: undeclared(value, documented![type]!.schema as Schema, served) }).toEqual({ key, example: example.name, undeclared: [] });
    });
  });
});
