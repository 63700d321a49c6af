import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { AuthenticationConstants, ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorFactory } from 'botframework-connector';
import type { AttemptResult } from '../domain';
import type { ConnectorBudget } from '../services/messenger';

/** One answer from the Bot Connector, or the reason there was none. */
export type ConnectorAnswer =
  | { readonly status: number; readonly body: unknown; readonly retryAfterMs?: number }
  | { readonly status: 'timeout' | 'network'; readonly detail: string };

export interface BotConnectorClientOptions {
  /** The bot's app id ('' in local mode, where outgoing calls carry no token). */
  readonly appId: string;
  /** Each request gives up after this long (a fault, retried by the outbox). */
  readonly timeoutMs: number;
}

const tracer = trace.getTracer('cabinet-bot');

/** The path's shape without its ids ("/v3/conversations/{id}/activities/{id}"), so spans group by kind of call. */
export const pathTemplate = (path: string): string => path.split('?')[0]!.replace(/(\/v3\/(?:conversations|teams))\/[^/]+/, '$1/{id}').replace(/(\/activities)\/[^/]+/, '$1/{id}');

/** Retry-After is seconds, or an HTTP date. */
export const parseRetryAfter = (value: string | null, now = Date.now()): number | undefined => {
  if (value === null || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

const describe = (answer: { readonly status: number; readonly body: unknown }): string => {
  const error = (answer.body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const said = [error?.code, error?.message].filter((x) => typeof x === 'string').join(': ');
  return `Teams answered ${answer.status}${said ? ` (${said.slice(0, 300)})` : ''}`;
};

/**
 * What an answer means for a delivery. 429: throttled (Retry-After when Teams said). 403: the user blocked or removed
 * the bot (MessageWritesBlocked and its kin): never retried. 404: the conversation is gone. 408, 5xx, a timeout or
 * no connection: a fault that may pass. Anything else (400, 401, 413 ...): refused for good.
 */
export type ConnectorResult = Exclude<AttemptResult, { kind: 'not-needed' | 'unreachable' }>;

export function classifyAnswer(answer: ConnectorAnswer): ConnectorResult {
  if ('detail' in answer) return { kind: 'fault', detail: answer.detail };
  const { status } = answer;
  if (status >= 200 && status < 300) {
    const id = (answer.body as { id?: unknown } | undefined)?.id;
    return { kind: 'sent', ...(typeof id === 'string' && id !== '' ? { activityId: id } : {}) };
  }
  const detail = describe(answer);
  if (status === 429) return { kind: 'throttled', detail, ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}) };
  if (status === 403) return { kind: 'blocked', detail };
  if (status === 404) return { kind: 'gone', detail };
  if (status === 408 || (status >= 500 && status !== 501 && status !== 505)) return { kind: 'fault', detail };
  return { kind: 'rejected', detail };
}

/**
 * The Bot Connector's REST API for the outbox, one try per call. The SDK's own client retries 429 and 5xx up to three
 * times out of sight, which would double the outbox's retries and hide throttling from its rate limiter, so the
 * outbox calls the REST API itself, signed with the SDK's credentials for the conversation's service URL (the same
 * tokens, login endpoint and audience as every other outgoing call), with a timeout, through the ConnectorBudget.
 */
export class BotConnectorClient {
  private readonly factory: ConnectorFactory;

  constructor(
    auth: BotFrameworkAuthentication,
    private readonly budget: ConnectorBudget,
    private readonly options: BotConnectorClientOptions,
  ) {
    // A proactive call is made as the bot itself, as CloudAdapter.continueConversationAsync makes it.
    const identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: options.appId },
        { type: AuthenticationConstants.AppIdClaim, value: options.appId },
      ],
      true,
    );
    // No audience: the factory uses the configured scope (ToChannelFromBotOAuthScope), as proactive sends do.
    this.factory = auth.createConnectorFactory(identity);
  }

  /** One request, when the budget allows; a 429 also tells the budget to hold every request for Retry-After. */
  async call(method: 'GET' | 'POST' | 'PUT', serviceUrl: string, path: string, conversationKey: string, body?: unknown): Promise<ConnectorAnswer> {
    const answer = await this.budget.schedule(conversationKey, () => this.traced(method, serviceUrl, path, body));
    if (answer.status === 429) this.budget.throttled('retryAfterMs' in answer ? answer.retryAfterMs : undefined);
    return answer;
  }

  /**
   * A client span per request, as the HTTP instrumentation draws for the SDK's calls (it does not see fetch): the
   * method, Teams' host, the path's shape and the answer. Ids and status only. A no-op unless telemetry is on.
   */
  private traced(method: string, serviceUrl: string, path: string, body: unknown): Promise<ConnectorAnswer> {
    const template = pathTemplate(path);
    const attributes = { 'http.request.method': method, 'server.address': new URL(serviceUrl).host, 'url.template': template };
    return tracer.startActiveSpan(`Bot Connector ${method} ${template}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
      try {
        const answer = await this.request(method, serviceUrl, path, body);
        if (typeof answer.status === 'number') {
          span.setAttribute('http.response.status_code', answer.status);
          if (answer.status >= 400) span.setStatus({ code: SpanStatusCode.ERROR });
        } else {
          span.setAttribute('error.type', answer.status);
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        return answer;
      } finally {
        span.end();
      }
    });
  }

  private async request(method: string, serviceUrl: string, path: string, body: unknown): Promise<ConnectorAnswer> {
    const headers = new Headers({ accept: 'application/json' });
    if (body !== undefined) headers.set('content-type', 'application/json; charset=utf-8');
    try {
      const connector = await this.factory.create(serviceUrl);
      await connector.credentials.signRequest({ headers: { set: (name: string, value: string) => headers.set(name, value) } } as never);
    } catch (err) {
      // The login service did not give a token: a fault of the moment, like a network error.
      return { status: 'network', detail: `could not get a token for the Bot Connector: ${err instanceof Error ? err.message : String(err)}` };
    }
    const url = `${serviceUrl.replace(/\/+$/, '')}${path}`;
    try {
      const response = await fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = { error: { code: 'NotJson', message: text.slice(0, 200) } };
      }
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      return { status: response.status, body: parsed, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
    } catch (err) {
      if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
        return { status: 'timeout', detail: `Teams did not answer within ${this.options.timeoutMs} ms` };
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      return { status: 'network', detail: `could not reach Teams: ${cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err))}` };
    }
  }
}
