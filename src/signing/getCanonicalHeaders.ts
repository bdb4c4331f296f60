import type { SignedHeaderNames } from './signedHeaderNames';

export type HeaderList = ReadonlyArray<readonly [name: string, value: string]>;

export interface CanonicalHeaders {
  /** Line block 4 of the canonical request: `name:value\n` per signed header, sorted. */
  canonicalHeaders: string;
  /** Line 5: the signed header names, lower case, sorted, joined by ';'. */
  signedHeaders: string;
}

/** The whitespace a header field can hold: spaces, tabs, and the line breaks of an obs-fold. */
const WHITESPACE_RUN = /[ \t\r\n]+/g;
const EDGE_SPACE = /^ | $/g;
/** What trimall changes: a tab or line break, two spaces in a row, a space at either end. */
const NEEDS_TRIMMING = /[\t\r\n]| {2}|^ | $/;

/**
 * Trimall: fold every run of whitespace (line folds included) to one space, even inside quotes,
 * and trim (get-header-value-trim: `"a   b   c"` → `"a b c"`; get-header-value-multiline).
 * Only HTTP whitespace counts: String.prototype.trim would also strip U+00A0 and other
 * Unicode spaces, which servers keep.
 */
export function trimHeaderValue(value: string): string {
  // Most values have nothing to fold or trim: one scan says so, without building a new string.
  if (!NEEDS_TRIMMING.test(value)) return value;
  return value.replace(WHITESPACE_RUN, ' ').replace(EDGE_SPACE, '');
}

/**
 * Canonical headers and the signed-header list. Names are lower-cased and sorted; a repeated
 * header becomes one line with its values joined by ',' in request order
 * (get-header-key-duplicate: value2,value2,value1).
 */
export function getCanonicalHeaders(
  headers: HeaderList,
  isSigned: (lowerCaseName: string) => boolean,
): CanonicalHeaders {
  return formatCanonicalHeaders(getCanonicalHeaderEntries(headers, isSigned));
}

/** A canonical header: lower-case name and its trimmed (and joined) value. */
export type CanonicalHeaderEntry = readonly [name: string, value: string];

/** A header line's value after its name's earlier ones: trimmed, joined with ',' in order. */
function joinValue(earlier: string | undefined, value: string): string {
  const trimmed = trimHeaderValue(value);
  return earlier === undefined ? trimmed : `${earlier},${trimmed}`;
}

/** The signed headers as sorted [name, value] entries, one per name. */
export function getCanonicalHeaderEntries(
  headers: HeaderList,
  isSigned: (lowerCaseName: string) => boolean,
): CanonicalHeaderEntry[] {
  const values = new Map<string, string>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!isSigned(key)) continue;
    values.set(key, joinValue(values.get(key), value));
  }
  // One entry per name: sorting by name alone is sorting the names.
  return [...values].sort(byName);
}

const byName = (a: CanonicalHeaderEntry, b: CanonicalHeaderEntry) => (a[0] < b[0] ? -1 : 1);

/**
 * The canonical headers block for a signature's own SignedHeaders (getSignedHeaderNames): what
 * getCanonicalHeaders gives when the signed names are those, without a map or a sort per request
 * (a server rebuilds one for every request).
 */
export function getSignedCanonicalHeaders(headers: HeaderList, signed: SignedHeaderNames): string {
  const values: Array<string | undefined> = new Array<string | undefined>(signed.sorted.length);
  for (const [name, value] of headers) {
    const place = signed.lowerCase.get(name.toLowerCase());
    if (place === undefined) continue;
    values[place] = joinValue(values[place], value);
  }
  let canonicalHeaders = '';
  for (let place = 0; place < values.length; place++) {
    const value = values[place];
    if (value !== undefined) canonicalHeaders += `${signed.sorted[place]!}:${value}\n`;
  }
  return canonicalHeaders;
}

/** Canonical headers block and signed-header list from sorted entries. */
export function formatCanonicalHeaders(entries: readonly CanonicalHeaderEntry[]): CanonicalHeaders {
  let canonicalHeaders = '';
  let signedHeaders = '';
  for (const [name, value] of entries) {
    canonicalHeaders += `${name}:${value}\n`;
    signedHeaders += signedHeaders === '' ? name : `;${name}`;
  }
  return { canonicalHeaders, signedHeaders };
}
