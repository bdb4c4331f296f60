import { normalizeEncoding, uriEncode } from './uriEncode';

export interface CanonicalUriOptions {
  /** Remove '.' and '..' segments and empty segments (all services but S3). */
  normalizePath: boolean;
  /**
   * true: encode the wire-form path once more, so each segment ends up encoded twice
   * (all services but S3). false: the S3 rule, the path exactly as sent.
   */
  doubleEncodePath: boolean;
}

/** The path rules a signing input asks for: S3 signs the path as sent, every other service normalizes and encodes it again. */
export function getPathRules(input: {
  service: string;
  normalizePath?: boolean;
  doubleEncodePath?: boolean;
}): CanonicalUriOptions {
  const isS3 = input.service === 's3';
  return {
    normalizePath: input.normalizePath ?? !isS3,
    doubleEncodePath: input.doubleEncodePath ?? !isS3,
  };
}

/**
 * Removes '.' and '..' segments and collapses runs of '/' (get-slashes-normalized:
 * //example// → /example/), never climbing above the root. The result ends in '/' only when the
 * path as written does (and is not just '/'): /a/b/.. and /a/. give /a, /a/./ gives /a/. That is
 * what aws-c-auth, botocore and @smithy/signature-v4 all do, where RFC 3986's remove_dot_segments
 * (and a browser) would give /a/. Escaped dots (%2E%2E) are an ordinary segment here.
 */
export function normalizePathSegments(path: string): string {
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  if (kept.length === 0) return '/';
  return '/' + kept.join('/') + (path.endsWith('/') ? '/' : '');
}

/**
 * A path that every rule leaves as it is: segments of unreserved characters after a '/' each,
 * none of them empty, '.' or '..', and at most a final '/' ("/", "/prod/hello", "/a/b/"). Nothing
 * to normalize, and nothing to encode once or twice. Most paths a server sees are so.
 */
const PLAIN_PATH = /^(?:\/(?!\.\.?(?:\/|$))[A-Za-z0-9\-._~]+)*\/?$/;

/**
 * The canonical URI (line 2 of the canonical request) from the path as it goes on the wire.
 * Double encoding: every byte of each segment is UriEncoded, '%' included (get-space: "/example space/"
 * → "/example%20space/"; a wire "%20" becomes "%2520"). Single encoding (S3): the path exactly as
 * sent, in whatever encoding it has (/a*b%2a%41 stays so), as aws-c-auth, botocore and
 * @smithy/signature-v4 sign it. The empty path is '/', the request-target that goes on the wire.
 */
export function getCanonicalUri(path: string, options: CanonicalUriOptions): string {
  if (path === '') return '/';
  if (PLAIN_PATH.test(path)) return path;
  const normalized = options.normalizePath ? normalizePathSegments(path) : path;
  if (!options.doubleEncodePath) return normalized;
  return normalized.split('/').map(uriEncode).join('/');
}

/**
 * A wire-form path in AWS's canonical encoding, the form AWS's SDKs send an S3 key in: each
 * segment decoded, then UriEncoded (upper-case hex, unreserved characters as they are, every
 * other byte escaped). '/' between segments stays, an escaped '/' (%2F) stays escaped.
 */
export function encodePathCanonically(path: string): string {
  return path.split('/').map(normalizeEncoding).join('/');
}
