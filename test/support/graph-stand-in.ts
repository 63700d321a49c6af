import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpHeaders, type HttpClient, type PipelineRequest, type PipelineResponse } from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';

/** One call Graph (or the identity provider) received. */
export interface StandInCall {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body: string;
}

/**
 * Microsoft Graph and Entra ID's token endpoint, stood in on 127.0.0.1: enough of each for proactive installation
 * (install the app for a user, list the installation, get its chat) and a client-credentials token. `installAnswer`
 * makes the install answer something else (403 without the permission, 404 for an app not in the catalogue).
 */
export class GraphStandIn {
  readonly calls: StandInCall[] = [];
  installAnswer: { status: number; body?: unknown } = { status: 201 };
  readonly token = 'graph-token-from-stand-in';
  private server?: Server;
  url = '';

  constructor(private readonly chatIdFor: (userId: string) => string) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void readBody(req).then((body) => {
        const path = req.url ?? '';
        this.calls.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body });
        const json = (status: number, value: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(value));
        };
        // Every address in the metadata on the identity provider's https host: MSAL insists on it.
        const base = 'https://login.stand-in.test/tenant-1';
        if (path.includes('/.well-known/openid-configuration')) {
          return json(200, { token_endpoint: `${base}/oauth2/v2.0/token`, issuer: `${base}/v2.0`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, jwks_uri: `${base}/discovery/v2.0/keys`, end_session_endpoint: `${base}/oauth2/v2.0/logout` });
        }
        if (path.includes('/oauth2/v2.0/token')) return json(200, { token_type: 'Bearer', expires_in: 3600, access_token: this.token });
        const user = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(.*)$/.exec(path);
        if (!user) return json(404, { error: { code: 'NotFound', message: path } });
        const [, userId, rest] = user;
        if (req.method === 'POST' && rest === '') return json(this.installAnswer.status, this.installAnswer.body ?? {});
        if (req.method === 'GET' && rest!.startsWith('?')) return json(200, { value: [{ id: `installation-${userId}` }] });
        if (req.method === 'GET' && rest === `/installation-${userId}/chat`) return json(200, { id: this.chatIdFor(decodeURIComponent(userId!)) });
        return json(404, { error: { code: 'NotFound', message: path } });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * The real credential class of @azure/identity, whose identity provider is this stand-in: it insists on an https
   * authority, so its requests to https://login.stand-in.test are carried here over plain http.
   */
  credential(): ClientSecretCredential {
    const standIn = this.url;
    const httpClient: HttpClient = {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        const url = request.url.replace('https://login.stand-in.test', standIn);
        const response = await fetch(url, { method: request.method, headers: request.headers.toJSON(), body: request.body as string | undefined });
        const headers: Record<string, string> = {};
        response.headers.forEach((value, name) => (headers[name] = value));
        return { request, status: response.status, headers: createHttpHeaders(headers), bodyAsText: await response.text() };
      },
    };
    return new ClientSecretCredential('tenant-1', 'graph-client', 'graph-secret', { authorityHost: 'https://login.stand-in.test', disableInstanceDiscovery: true, httpClient });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
