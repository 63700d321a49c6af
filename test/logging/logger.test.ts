import { Writable } from 'node:stream';
import pino from 'pino';
import { serializeError } from '../../src/logging/logger';

/** A logger like the app's, writing to memory. */
function memoryLogger() {
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { logger: pino({ serializers: { err: serializeError } }, sink), lines };
}

describe('error logging', () => {
  it('keeps the message, code, status and stack of an SDK error but never the request it carried', () => {
    const err = Object.assign(new Error('Request failed with 403'), {
      name: 'RestError',
      statusCode: 403,
      code: 'MessageWritesBlocked',
      request: { url: 'https://smba.trafficmanager.net/amer/v3/conversations/a:1/activities', headers: { authorization: 'Bearer eyJ-secret-token' } },
      response: { headers: { 'set-cookie': 'secret' } },
    });
    const { logger, lines } = memoryLogger();
    logger.error({ err }, 'proactive send failed');
    const line = JSON.parse(lines[0]!) as { err: Record<string, unknown> };
    expect(line.err).toMatchObject({ type: 'RestError', message: 'Request failed with 403', code: 'MessageWritesBlocked', statusCode: 403 });
    expect(lines[0]).not.toContain('eyJ-secret-token');
    expect(lines[0]).not.toContain('set-cookie');
  });

  it('follows the cause chain and logs non-errors as their text', () => {
    const err = new Error('store unavailable', { cause: new Error('ECONNREFUSED 127.0.0.1:8081') });
    expect(serializeError(err)).toMatchObject({ message: 'store unavailable', cause: { message: 'ECONNREFUSED 127.0.0.1:8081' } });
    expect(serializeError('plain text')).toEqual({ message: 'plain text' });
  });
});
