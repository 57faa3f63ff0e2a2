// Search terms that may be a person's name, identity number or phone number travel in a request
// header, percent-encoded, never in the URL: access logs, browser history and proxies keep URLs
// (ASVS 8.3.1). The server refuses such a term in the query string (422; server/src/http/
// search_header.h). Every api/<module>.ts sending one uses this helper.

/** The header of a list's search term (the people list, a cadre's contacts). */
export const SEARCH_QUERY_HEADER = 'X-Search-Query';
/** The header of the audit log's "who" (a login or a phone number). */
export const SEARCH_ACTOR_HEADER = 'X-Search-Actor';

/** The header carrying `term`, trimmed and percent-encoded; none for a blank term. */
export function searchHeaders(
  term: string | undefined,
  header: string = SEARCH_QUERY_HEADER,
): Record<string, string> | undefined {
  const trimmed = term?.trim();
  return trimmed ? { [header]: encodeURIComponent(trimmed) } : undefined;
}
