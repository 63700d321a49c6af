import { z } from 'zod';
import { Id } from '../domain';
import { badRequest } from './problem';

/**
 * Query parameters of the officer API's lists, validated with zod like every other boundary. An unknown
 * parameter is refused (a misspelt filter would otherwise quietly return everything).
 */
export const PageSize = z.coerce.number().int().min(1).max(200).default(50);

/** An instant, or a day (yyyy-mm-dd) meaning its start in London: the domain's, shared with the CLI. */
export { InstantOrDay } from '../domain';

export const Paging = { pageSize: PageSize, continuation: z.string().min(1).max(8192).optional() };
export const CommitteeIdFilter = Id.optional();

/** Parses the query string with `schema` (a strict object): 400 naming every bad parameter. */
export function parseQuery<S extends z.ZodTypeAny>(schema: S, query: URLSearchParams): z.infer<S> {
  const values: Record<string, string> = {};
  for (const [name, value] of query) {
    if (name in values) throw badRequest(`Send the query parameter ${name} once.`);
    values[name] = value;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data as z.infer<S>;
  const errors = parsed.error.issues.map((i) => ({
    where: i.path.join('.') || 'query',
    message: i.code === z.ZodIssueCode.unrecognized_keys ? `unknown parameter(s): ${i.keys.join(', ')}` : i.message,
  }));
  throw badRequest(`The query is not valid: ${errors.map((e) => `${e.where}: ${e.message}`).join('; ')}`, errors);
}

/** A page answer: the items under their name, and the continuation when there is more. */
export const pageBody = <T>(name: string, page: { items: T[]; continuation?: string }) => ({
  [name]: page.items,
  ...(page.continuation !== undefined ? { continuation: page.continuation } : {}),
});

/**
 * Whether the client asked for CSV (`Accept: text/csv`, with a quality above 0, preferred to JSON when both are
 * named): spreadsheets and the CLI's file. Anything else gets JSON.
 */
export function acceptsCsv(accept: string | undefined): boolean {
  const quality = (type: string): number => {
    for (const part of (accept ?? '').split(',')) {
      const [name, ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      if (name !== type) continue;
      const q = params.find((p) => p.startsWith('q='));
      const value = q === undefined ? 1 : Number(q.slice(2));
      return Number.isFinite(value) ? value : 0;
    }
    return 0;
  };
  const csv = quality('text/csv');
  return csv > 0 && csv >= quality('application/json');
}

/** A CSV answer a browser saves as a file with a name that says what it is. */
export const csvResult = (csv: string, filename: string) => ({
  status: 200,
  body: csv,
  contentType: 'text/csv; charset=utf-8',
  headers: { 'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`, Vary: 'Accept' },
});
