import pino, { type Logger } from 'pino';

export type { Logger };

/** JSON logs for machines; pretty ones when a person watches a terminal. Secrets are redacted by path. */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    level: options.level,
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.appPassword', '*.key', '*.token', 'authorization'],
      censor: '[redacted]',
    },
    transport: options.pretty ? { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss' } } : undefined,
  });
}
