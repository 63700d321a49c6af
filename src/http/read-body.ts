import type { Request } from 'restify';
import { badRequest, payloadTooLarge, unsupportedMediaType } from './problem';

/**
 * Reads the raw request body up to `limit` bytes. We read it ourselves rather than through restify's
 * bodyParser so that each route sees the exact bytes (binary detection in imports) and every failure is
 * problem+json. An over-long body is refused on its Content-Length before it is read when possible.
 */
export function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume(); // drain so the connection can answer
    return Promise.reject(payloadTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      received += chunk.length;
      if (received > limit) {
        failed = true;
        reject(payloadTooLarge(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => failed || resolve(Buffer.concat(chunks)));
    req.once('error', (err) => failed || reject(err));
    req.once('aborted', () => failed || reject(badRequest('The request was aborted before its body was complete.')));
  });
}

export async function readJsonObject(req: Request, limit: number): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  // 415, not 400: the body may be fine, it is the media type this endpoint does not take (RFC 9110, 15.5.16).
  if (type !== 'application/json') throw unsupportedMediaType('Send the body as application/json (Content-Type: application/json).');
  const raw = await readBody(req, limit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw badRequest(`The body is not valid JSON: ${(err as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw badRequest('The body must be a JSON object.');
  return parsed as Record<string, unknown>;
}
