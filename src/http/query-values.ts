import { z } from 'zod';
import { CalendarDate, Id, Instant, londonWallTimeToInstant } from '../domain';
import { badRequest } from './problem';

/**
 * Query parameters of the officer API's lists, validated with zod like every other boundary. An unknown
 * parameter is refused (a misspelt filter would otherwise quietly return everything).
 */
export const PageSize = z.coerce.number().int().min(1).max(200).default(50);

/** An instant, or a day (yyyy-mm-dd) meaning its start in London. */
export const InstantOrDay = z.union([Instant, CalendarDate]).transform((v, ctx) => {
  const iso = CalendarDate.safeParse(v).success ? londonWallTimeToInstant(v, '00:00') : v;
  if (iso === undefined || Number.isNaN(Date.parse(iso))) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'must be a real date or instant' });
    return z.NEVER;
  }
  return new Date(iso);
});

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
