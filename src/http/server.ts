import { randomUUID } from 'node:crypto';
import { trace } from '@opentelemetry/api';
import restify, { type Request, type Response, type Server } from './restify';
import { ZodError } from 'zod';
import { ID_MAX_LENGTH } from '../domain/common';
import { DomainError, type DomainErrorCode } from '../domain/errors';
import type { Logger } from '../logging/logger';
import type { RouteContract } from './contract';
import type { OfficerAuthenticator, OfficerPrincipal, OfficerRole } from './officer-auth';
import { requireRole } from './officer-auth';
import { OPENAPI_PATH, openApiDocument } from './openapi';
import { HttpProblem, sendProblem, type Problem } from './problem';
import type { PublicPagePath, PublicPages } from './public-pages';
import { readBody, readJsonObject } from './read-body';
import type { TabResponse, TabSite } from './tab';

/** The shape botbuilder's CloudAdapter reads and writes; declared here so http/ never imports teams/. */
export interface BotHttpRequest {
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  method: string;
}
export interface BotHttpResponse {
  socket: unknown;
  status(code: number): unknown;
  header(name: string, value: unknown): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}
export type MessagesHandler = (req: BotHttpRequest, res: BotHttpResponse, turn: { requestId: string; logger: Logger }) => Promise<void>;

/** One officer API operation. Handlers get a verified principal and return a status and JSON body. */
export interface ApiRoute {
  readonly method: 'get' | 'post' | 'put' | 'del' | 'patch';
  readonly path: string;
  readonly role: OfficerRole;
  /** What it takes and answers: the OpenAPI document (openapi.ts) is built from these. */
  readonly contract: RouteContract;
  handle(ctx: ApiContext): Promise<ApiResult>;
}
export interface ApiContext {
  readonly principal: OfficerPrincipal;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly contentType: string;
  readonly requestId: string;
  /** A request header by name (case-insensitive); the first value when sent more than once. */
  header(name: string): string | undefined;
  readonly logger: Logger;
  rawBody(): Promise<Buffer>;
  jsonBody(): Promise<Record<string, unknown>>;
}
export interface ApiResult {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpServerDeps {
  readonly logger: Logger;
  readonly maxBodyBytes: number;
  readonly messages: MessagesHandler;
  readonly authenticateOfficer: OfficerAuthenticator;
  readonly routes: readonly ApiRoute[];
  /** Resolves when the service can take traffic; rejects with the reason it cannot. */
  readonly readiness: () => Promise<void>;
  /** About, privacy notice and terms of use, linked from the Teams app package. */
  readonly pages?: PublicPages;
  /** The democratic services dashboard under /tab/ (http/tab.ts). */
  readonly tab?: TabSite;
}

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number }>;
  /** Stops accepting, waits for requests in flight (up to graceMs), then closes. */
  stop(graceMs: number): Promise<void>;
  readonly raw: Server;
}

/** Activities from Teams stay well under this; the bot's own limit, separate from the officer API's. */
const MAX_ACTIVITY_BYTES = 1_048_576;
const READINESS_TIMEOUT_MS = 3000;

