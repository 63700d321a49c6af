import type { components, paths } from './api-types';

/** Every call of the dashboard goes through here: /api/v1 with the bearer token, typed from the OpenAPI document. */

export type Schemas = components['schemas'];
export type Meeting = Schemas['Meeting'];

type Method = 'get' | 'post' | 'put' | 'delete';
type Operation<P extends keyof paths, M extends Method> = paths[P][M] extends infer O ? (O extends { responses: unknown } ? O : never) : never;
type JsonOf<R, S extends number> = R extends { [K in S]: { content: { 'application/json': infer T } } } ? T : never;
/** Every success the operation can answer (a reminder is 200 NobodyToRemind or 202 ReminderQueued). */
type JsonOk<O> = O extends { responses: infer R } ? ([JsonOf<R, 200> | JsonOf<R, 201> | JsonOf<R, 202>] extends [never] ? unknown : JsonOf<R, 200> | JsonOf<R, 201> | JsonOf<R, 202>) : unknown;
type PathParams<O> = O extends { parameters: { path: infer P } } ? (P extends Record<string, string> ? P : never) : never;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Q : never;
type HeaderParams<O> = O extends { parameters: { header?: infer H } } ? (H extends Record<string, string | undefined> ? H : never) : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } } ? B : O extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export interface CallOptions<O> {
  readonly path?: PathParams<O>;
  readonly query?: QueryParams<O>;
  readonly body?: Body<O>;
  /** Request headers the operation names (an Idempotency-Key). */
  readonly headers?: HeaderParams<O>;
}

/** An answer that was not a success: its problem's detail and the request id, as the page shows them. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly requestId: string | undefined,
    /** The whole problem+json body, when there was one (a roster import's per-line `problems`). */
    readonly problem?: Record<string, unknown>,
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

/** Thrown when there is no token and the person must sign in (the page shows its sign-in). */
export class SignInNeeded extends Error {
  constructor() {
    super('Sign in to continue.');
    this.name = 'SignInNeeded';
  }
}

export interface TokenProvider {
  token(): Promise<string | undefined>;
  renew(): Promise<string | undefined>;
}

export interface Api {
  call<P extends keyof paths, M extends Method>(method: M, path: P, options?: CallOptions<Operation<P, M>>): Promise<JsonOk<Operation<P, M>>>;
  /** The same call, answered as text in the media type asked for (the CSV exports). */
  text<P extends keyof paths>(path: P, accept: string, options?: CallOptions<Operation<P, 'get'>>): Promise<string>;
  /** A text body (the roster CSV) posted as its media type, answered as JSON. */
  postText<P extends keyof paths>(path: P, contentType: string, text: string, options?: CallOptions<Operation<P, 'post'>>): Promise<JsonOk<Operation<P, 'post'>>>;
}

export function createApi(tokens: TokenProvider, onSignInNeeded: () => void): Api {
  async function send(method: string, url: string, accept: string, body: unknown, contentType = 'application/json', extra: Record<string, string | undefined> = {}): Promise<Response> {
    const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const attempt = async (token: string | undefined) => {
      if (!token) throw new SignInNeeded();
      return fetch(url, {
        method,
        headers: { ...definedOnly(extra), authorization: `Bearer ${token}`, accept, ...(payload === undefined ? {} : { 'content-type': contentType }) },
        ...(payload === undefined ? {} : { body: payload }),
      });
    };
    try {
      let res = await attempt(await tokens.token());
      // An expired session: sign in again once, then the refusal stands.
      if (res.status === 401) res = await attempt(await tokens.renew());
      if (!res.ok) throw await refusal(res);
      return res;
    } catch (err) {
      if (err instanceof SignInNeeded) onSignInNeeded();
      throw err;
    }
  }

  function urlOf(path: string, options: { path?: Record<string, string>; query?: unknown } | undefined): string {
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(options?.path?.[name] ?? ''));
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries((options?.query ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== '') query.set(k, String(v));
    const q = query.toString();
    return q ? `${filled}?${q}` : filled;
  }

  return {
    async call(method, path, options) {
      const res = await send(method.toUpperCase(), urlOf(path, options as never), 'application/json', options?.body, 'application/json', (options?.headers ?? {}) as Record<string, string | undefined>);
      return res.status === 204 ? (undefined as never) : res.json();
    },
    async text(path, accept, options) {
      return (await send('GET', urlOf(path, options as never), accept, undefined)).text();
    },
    async postText(path, contentType, text, options) {
      return (await send('POST', urlOf(path, options as never), 'application/json', text, contentType)).json();
    },
  };
}

function definedOnly(headers: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

async function refusal(res: Response): Promise<ApiError> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  let detail = `The request failed (HTTP ${res.status}).`;
  let problem: Record<string, unknown> | undefined;
  try {
    problem = (await res.json()) as Record<string, unknown>;
    if (typeof problem.detail === 'string') detail = problem.detail;
  } catch {
    // not problem+json: the status says enough
  }
  return new ApiError(res.status, detail, requestId, problem);
}
