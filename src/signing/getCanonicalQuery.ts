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
  return formatCanonicalQuery(getCanonicalQueryEntries(params));
}

/** A canonical query parameter: encoded name and encoded value. */
export type CanonicalQueryEntry = readonly [name: string, value: string];

/** Compares by name, then value; encoded strings are ASCII, so UTF-16 order is AWS's byte order. */
export function compareEntries(a: CanonicalQueryEntry, b: CanonicalQueryEntry): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** The parameters re-encoded the AWS way and sorted. */
export function getCanonicalQueryEntries(params: readonly QueryParam[]): CanonicalQueryEntry[] {
  return params
    .map(({ name, value }) => [normalizeEncoding(name), normalizeEncoding(value)] as const)
    .sort(compareEntries);
}

export function formatCanonicalQuery(entries: readonly CanonicalQueryEntry[]): string {
  let query = '';
  for (const [name, value] of entries)
    query += query === '' ? `${name}=${value}` : `&${name}=${value}`;
  return query;
}

/** Merges two lists sorted by compareEntries (a few per-signing entries into cached ones). */
export function mergeSortedEntries<T extends CanonicalQueryEntry>(
  a: readonly T[],
  b: readonly T[],
): T[] {
  if (b.length === 0) return a.slice();
  if (a.length === 0) return b.slice();
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    merged.push(compareEntries(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  }
  while (i < a.length) merged.push(a[i++]!);
  while (j < b.length) merged.push(b[j++]!);
  return merged;
}