export function createHttpServer(deps: HttpServerDeps): HttpServer {
  const server = restify.createServer({
    name: 'cabinet-bot',
    handleUncaughtExceptions: false,
    // The same limit as the domain's ids, so that every stored record is reachable by its id (restify's default is 100 too).
    maxParamLength: ID_MAX_LENGTH,
    formatters: { 'application/problem+json': (_req: Request, _res: Response, body: unknown) => JSON.stringify(body) },
  });
  let inFlight = 0;
  let draining = false;
  const idle: Array<() => void> = [];

  server.pre((req: Request, res: Response, next: () => void) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    (req as RequestWithId).requestId = requestId;
    res.setHeader('x-request-id', requestId);
    // The same id on the request's trace (when telemetry is on), so logs, error cards and traces meet.
    trace.getActiveSpan()?.setAttribute('cabinet.request_id', requestId);
    if (draining) {
      res.setHeader('Connection', 'close');
      sendProblem(res, { status: 503, title: 'Shutting down', detail: 'The service is restarting; try again in a moment.' }, requestId);
      return;
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) idle.splice(0).forEach((f) => f());
    });
    next();
  });

  server.get('/healthz', async (_req: Request, res: Response) => {
    sendJson(res, 200, { status: 'ok' });
  });

  server.get('/readyz', async (req: Request, res: Response) => {
    try {
      await withTimeout(deps.readiness(), READINESS_TIMEOUT_MS, 'the store did not answer within 3 s');
      sendJson(res, 200, { status: 'ready' });
    } catch (err) {
      sendProblem(res, { status: 503, title: 'Not ready', detail: `Not ready: ${(err as Error).message}` }, idOf(req));
    }
  });

  for (const path of ['/', '/privacy', '/terms'] as const satisfies readonly PublicPagePath[]) {
    server.get(path, async (req: Request, res: Response) => {
      const html = deps.pages?.page(path);
      if (html === undefined) {
        sendProblem(res, {
          status: 404,
          title: 'Not set up',
          detail: 'This page names the council and whom to ask about data: set COUNCIL_NAME and PRIVACY_CONTACT, or point the Teams app package at the council\'s own pages.',
        }, idOf(req));
        return;
      }
      // Plain text and an inline style only: nothing on these pages may run or load anything.
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(html),
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'public, max-age=3600',
      });
      res.end(html);
    });
  }

  const tab = deps.tab;
  if (tab) {
    const sendTab = (res: Response, answer: TabResponse) => {
      res.writeHead(answer.status, { ...answer.headers, 'Content-Length': Buffer.byteLength(answer.body) });
      res.end(answer.body);
    };
    server.get('/tab', async (_req: Request, res: Response) => {
      // Relative URLs in the page (./assets/...) resolve against /tab/, not /.
      res.writeHead(308, { Location: '/tab/', 'Content-Length': 0 });
      res.end();
    });
    server.get('/tab/config.json', async (_req: Request, res: Response) => sendTab(res, tab.config()));
    server.get('/tab/*', async (req: Request, res: Response) => {
      const rest = (req.url ?? '/tab/').replace(/^\/tab\//, '');
      sendTab(res, await tab.file(rest));
    });
  }

  // The contract of the officer API, built once from the routes' own schemas. No token: it holds no data, and a tab
  // build or an integrator generating client types fetches it before they have one.
  let contract: string | undefined;
  server.get(OPENAPI_PATH, async (_req: Request, res: Response) => {
    contract ??= JSON.stringify(openApiDocument(deps.routes));
    sendJson(res, 200, contract, 'application/json; charset=utf-8', { 'Cache-Control': 'public, max-age=300' });
  });

  server.post('/api/messages', async (req: Request, res: Response) => {
    const requestId = idOf(req);
    const logger = deps.logger.child({ requestId });
    let body: Record<string, unknown>;
    try {
      body = await readJsonObject(req, MAX_ACTIVITY_BYTES);
    } catch (err) {
      return sendError(res, err, requestId, logger);
    }
    try {
      await deps.messages({ body, headers: req.headers, method: req.method ?? 'POST' }, res as unknown as BotHttpResponse, { requestId, logger });
    } catch (err) {
      logger.error({ err }, 'turn failed outside the bot adapter');
      if (!res.headersSent) sendError(res, err, requestId, logger);
    }
  });

  for (const route of deps.routes) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      const requestId = idOf(req);
      const logger = deps.logger.child({ requestId, route: `${route.method.toUpperCase()} ${route.path}` });
      try {
        const principal = await deps.authenticateOfficer(headerValue(req.headers.authorization));
        requireRole(principal, route.role);
        const url = new URL(req.url ?? '/', 'http://localhost');
        const result = await route.handle({
          principal,
          params: (req.params ?? {}) as Record<string, string>,
          query: url.searchParams,
          contentType: headerValue(req.headers['content-type']) ?? '',
          requestId,
          header: (name) => headerValue(req.headers[name.toLowerCase()]),
          logger: logger.child({ officer: principal.id }),
          rawBody: () => readBody(req, deps.maxBodyBytes),
          jsonBody: () => readJsonObject(req, deps.maxBodyBytes),
        });
        sendResult(res, result);
      } catch (err) {
        sendError(res, err, requestId, logger);
      }
    });
  }

  // Restify's own errors (unknown route, wrong method) are answered as problem+json too: restify sends the
  // error itself after this handler, so we give it the problem body and the problem+json formatter.
  server.on('restifyError', (req: Request, res: Response, err: RestifyError, cb: () => void) => {
    const status = err.statusCode ?? 500;
    const problem = {
      type: 'about:blank',
      status,
      title: status === 404 ? 'Not found' : status === 405 ? 'Method not allowed' : 'Request failed',
      detail: status === 404 ? `No such endpoint: ${req.method} ${req.path()}` : err.message,
      requestId: idOf(req),
    };
    err.toJSON = () => problem;
    res.setHeader('content-type', 'application/problem+json; charset=utf-8');
    cb();
  });

  return {
    raw: server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.removeListener('error', reject);
          resolve({ port: (server.address() as { port: number }).port });
        });
      }),
    stop: async (graceMs) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) await Promise.race([new Promise<void>((r) => idle.push(r)), delay(graceMs)]);
      server.server.closeAllConnections();
      await closed;
    },
  };
}

