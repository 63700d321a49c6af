import { badRequest } from './problem';
import type { ApiContext } from './server';

/** ETags go out quoted, as HTTP has them (the embedded store's are bare). */
export const httpEtag = (etag: string): string => (etag.startsWith('"') ? etag : `"${etag}"`);

/**
 * The If-Match header. One ETag or `*`: a list would need the store to compare several versions, which no
 * client of ours sends.
 */
export function ifMatchOf(ctx: Pick<ApiContext, 'header'>): string | undefined {
  const value = ctx.header('if-match')?.trim();
  if (value === undefined || value === '') return undefined;
  if (value !== '*' && value.split(',').length > 1) throw badRequest('Send one ETag in If-Match (the one from the last GET), or *.');
  return value;
}

/** A true/false query parameter; absent or empty is false, anything else is a 400 that says so. */
export function booleanQuery(value: string | null, name: string): boolean {
  if (value === null || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`The query parameter ${name} must be true or false.`);
}

/**
 * A PUT body for the resource named in the path: the JSON object with the path's id. An id in the body is
 * allowed only when it is the same one.
 */
export async function putBodyFor(ctx: Pick<ApiContext, 'params' | 'jsonBody'>): Promise<{ id: string; body: Record<string, unknown> }> {
  const id = ctx.params.id ?? '';
  const body = await ctx.jsonBody();
  if (body.id !== undefined && body.id !== id) {
    throw badRequest(`The body's id ${JSON.stringify(body.id)} is not the id in the path (${id}); send the same id, or none.`);
  }
  return { id, body: { ...body, id } };
}

/** What a PUT that creates or replaces answers: 201 with Location when created, else 200; the ETag either way. */
export const putResult = (result: { created: boolean; etag: string }, body: unknown, location: string) => ({
  status: result.created ? 201 : 200,
  body,
  headers: { ETag: httpEtag(result.etag), ...(result.created ? { Location: location } : {}) },
});
