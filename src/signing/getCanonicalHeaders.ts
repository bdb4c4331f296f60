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

/**
 * Trimall: fold every run of whitespace (line folds included) to one space, even inside quotes,
 * and trim (get-header-value-trim: `"a   b   c"` → `"a b c"`; get-header-value-multiline).
 * Only HTTP whitespace counts: String.prototype.trim would also strip U+00A0 and other
 * Unicode spaces, which servers keep.
 */
export function trimHeaderValue(value: string): string {
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
  const values = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (!isSigned(key)) continue;
    const trimmed = trimHeaderValue(value);
    const list = values.get(key);
    if (list) list.push(trimmed);
    else values.set(key, [trimmed]);
  }
  const names = [...values.keys()].sort();
  let canonicalHeaders = '';
  for (const name of names) canonicalHeaders += `${name}:${values.get(name)!.join(',')}\n`;
  return { canonicalHeaders, signedHeaders: names.join(';') };
}
