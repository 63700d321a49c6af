/**
 * Compares an ETag a caller sent (If-Match) with the stored one. Stores differ in quoting (Cosmos DB etags
 * carry their quotes, the embedded store's do not), and HTTP clients echo the quoted form, so quotes are
 * ignored on both sides. A weak validator (W/"...") never matches: If-Match uses strong comparison (RFC 9110).
 */
export function etagMatches(given: string, stored: string): boolean {
  const g = given.trim();
  if (g.startsWith('W/')) return false;
  return unquote(g) === unquote(stored.trim());
}

const unquote = (etag: string): string => (etag.length >= 2 && etag.startsWith('"') && etag.endsWith('"') ? etag.slice(1, -1) : etag);
