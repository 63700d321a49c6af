/**
 * The officer API as the browser tests call it: one bearer token, bodies sent as given (a string as it is, with the
 * caller's content type; anything else as JSON), answers read as JSON when they say so and as text otherwise.
 */
export interface OfficerAnswer<T> {
  readonly status: number;
  readonly body: T;
}

export type OfficerApi = <T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<OfficerAnswer<T>>;

/** Calls `baseUrl()` at each request, because the bot's address is known only once the suite has started it. */
export function officerApi(baseUrl: () => string, token: string): OfficerApi {
  return async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<OfficerAnswer<T>> => {
    const json = body !== undefined && typeof body !== 'string';
    const res = await fetch(`${baseUrl()}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body === undefined ? {} : { body: json ? JSON.stringify(body) : (body as string) }),
    });
    const text = await res.text();
    return { status: res.status, body: (/json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T };
  };
}

/** Asks `probe` every `everyMs` until it answers something; a probe that throws is asked again (its error is kept for the timeout's message). */
export async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
