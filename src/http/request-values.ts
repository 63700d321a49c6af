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
