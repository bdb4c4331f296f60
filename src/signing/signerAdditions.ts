// What the signer adds to a request besides the request's own fields: its headers in header
// mode, its X-Amz-* parameters in a presigned URL, each as signed and as sent.
import {
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AMZ_DATE_QUERY_PARAM,
  CONTENT_SHA256_HEADER,
  CREDENTIAL_QUERY_PARAM,
  EXPIRES_QUERY_PARAM,
  PRESIGNED_URL_ORDER,
  REGION_SET_HEADER,
  REGION_SET_QUERY_PARAM,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
} from './constants';
import { trimHeaderValue, type CanonicalHeaderEntry } from './getCanonicalHeaders';
import type { CanonicalQueryEntry } from './getCanonicalQuery';
import type { PreparedRequest } from './prepareRequest';
import type { EffectiveSigningOptions } from './types';
import { uriEncode } from './uriEncode';

/** What goes into the signature besides the request: who signs, when, and for which scope. */
export interface SignatureScope {
  /** AWS4-HMAC-SHA256 or AWS4-ECDSA-P256-SHA256. */
  algorithm: string;
  accessKeyId: string;
  amzDate: string;
  credentialScope: string;
  /** SigV4a's X-Amz-Region-Set. */
  regionSet: string | undefined;
  sessionToken: string | undefined;
}

/** Header mode: the headers the signer signs besides the request's, in canonical (sorted) order. */
export function getSignerHeaderEntries(
  scope: SignatureScope,
  options: EffectiveSigningOptions,
): CanonicalHeaderEntry[] {
  const entries: CanonicalHeaderEntry[] = [[AMZ_DATE_HEADER.toLowerCase(), scope.amzDate]];
  if (scope.regionSet !== undefined) {
    entries.push([REGION_SET_HEADER.toLowerCase(), trimHeaderValue(scope.regionSet)]);
  }
  if (options.sessionToken === 'signed') {
    entries.push([SECURITY_TOKEN_HEADER.toLowerCase(), trimHeaderValue(scope.sessionToken!)]);
  }
  return entries;
}

/** Query mode: the X-Amz-* parameters that are signed, in canonical (sorted) order. */
export function getPresignParams(
  scope: SignatureScope,
  options: EffectiveSigningOptions,
  signedHeaders: string,
): CanonicalQueryEntry[] {
  const params: CanonicalQueryEntry[] = [
    [ALGORITHM_QUERY_PARAM, scope.algorithm],
    [CREDENTIAL_QUERY_PARAM, uriEncode(`${scope.accessKeyId}/${scope.credentialScope}`)],
    [AMZ_DATE_QUERY_PARAM, scope.amzDate],
    [EXPIRES_QUERY_PARAM, String(options.expiresIn)],
  ];
  if (scope.regionSet !== undefined) {
    params.push([REGION_SET_QUERY_PARAM, uriEncode(scope.regionSet)]);
  }
  if (options.sessionToken === 'signed') {
    params.push([SECURITY_TOKEN_QUERY_PARAM, uriEncode(scope.sessionToken!)]);
  }
  params.push([SIGNED_HEADERS_QUERY_PARAM, uriEncode(signedHeaders)]);
  return params;
}

/** Header mode: appends the headers the signer sends after the request's own (not Authorization). */
export function addSignerHeaders(
  headers: Array<[string, string]>,
  scope: SignatureScope,
  options: EffectiveSigningOptions,
  payloadHash: string,
): void {
  headers.push([AMZ_DATE_HEADER, scope.amzDate]);
  if (scope.sessionToken !== undefined) headers.push([SECURITY_TOKEN_HEADER, scope.sessionToken]);
  if (options.contentSha256Header) headers.push([CONTENT_SHA256_HEADER, payloadHash]);
  if (scope.regionSet !== undefined) headers.push([REGION_SET_HEADER, scope.regionSet]);
}

/** The URL with its query replaced by these pieces (empty pieces left out) and no fragment. */
export function withQuery(url: string, pieces: readonly string[]): string {
  const base = url.slice(0, url.search(/[?#]|$/));
  const query = pieces.filter((piece) => piece !== '').join('&');
  return query === '' ? base : `${base}?${query}`;
}

/** Query mode: the presigned URL, its parameters in the usual order of AWS's presigners. */
export function getPresignedUrl(
  url: string,
  prepared: PreparedRequest,
  presignParams: readonly CanonicalQueryEntry[],
  scope: SignatureScope,
  options: EffectiveSigningOptions,
  signature: string,
): string {
  const appended = PRESIGNED_URL_ORDER.flatMap((name) => {
    const param = presignParams.find(([paramName]) => paramName === name);
    return param ? [`${param[0]}=${param[1]}`] : [];
  });
  if (options.sessionToken === 'unsigned') {
    appended.push(`${SECURITY_TOKEN_QUERY_PARAM}=${uriEncode(scope.sessionToken!)}`);
  }
  appended.push(`${SIGNATURE_QUERY_PARAM}=${signature}`);
  return withQuery(url, [...prepared.wirePieces, ...appended]);
}
