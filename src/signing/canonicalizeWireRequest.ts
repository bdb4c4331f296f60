import { getSignedCanonicalHeaders, type HeaderList } from './getCanonicalHeaders';
import { getCanonicalQuery, parseQuery } from './getCanonicalQuery';
import { getCanonicalUri } from './getCanonicalUri';
import { createCanonicalRequest } from './signRequest';
import { normalizeEncoding } from './uriEncode';
import { readSignedHeaderNames } from './wireTextMemos';

export interface WireRequestParts {
  method: string;
  /** The request-target as sent: raw path and query, not decoded or normalized. */
  target: string;
  /** Header lines in order, names as sent, duplicates kept. */
  headers: HeaderList;
  /** SignedHeaders exactly as the signature names them, e.g. "host;x-amz-date" (any case, any order). */
  signedHeaders: string;
  payloadHash: string;
  normalizePath: boolean;
  doubleEncodePath: boolean;
  /** Query parameter names (compared after re-encoding) left out, e.g. X-Amz-Signature. */
  excludeQueryParams?: readonly string[];
}

export interface WireCanonicalRequest {
  canonicalRequest: string;
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
}

/**
 * The canonical request a server rebuilds from a request as it arrived: the signature's own
 * SignedHeaders pick the header lines, the raw target gives path and query. verifyWireRequest
 * builds it for the local gateway and for "Check a signature", so both agree to the byte.
 *
 * Line 5 is SignedHeaders as the signature gives it: AWS hashes the list as sent, while a signer
 * writes it lower case, sorted and once per name. A list written any other way ("Host;x-amz-date",
 * "x-amz-date;host", "host;host;x-amz-date") so yields another canonical request, and a signature
 * computed over the canonical list fails, as it does at AWS.
 */
export function canonicalizeWireRequest(parts: WireRequestParts): WireCanonicalRequest {
  const queryAt = parts.target.indexOf('?');
  const rawPath = queryAt < 0 ? parts.target : parts.target.slice(0, queryAt);
  const rawQuery = queryAt < 0 ? null : parts.target.slice(queryAt + 1);
  const excluded = parts.excludeQueryParams ?? [];
  const params = parseQuery(rawQuery).filter(
    ({ name }) => excluded.length === 0 || !excluded.includes(normalizeEncoding(name)),
  );
  const canonicalHeaders = getSignedCanonicalHeaders(
    parts.headers,
    readSignedHeaderNames(parts.signedHeaders),
  );
  const canonicalUri = getCanonicalUri(rawPath, {
    normalizePath: parts.normalizePath,
    doubleEncodePath: parts.doubleEncodePath,
  });
  const canonicalQuery = getCanonicalQuery(params);
  const canonicalRequest = createCanonicalRequest({
    method: parts.method,
    canonicalUri,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders: parts.signedHeaders,
    payloadHash: parts.payloadHash,
  });
  return { canonicalRequest, canonicalUri, canonicalQuery, canonicalHeaders };
}
