import {
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  HOST_HEADER,
  NEVER_SIGNED_HEADERS,
  PRESIGN_QUERY_PARAMS,
  REGION_SET_HEADER,
  SECURITY_TOKEN_HEADER,
} from './constants';
import {
  getCanonicalHeaderEntries,
  type CanonicalHeaderEntry,
  type HeaderList,
} from './getCanonicalHeaders';
import {
  formatCanonicalQuery,
  getCanonicalQueryEntries,
  parseQuery,
  type CanonicalQueryEntry,
} from './getCanonicalQuery';
import { getCanonicalUri } from './getCanonicalUri';
import { parseUrl } from './parseUrl';
import type { SigningMode } from './types';

/** Everything about a request that its canonical form depends on, besides time, keys and body. */
export interface RequestShape {
  url: string;
  headers: HeaderList;
  mode: SigningMode;
  /** The signer adds X-Amz-Security-Token (header mode), replacing any in `headers`. */
  addsSessionToken: boolean;
  /** The signer adds x-amz-content-sha256, replacing any in `headers`. */
  addsContentSha256: boolean;
  /** The signer adds X-Amz-Region-Set (SigV4a, header mode), replacing any in `headers`. */
  addsRegionSet?: boolean;
  normalizePath: boolean;
  doubleEncodePath: boolean;
  unsignedHeaders: readonly string[];
}

/** The request-dependent part of a signature, computed once per distinct request shape. */
export interface PreparedRequest {
  shape: RequestShape;
  /** Headers to send before the signer's own: the request's, minus those the signer sets, plus Host. */
  headers: Array<[string, string]>;
  /** Sorted canonical entries of the request's own signed headers. */
  headerEntries: CanonicalHeaderEntry[];
  canonicalUri: string;
  /** Sorted canonical entries of the request's own query parameters. */
  queryEntries: CanonicalQueryEntry[];
  /** queryEntries as a canonical query string (what header mode signs). */
  canonicalQuery: string;
  /** The query's pieces as written, without the parameters of an earlier presigned URL. */
  wirePieces: string[];
  /** Whether such parameters were dropped (the URL to send then differs from the input). */
  droppedAuthParams: boolean;
}

/**
 * Canonicalizes the request itself: path, query and the caller's headers. Signing the same request
 * again (a Send after a Send, a keystroke in an unrelated field) reuses this and only redoes the
 * time-, key- and body-dependent parts.
 */
export function prepareRequest(shape: RequestShape): PreparedRequest {
  const url = parseUrl(shape.url);

  // Headers the signer sets are replaced, never duplicated, so re-signing a signed request works.
  const owned = new Set([AUTHORIZATION_HEADER.toLowerCase()]);
  if (shape.mode === 'header') owned.add(AMZ_DATE_HEADER.toLowerCase());
  if (shape.addsSessionToken) owned.add(SECURITY_TOKEN_HEADER.toLowerCase());
  if (shape.addsContentSha256) owned.add(CONTENT_SHA256_HEADER);
  if (shape.addsRegionSet === true) owned.add(REGION_SET_HEADER.toLowerCase());
  const headers: Array<[string, string]> = [];
  let hasHost = false;
  for (const [name, value] of shape.headers) {
    const lower = name.toLowerCase();
    if (owned.has(lower)) continue;
    if (lower === HOST_HEADER) hasHost = true;
    headers.push([name, value]);
  }
  if (!hasHost) headers.unshift([HOST_HEADER, url.host]);

  const unsigned = new Set(NEVER_SIGNED_HEADERS);
  for (const name of shape.unsignedHeaders) unsigned.add(name.toLowerCase());
  // SigV4 always signs host, and x-amz-date whenever it is sent ("Create a canonical request").
  unsigned.delete(HOST_HEADER);
  unsigned.delete(AMZ_DATE_HEADER.toLowerCase());
  const headerEntries = getCanonicalHeaderEntries(headers, (name) => !unsigned.has(name));

  // The request's own parameters. Those of an earlier presigned URL are dropped in both modes:
  // a request carries one signature only (AWS: "Only one auth mechanism allowed").
  const allPieces = url.query === null ? [] : url.query.split('&');
  const wirePieces = allPieces.filter((piece) => {
    const eq = piece.indexOf('=');
    return !PRESIGN_QUERY_PARAMS.has(eq < 0 ? piece : piece.slice(0, eq));
  });
  const queryEntries = getCanonicalQueryEntries(parseQuery(wirePieces.join('&')));

  return {
    // A snapshot: a caller that edits its header list in place must not hit a stale entry.
    shape: {
      ...shape,
      headers: shape.headers.map(([name, value]) => [name, value] as const),
      unsignedHeaders: [...shape.unsignedHeaders],
    },
    headers,
    headerEntries,
    canonicalUri: getCanonicalUri(url.path, {
      normalizePath: shape.normalizePath,
      doubleEncodePath: shape.doubleEncodePath,
    }),
    queryEntries,
    canonicalQuery: formatCanonicalQuery(queryEntries),
    wirePieces,
    droppedAuthParams: wirePieces.length !== allPieces.length,
  };
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

/** Whether two shapes canonicalize identically (compares values, so edited copies still hit). */
export function sameShape(a: RequestShape, b: RequestShape): boolean {
  return (
    a.url === b.url &&
    a.mode === b.mode &&
    a.addsSessionToken === b.addsSessionToken &&
    a.addsContentSha256 === b.addsContentSha256 &&
    (a.addsRegionSet ?? false) === (b.addsRegionSet ?? false) &&
    a.normalizePath === b.normalizePath &&
    a.doubleEncodePath === b.doubleEncodePath &&
    sameList(a.headers, b.headers, (x, y) => x[0] === y[0] && x[1] === y[1]) &&
    sameList(a.unsignedHeaders, b.unsignedHeaders, (x, y) => x === y)
  );
}
