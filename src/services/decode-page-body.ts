import { DomainError } from '../domain';
import type { PageMediaType } from '../import/read-page';

const SUPPORTED: readonly PageMediaType[] = ['text/plain', 'text/html', 'application/xml', 'text/xml'];
/** Charsets ModernGov servers declare; anything else is refused rather than read as mojibake. */
const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);
const WESTERN = new Set(['iso-8859-1', 'latin1', 'windows-1252', 'cp1252']);

export interface DecodedPage {
  readonly mediaType: PageMediaType;
  readonly text: string;
}

const invalid = (message: string, details?: Record<string, unknown>): DomainError => new DomainError('invalid', message, details);

/** "text/html; charset=utf-8" -> media type and charset, lower case. */
function readContentType(contentType: string): { type: string; charset?: string } {
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim());
  const charset = params
    .map((p) => /^charset\s*=\s*"?([^";\s]+)"?$/i.exec(p)?.[1])
    .find((c): c is string => c !== undefined);
  return { type: type.toLowerCase(), ...(charset ? { charset: charset.toLowerCase() } : {}) };
}

/**
 * Turns an uploaded page into text, refusing what cannot be a ModernGov page before any parser sees it:
 * an empty body, an unsupported content type, binary data (NUL bytes, bytes that are not valid UTF-8).
 */
export function decodePageBody(body: string | Buffer, contentType: string): DecodedPage {
  const { type, charset } = readContentType(contentType);
  const mediaType = SUPPORTED.find((t) => t === type);
  if (!mediaType) {
    throw invalid(`Unsupported content type "${contentType || '(none)'}": send text/plain (an agenda-item page), text/html (a decision-details page) or application/xml (a GetMeeting answer).`,
      { contentType });
  }
  if (charset && !UTF8.has(charset) && !WESTERN.has(charset)) {
    throw invalid(`Unsupported charset "${charset}": send the page as UTF-8.`, { charset });
  }
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    if (body.includes(0)) throw invalid('The body is binary data (it contains NUL bytes), not a page of text.', { where: `byte ${body.indexOf(0)}` });
    try {
      text = new TextDecoder(charset && WESTERN.has(charset) ? 'windows-1252' : 'utf-8', { fatal: true }).decode(body);
    } catch {
      throw invalid('The body is not valid UTF-8 text: is it a PDF, a Word file or another binary file? Save the page as text or HTML first.');
    }
  }
  if (text.includes('\u0000')) throw invalid('The body is binary data (it contains NUL characters), not a page of text.', { where: `character ${text.indexOf('\u0000')}` });
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw invalid('The body is empty: send the page to import.');
  return { mediaType, text };
}
