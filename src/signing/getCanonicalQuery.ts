import { normalizeEncoding } from './uriEncode';

/** One query parameter as written on the wire (still percent-encoded). */
export interface QueryParam {
  name: string;
  value: string;
}

/** Splits a wire query into its parameters; '&&' and a trailing '&' carry no parameter. */
export function parseQuery(query: string | null): QueryParam[] {
  if (query === null || query === '') return [];
  const params: QueryParam[] = [];
  for (const piece of query.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    params.push(
      eq < 0
        ? { name: piece, value: '' }
        : { name: piece.slice(0, eq), value: piece.slice(eq + 1) },
    );
  }
  return params;
}

/**
 * The canonical query string (line 3): every name and value decoded and UriEncoded again, a
 * parameter without '=' gets an empty value, then sorted by encoded name and, for repeated names,
 * by encoded value (get-vanilla-query-order-encoded: sort after encoding).
 */
export function getCanonicalQuery(params: readonly QueryParam[]): string {
  const encoded = params.map(({ name, value }) => [
    normalizeEncoding(name),
    normalizeEncoding(value),
  ]);
  // Encoded strings are ASCII, so UTF-16 order equals the byte order AWS sorts by.
  encoded.sort(([nameA, valueA], [nameB, valueB]) =>
    nameA! < nameB! ? -1 : nameA! > nameB! ? 1 : valueA! < valueB! ? -1 : valueA! > valueB! ? 1 : 0,
  );
  return encoded.map(([name, value]) => `${name}=${value}`).join('&');
}
