import { normalizeEncoding, uriEncode } from './uriEncode';

export interface CanonicalUriOptions {
  /** Remove '.' and '..' segments and empty segments (all services but S3). */
  normalizePath: boolean;
  /**
   * true: encode the wire-form path once more, so each segment ends up encoded twice
   * (all services but S3). false: the S3 rule, each segment encoded exactly once.
   */
  doubleEncodePath: boolean;
}

/**
 * RFC 3986 remove_dot_segments, plus collapsing runs of '/' as AWS's normalize-path vectors do
 * (get-slashes-normalized: //example// → /example/). A path ending in '.' or '..' keeps its final '/'.
 */
export function normalizePathSegments(path: string): string {
  const segments = path.split('/');
  const kept: string[] = [];
  let trailingSlash = false;
  for (const segment of segments) {
    trailingSlash = segment === '' || segment === '.' || segment === '..';
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  if (kept.length === 0) return '/';
  return '/' + kept.join('/') + (trailingSlash ? '/' : '');
}

/**
 * The canonical URI (line 2 of the canonical request) from the path as it goes on the wire.
 * Double encoding: every byte of each segment is UriEncoded, '%' included (get-space: "/example space/"
 * → "/example%20space/"; a wire "%20" becomes "%2520"). Single encoding (S3): each segment is decoded
 * and encoded once, which is how S3 rebuilds it from the object key.
 */
export function getCanonicalUri(path: string, options: CanonicalUriOptions): string {
  if (path === '') return '/';
  const normalized = options.normalizePath ? normalizePathSegments(path) : path;
  const encodeSegment = options.doubleEncodePath ? uriEncode : normalizeEncoding;
  return normalized.split('/').map(encodeSegment).join('/');
}
