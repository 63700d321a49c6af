import type { ModernGovSite, SiteAnswer } from '../services/sync/moderngov-site';

export interface HttpModernGovSiteOptions {
  readonly baseUrl: string;
  /** Pause between two requests (one at a time per site). */
  readonly requestGapMs: number;
  /** How long one request may take, its answer included. */
  readonly timeoutMs: number;
  /** The council's contact, named in the User-Agent. */
  readonly contact?: string;
  /** Tries after the first on a 5xx or a timeout; default 2. */
  readonly retries?: number;
  /** Largest answer read; default 10 MB. */
  readonly maxBytes?: number;
  readonly version?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** ModernGov's web service takes dates as dd/mm/yyyy. */
const ukDate = (isoDate: string): string => isoDate.split('-').reverse().join('/');

class RetryableFailure extends Error {}

/**
 * The council's ModernGov site over HTTP, politely: one request at a time with a pause between them, a User-Agent
 * that names the bot and the council's contact, a time limit on each request (answer included, so a stall ends),
 * retries with backoff on 5xx answers and timeouts. Redirects are not followed: ModernGov answers its web service
 * in place, and a redirect is almost always to a login page, which is reported as such.
 */
export function createHttpModernGovSite(options: HttpModernGovSiteOptions): ModernGovSite {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retries = options.retries ?? 2;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const userAgent = `CabinetBot/${options.version ?? '1'} (Teams bot for the council's cabinet business${options.contact ? `; contact ${options.contact}` : ''})`;
  let queue: Promise<unknown> = Promise.resolve();
  let lastEndedAt = 0;

  async function once(url: string): Promise<SiteAnswer> {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { 'user-agent': userAgent, accept: 'application/xml, text/xml, text/html;q=0.9' },
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (err) {
      throw new RetryableFailure(describeFetchError(err, options.timeoutMs));
    }
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const location = response.headers.get('location') ?? '';
      const login = /login|logon|signin|sign-in|auth/i.test(location);
      return { ok: false, url, why: `The site redirected (HTTP ${response.status}) to ${location || 'another page'}${login ? ': a login page, so it refuses scripted clients or needs signing in' : ''}.` };
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      throw new RetryableFailure(`The site answered HTTP ${response.status}.`);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      return { ok: false, url, why: `The site answered HTTP ${response.status}${response.status === 403 ? ' (forbidden: it may refuse scripted clients)' : ''}.` };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel();
      return { ok: false, url, why: `The answer is ${declared} bytes, more than the ${maxBytes} read.` };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (err) {
      throw new RetryableFailure(describeFetchError(err, options.timeoutMs));
    }
    if (Buffer.byteLength(text) > maxBytes) return { ok: false, url, why: `The answer is more than the ${maxBytes} bytes read.` };
    return { ok: true, url, text };
  }

  async function withRetries(url: string): Promise<SiteAnswer> {
    for (let attempt = 0; ; attempt += 1) {
      const wait = lastEndedAt + options.requestGapMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await once(url);
      } catch (err) {
        if (!(err instanceof RetryableFailure)) throw err;
        if (attempt >= retries) return { ok: false, url, why: `${err.message} (after ${attempt + 1} tries)` };
        // Backoff on top of the usual pause: a struggling site gets longer to recover each time.
        await sleep(Math.max(options.requestGapMs, 250) * 2 ** attempt);
      } finally {
        lastEndedAt = Date.now();
      }
    }
  }

  /** One request at a time per site, whoever asks. */
  const fetchText = (url: string): Promise<SiteAnswer> => {
    const result = queue.then(() => withRetries(url));
    queue = result.catch(() => undefined);
    return result;
  };
  const service = (operation: string, params: Record<string, string>): string =>
    `${baseUrl}/mgWebService.asmx/${operation}${Object.keys(params).length > 0 ? `?${new URLSearchParams(params).toString()}` : ''}`;

  return {
    baseUrl,
    committees: () => fetchText(service('GetCommittees', {})),
    meetings: (committeeId, from, to) => fetchText(service('GetMeetings', { lCommitteeId: committeeId, sFromDate: ukDate(from), sToDate: ukDate(to) })),
    meeting: (meetingId) => fetchText(service('GetMeeting', { lMeetingId: meetingId })),
    decisionPage: (agendaItemId) => fetchText(`${baseUrl}/ieDecisionDetails.aspx?${new URLSearchParams({ AIId: agendaItemId }).toString()}`),
  };
}

function describeFetchError(err: unknown, timeoutMs: number): string {
  // A time limit's abort is a DOMException, which is not an Error in Node 20.
  const name = typeof err === 'object' && err !== null && 'name' in err ? String(err.name) : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `No complete answer within ${timeoutMs} ms (the site stalled or is slow).`;
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `The site could not be reached${cause || (err instanceof Error ? `: ${err.message}` : '')}.`;
}
