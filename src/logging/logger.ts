import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * SDK errors carry the request they failed on, with its Authorization header (the bot's token, a Cosmos key
 * signature). Errors are logged as these fields only, never as the whole object, so no secret rides along.
 */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; statusCode?: unknown; details?: unknown; cause?: unknown };
  return {
    type: e.name,
    message: e.message,
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.statusCode === 'number' ? { statusCode: e.statusCode } : {}),
    stack: e.stack,
    ...(e.cause instanceof Error ? { cause: serializeError(e.cause) } : {}),
  };
}

/** JSON logs for machines; pretty ones when a person watches a terminal. Secrets are kept out (see above). */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    level: options.level,
    serializers: { err: serializeError, error: serializeError },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.headers.authorization', 'authorization', '*.appPassword', '*.key', '*.token'],
      censor: '[redacted]',
    },
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } : undefined,
  });
}
