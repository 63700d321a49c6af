import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z, type AnyZodObject, type ZodTypeAny } from 'zod';
import type { OfficerRole } from './officer-auth';

// Adds .openapi() to zod's types, before any schema of the HTTP layer names itself as a component. Every route file
// imports this module, so the extension is in place wherever a contract is written.
extendZodWithOpenApi(z);

/** The parts of the officer API, as the document groups them. */
export type ContractTag =
  | 'Who am I' | 'Committees' | 'Imports' | 'Members' | 'Notifications' | 'Meetings' | 'Agenda items' | 'Decisions' | 'Action plans' | 'Sync' | 'Audit' | 'Contract';

/** Request headers an operation reads. */
export type RequestHeader = 'If-Match' | 'Idempotency-Key' | 'Accept';
/** Response headers an operation sets. */
export type ResponseHeader = 'ETag' | 'Location' | 'Vary' | 'Content-Disposition' | 'Content-Security-Policy';

/**
 * The refusals an operation can give beyond 401 and 403 (which every officer route can give: it needs a bearer token
 * and an app role), each as problem+json (problem.ts).
 */
export type RefusalStatus = 400 | 404 | 409 | 412 | 413 | 415 | 422 | 503;

export interface ContractResponse {
  readonly description: string;
  /** The body by media type; none for an answer without a body. */
  readonly content?: Readonly<Record<string, ZodTypeAny>>;
  readonly headers?: readonly ResponseHeader[];
}

/**
 * One request an integrator can send as it stands against the demo council (`npm run dev`, local mode): documented,
 * and sent by test/http/openapi.test.ts, whose answer must have `status` and match the document.
 */
export interface ContractExample {
  /** Its key in the document: letters and digits. */
  readonly name: string;
  readonly summary: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: { readonly contentType: string; readonly value: unknown };
  /** The status it is answered with. */
  readonly status: number;
}

/**
 * What an officer API operation takes and answers, kept beside its handler so that the OpenAPI document (openapi.ts)
 * is built from the very schemas the handler validates with. Required on every route: a route without one does not
 * compile.
 */
export interface RouteContract {
  readonly summary: string;
  readonly description?: string;
  readonly tag: ContractTag;
  readonly params?: AnyZodObject;
  readonly query?: AnyZodObject;
  /** The body by media type, each the schema the handler (or its use case) validates it with. */
  readonly body?: { readonly description?: string; readonly content: Readonly<Record<string, ZodTypeAny>>; readonly required?: boolean };
  readonly headers?: readonly RequestHeader[];
  /** The answers that are not refusals, by status. */
  readonly responses: Readonly<Record<number, ContractResponse>>;
  readonly refusals: readonly RefusalStatus[];
  readonly examples: readonly [ContractExample, ...ContractExample[]];
}

/** What the document is built from: a route's method, path, role and contract (server.ts's ApiRoute has them all). */
export interface DocumentedRoute {
  readonly method: 'get' | 'post' | 'put' | 'del' | 'patch';
  readonly path: string;
  readonly role: OfficerRole;
  readonly contract: RouteContract;
}

/** RFC 9457 problem details, as problem.ts and server.ts send them: extension members (`current`, `problems` ...) vary by refusal. */
export const ProblemAnswer = z
  .object({
    type: z.string(),
    status: z.number().int().min(400).max(599),
    title: z.string().min(1),
    detail: z.string().min(1),
    requestId: z.string().optional(),
    /** The domain's reason, where the refusal comes from a use case (not-found, conflict, invalid ...). */
    code: z.string().optional(),
    errors: z.array(z.object({ where: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .openapi('Problem');

export const JSON_TYPE = 'application/json';
export const CSV_TYPE = 'text/csv';
export const HTML_TYPE = 'text/html';

/** A path's id, checked by the router's length limit and the domain's rule when the use case reads it. */
export const IdParams = z.object({ id: z.string().min(1).openapi({ description: 'The record\'s id.' }) });

/** A list page: the items under their name, and a continuation when there is more (paging.ts's `pageBody`). */
export const pageAnswer = <T extends ZodTypeAny>(name: string, item: T) =>
  z.object({ [name]: z.array(item), continuation: z.string().optional() } as Record<string, ZodTypeAny>).strict();

/** A text answer (CSV, an HTML page). */
export const TextAnswer = z.string();