type RequestWithId = Request & { requestId: string };
type RestifyError = { statusCode?: number; message: string; toJSON?: () => unknown };
const idOf = (req: Request): string => (req as RequestWithId).requestId;
const headerValue = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);
const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(message)), ms); })]).finally(() => clearTimeout(timer));
}

function sendJson(res: Response, status: number, body: unknown, contentType = 'application/json; charset=utf-8', headers: Readonly<Record<string, string>> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendResult(res: Response, result: ApiResult): void {
  if (result.body === undefined) {
    res.writeHead(result.status, { ...result.headers });
    res.end();
    return;
  }
  sendJson(res, result.status, result.body, result.contentType, result.headers);
}

const STATUS_BY_DOMAIN_CODE: Record<DomainErrorCode, { status: number; title: string }> = {
  'not-found': { status: 404, title: 'Not found' },
  exists: { status: 409, title: 'Already exists' },
  conflict: { status: 412, title: 'Changed by someone else' },
  invalid: { status: 422, title: 'Not valid' },
  forbidden: { status: 403, title: 'Forbidden' },
  unavailable: { status: 503, title: 'Unavailable' },
};

/** Turns any error into problem+json; unexpected ones are logged and answered without internals. */
export function problemFor(err: unknown): Problem | undefined {
  if (err instanceof HttpProblem) return err.problem;
  if (err instanceof DomainError) {
    const { status, title } = STATUS_BY_DOMAIN_CODE[err.code];
    const errors = Array.isArray(err.details?.errors) ? (err.details?.errors as Problem['errors']) : undefined;
    return { status, title, detail: err.message, code: err.code, ...(errors ? { errors } : {}) };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      title: 'Bad request',
      detail: `The request is not valid: ${err.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`,
      errors: err.issues.map((i) => ({ where: i.path.join('.') || 'body', message: i.message })),
    };
  }
  return undefined;
}

function sendError(res: Response, err: unknown, requestId: string, logger: Logger): void {
  const problem = problemFor(err);
  if (problem) {
    if (problem.status >= 500) logger.warn({ err }, problem.detail);
    return sendProblem(res, problem, requestId);
  }
  logger.error({ err }, 'request failed');
  sendProblem(res, { status: 500, title: 'Internal error', detail: `Something went wrong on our side. Quote request id ${requestId} to support.` }, requestId);
}
