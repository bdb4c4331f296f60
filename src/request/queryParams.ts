// The URL and the page's query-parameter table, kept in step both ways. Both sides hold the wire
// form: nothing is decoded or re-encoded, because SigV4 signs the query exactly as it is sent.
import { parseQuery } from '../signing';

/** One row of the table: name and value as written in the URL (still percent-encoded). */
export interface QueryParam {
  name: string;
  value: string;
  /**
   * Whether the URL writes '=' after the name. A row with an empty value and hasEquals false is
   * written as the bare name (`?flag`); left out, '=' is written. SigV4 signs both forms alike.
   */
  hasEquals?: boolean;
}

/** The URL cut around its query: everything before '?', the query ('' or null), and '#…'. */
function cutUrl(url: string): { base: string; query: string | null; fragment: string } {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const fragment = hashAt < 0 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  return queryAt < 0
    ? { base: beforeHash, query: null, fragment }
    : { base: beforeHash.slice(0, queryAt), query: beforeHash.slice(queryAt + 1), fragment };
}

/**
 * The query's parameters in order, split by the signer's own parseQuery (on '&', then on each
 * piece's first '='; empty pieces carry no parameter), so the table shows what gets signed.
 */
export function splitQuery(url: string): QueryParam[] {
  const { query } = cutUrl(url);
  if (!query) return [];
  const pieces = query.split('&').filter((piece) => piece !== '');
  return parseQuery(query).map((param, index) => ({
    ...param,
    hasEquals: pieces[index]!.includes('='),
  }));
}

/**
 * What the table typed that would split or end the parameter in the URL: '&' and '#' anywhere,
 * '=' in a name. Only these are escaped, so a row always reads back as the same row.
 */
const escapeDelimiters = (text: string, delimiters: RegExp) =>
  text.replace(delimiters, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The URL with its query rebuilt from the table; path and fragment stay as they are. An empty
 * table removes the query, except that a bare '?' stays where there was nothing else to remove.
 */
export function withQuery(url: string, params: readonly QueryParam[]): string {
  const { base, query, fragment } = cutUrl(url);
  if (params.length === 0) return query === '' ? url : base + fragment;
  const pieces = params.map(({ name, value, hasEquals }) => {
    const wireName = escapeDelimiters(name, /[&#=]/g);
    return value === '' && hasEquals === false
      ? wireName
      : `${wireName}=${escapeDelimiters(value, /[&#]/g)}`;
  });
  return `${base}?${pieces.join('&')}${fragment}`;
}
