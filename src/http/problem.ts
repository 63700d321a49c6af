import type { Response } from 'restify';

/**
 * RFC 9457 problem details. Every error the HTTP layer returns is one of these, with a `detail`
 * a person can act on; `errors` lists field-level problems where there are several.
 */
export interface Problem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly type?: string;
  readonly errors?: ReadonlyArray<{ readonly where: string; readonly message: string }>;
  readonly [extension: string]: unknown;
}

export function sendProblem(res: Response, problem: Problem, requestId?: string): void {
  const body = JSON.stringify({ type: 'about:blank', ...problem, ...(requestId ? { requestId } : {}) });
  res.writeHead(problem.status, {
    'Content-Type': 'application/problem+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

export class HttpProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
    this.name = 'HttpProblem';
  }
}

export const badRequest = (detail: string, errors?: Problem['errors']): HttpProblem =>
  new HttpProblem({ status: 400, title: 'Bad request', detail, ...(errors ? { errors } : {}) });
export const unauthorized = (detail: string): HttpProblem => new HttpProblem({ status: 401, title: 'Unauthorized', detail });
export const forbidden = (detail: string): HttpProblem => new HttpProblem({ status: 403, title: 'Forbidden', detail });
export const notFound = (detail: string): HttpProblem => new HttpProblem({ status: 404, title: 'Not found', detail });
export const payloadTooLarge = (limit: number): HttpProblem =>
  new HttpProblem({ status: 413, title: 'Payload too large', detail: `The request body is larger than the limit of ${limit} bytes. Split the page or raise MAX_BODY_BYTES.` });
export const unsupportedMediaType = (detail: string): HttpProblem =>
  new HttpProblem({ status: 415, title: 'Unsupported media type', detail });
