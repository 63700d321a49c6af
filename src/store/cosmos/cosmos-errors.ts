import { DomainError } from '../../domain/errors';

/** The HTTP status the SDK reports on its ErrorResponse (as `code`), if any. */
export const statusOf = (error: unknown): number | undefined => {
  const e = error as { code?: unknown; statusCode?: unknown } | null;
  if (typeof e?.code === 'number') return e.code;
  if (typeof e?.statusCode === 'number') return e.statusCode;
  return undefined;
};

const UNAVAILABLE_STATUSES = new Set([408, 429, 503]);

/**
 * Errors that mean "Cosmos DB cannot serve us now" become DomainError('unavailable') (503 to the HTTP caller),
 * keeping the SDK's error as the cause. Anything else is a fault and goes up as it is.
 */
export const asStoreError = (error: unknown, doing: string): unknown => {
  const status = statusOf(error);
  const networkCode = (error as { code?: unknown } | null)?.code;
  const unreachable = status === undefined && typeof networkCode === 'string';
  if ((status !== undefined && UNAVAILABLE_STATUSES.has(status)) || unreachable) {
    const message = error instanceof Error ? error.message : String(error);
    return new DomainError('unavailable', `Cosmos DB is unavailable (${doing}): ${message}`, { cause: error, status });
  }
  return error;
};
