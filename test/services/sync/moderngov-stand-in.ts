import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInRequest {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly userAgent: string;
  readonly at: number;
}

/** What the stand-in answers one request with: a body (XML by default), a status, a redirect, or nothing at all. */
export type StandInAnswer =
  | { readonly xml: string }
  | { readonly html: string; readonly status?: number }
  | { readonly status: number }
  | { readonly redirect: string }
  | { readonly stall: true };

/**
 * A stand-in for a council's ModernGov site on 127.0.0.1, answering what each test sets for each address
 * ("GetMeeting?lMeetingId=4967", "ieDecisionDetails.aspx?AIId=18833"), and recording every request it receives.
 */
export class ModernGovStandIn {
  readonly requests: StandInRequest[] = [];
  private readonly answers = new Map<string, StandInAnswer>();
  private server?: Server;

  /** `key` is the operation or page with its one identifying query parameter, as the site is asked. */
  answer(key: string, answer: StandInAnswer): void {
    this.answers.set(key, answer);
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    // In two statements: restify (loaded by the bot in the same process) patches ServerResponse.writeHead to return nothing.
    const send = (status: number, headers: Record<string, string>, body?: string): void => {
      res.writeHead(status, headers);
      res.end(body);
    };
    const url = new URL(req.url ?? '/', 'http://stand-in');
    this.requests.push({ path: url.pathname, query: url.searchParams, userAgent: String(req.headers['user-agent'] ?? ''), at: Date.now() });
    const page = url.pathname.split('/').pop() ?? '';
    const id = url.searchParams.get('lMeetingId') ?? url.searchParams.get('lCommitteeId') ?? url.searchParams.get('AIId');
    const answer = this.answers.get(id ? `${page}?${id}` : page);
    if (!answer) {
      send(404, { 'content-type': 'text/html' }, '<html><head><title>404 - File or directory not found.</title></head></html>');
      return;
    }
    if ('stall' in answer) return; // never answers: the client's time limit must end it
    if ('redirect' in answer) {
      send(302, { location: answer.redirect });
      return;
    }
    if ('xml' in answer) {
      send(200, { 'content-type': 'text/xml; charset=utf-8' }, answer.xml);
      return;
    }
    if ('html' in answer) {
      send(answer.status ?? 200, { 'content-type': 'text/html; charset=utf-8' }, answer.html);
      return;
    }
    send(answer.status, { 'content-type': 'text/html' }, `<html><head><title>${answer.status} Server Error</title></head></html>`);
  }
}
