import { XMLValidator, type XMLParser } from 'fast-xml-parser';
import { loadHtml, pageTitle } from './moderngov-html';
import { parseError, parsed, type ParseResult } from './parse-result';

/** Servers that refuse scripted clients answer with an HTML page: say so, with its title. */
function looksLikeHtml(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart().replace(/^<\?xml[^>]*\?>\s*/i, '').slice(0, 200).toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<head') || start.startsWith('<body');
}

/**
 * The checks every answer of ModernGov's web service (mgWebService.asmx) goes through before it is read: an empty
 * answer, an HTML page in its place (an error page, a login page), a document type declaration, XML that is not
 * well-formed (a truncated download) are each a located error naming the operation. Answers the parsed tree and
 * its root element's name.
 */
export function readWebServiceXml(xml: string, operation: string, parser: XMLParser): ParseResult<{ tree: unknown; root: string | undefined }> {
  if (xml.trim() === '') return parseError('line 1', 'The answer is empty.');
  if (looksLikeHtml(xml)) {
    const title = pageTitle(loadHtml(xml));
    return parseError('line 1',
      `The server answered with an HTML page${title ? ` ("${title}")` : ''} instead of ${operation} XML: the web service may be switched off, or it refused a scripted client.`);
  }
  // A document type declaration can define entities that expand without end; the web service never sends one.
  if (/<!DOCTYPE/i.test(xml)) return parseError('line 1', `The XML declares a document type (<!DOCTYPE>); ${operation} answers never do, so it was refused.`);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return parseError(`line ${valid.err.line}, column ${valid.err.col}`, `The answer is not well-formed XML: ${valid.err.msg}`);
  }
  let tree: unknown;
  try {
    tree = parser.parse(xml);
  } catch (err) {
    return parseError('document', `The XML could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const root = tree && typeof tree === 'object' ? Object.keys(tree).find((k) => k !== '?xml') : undefined;
  if (root === 'html') return parseError('line 1', `The server answered with an HTML page instead of ${operation} XML.`);
  return parsed({ tree, root });
}
