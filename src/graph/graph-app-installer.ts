import type { TokenCredential } from '@azure/identity';
import type { AttemptResult, Member } from '../domain';

export interface GraphAppInstallerOptions {
  /** https://graph.microsoft.com, or a national cloud's Graph endpoint. */
  readonly baseUrl: string;
  /** The app's id in the organisation's app catalogue (Teams admin centre: Manage apps, the app's "App ID"). */
  readonly teamsAppId: string;
  /** Holds the application permission TeamsAppInstallation.ReadWriteSelfForUser.All (least privilege for this). */
  readonly credential: TokenCredential;
  readonly timeoutMs: number;
}

type InstallResult = { readonly ok: true; readonly chatId: string } | { readonly ok: false; readonly result: Exclude<AttemptResult, { kind: 'sent' | 'not-needed' }> };

interface GraphAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly retryAfterMs?: number;
}

const graphError = (body: unknown): string => {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return [error?.code, error?.message].filter((x) => typeof x === 'string').join(': ').slice(0, 300);
};

/**
 * Proactive installation through Microsoft Graph (Microsoft's "proactive installation" guidance): installs the app in
 * a member's personal scope, which opens their chat with the bot, and answers that chat's id. Graph answers 409 when
 * the app is already installed; either way the chat is looked up. Each call is one try: the outbox retries.
 */
export class GraphAppInstaller {
  private readonly scope: string;

  constructor(private readonly options: GraphAppInstallerOptions) {
    this.scope = `${new URL(options.baseUrl).origin}/.default`;
  }

  async install(member: Pick<Member, 'id' | 'aadObjectId'>): Promise<InstallResult> {
    if (!member.aadObjectId) return { ok: false, result: { kind: 'unreachable', reason: 'no-teams-account' } };
    const user = `/v1.0/users/${encodeURIComponent(member.aadObjectId)}/teamwork/installedApps`;
    const installed = await this.call('POST', user, { 'teamsApp@odata.bind': `${this.options.baseUrl.replace(/\/+$/, '')}/v1.0/appCatalogs/teamsApps/${this.options.teamsAppId}` });
    if (!('status' in installed) || (installed.status !== 201 && installed.status !== 409)) return this.failed(installed, 'installing the app');

    const filter = encodeURIComponent(`teamsApp/id eq '${this.options.teamsAppId}'`);
    const listed = await this.call('GET', `${user}?$expand=teamsApp&$filter=${filter}`);
    if (!('status' in listed) || listed.status !== 200) return this.failed(listed, 'finding the installation');
    const installation = (listed.body as { value?: Array<{ id?: unknown }> }).value?.[0]?.id;
    if (typeof installation !== 'string') return { ok: false, result: { kind: 'unreachable', reason: 'install-failed', detail: 'Graph installed the app but does not list the installation' } };

    const chat = await this.call('GET', `${user}/${encodeURIComponent(installation)}/chat`);
    if (!('status' in chat) || chat.status !== 200) return this.failed(chat, 'finding the chat');
    const chatId = (chat.body as { id?: unknown }).id;
    if (typeof chatId !== 'string') return { ok: false, result: { kind: 'unreachable', reason: 'install-failed', detail: 'Graph did not say which chat the installation opened' } };
    return { ok: true, chatId };
  }

  /** 429 and 5xx may pass (tried again by the outbox); 403 and 404 (no permission, not in the catalogue, no such user) will not. */
  private failed(answer: GraphAnswer | { readonly fault: string }, doing: string): InstallResult {
    if ('fault' in answer) return { ok: false, result: { kind: 'fault', detail: `Microsoft Graph, ${doing}: ${answer.fault}` } };
    const detail = `Microsoft Graph answered ${answer.status} ${doing}${graphError(answer.body) ? ` (${graphError(answer.body)})` : ''}`;
    if (answer.status === 429) return { ok: false, result: { kind: 'throttled', detail, ...(answer.retryAfterMs !== undefined ? { retryAfterMs: answer.retryAfterMs } : {}) } };
    if (answer.status >= 500 || answer.status === 408) return { ok: false, result: { kind: 'fault', detail } };
    return { ok: false, result: { kind: 'unreachable', reason: 'install-failed', detail } };
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<GraphAnswer | { readonly fault: string }> {
    let token: string;
    try {
      const got = await this.options.credential.getToken(this.scope);
      if (!got) return { fault: 'no token for Microsoft Graph' };
      token = got.token;
    } catch (err) {
      return { fault: `no token for Microsoft Graph: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}` };
    }
    try {
      const response = await fetch(`${this.options.baseUrl.replace(/\/+$/, '')}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      const retryAfter = Number(response.headers.get('retry-after'));
      return { status: response.status, body: parsed, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}) };
    } catch (err) {
      return { fault: err instanceof Error && err.name === 'TimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : `could not reach it (${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message})` };
    }
  }
}
