import { splitQuery, withQuery } from '../request/queryParams';
import type { SigningPlan } from './planSigning';
import type {
  OptionsFields,
  RequestFields,
  RequestSnapshot,
  SnapshotOptions,
} from './playgroundState';

/** History keeps text bodies up to 64 KiB (of UTF-8): 50 entries must fit in localStorage. */
export const MAX_HISTORY_BODY_BYTES = 64 * 1024;

/** Headers that carry a secret (or a signature made with one): never saved, never shared. */
const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token']);
/** Query parameters of a presigned URL that carry a secret or a signature made with one. */
const SECRET_QUERY = new Set(['x-amz-security-token', 'x-amz-signature', 'x-amz-credential']);

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** The URL without the query parameters that hold a token or a signature. */
export function withoutSecretQuery(url: string): string {
  const params = splitQuery(url);
  const kept = params.filter((param) => !SECRET_QUERY.has(param.name.toLowerCase()));
  return kept.length === params.length ? url : withQuery(url, kept);
}

export function snapshotOptions(options: OptionsFields): SnapshotOptions {
  return {
    mode: options.mode,
    expiresIn: options.expiresIn,
    payload: options.payload,
    contentSha256Header: options.contentSha256Header,
    s3PathRules: options.s3PathRules,
    signSessionToken: options.signSessionToken,
    algorithm: options.algorithm,
    regionSet: options.regionSet,
  };
}

/**
 * The form's request as a snapshot without secrets: no credentials, no Authorization or token
 * header, no token or signature in the query. A file body, or a text body over `maxBodyBytes`, is
 * left out (bodyDropped says so). Region and service are the ones the plan signs with.
 */
export function takeSnapshot(
  request: RequestFields,
  options: OptionsFields,
  scope: Pick<SigningPlan['scope'], 'region' | 'service'>,
  maxBodyBytes: number,
): RequestSnapshot {
  const isText = request.bodySource === 'text';
  const keepsBody = isText && utf8Length(request.bodyText) <= maxBodyBytes;
  return {
    method: request.method,
    url: withoutSecretQuery(request.url),
    headers: request.headers
      .filter((row) => !SECRET_HEADERS.has(row.name.trim().toLowerCase()))
      .map(({ name, value, signed }) => ({ name, value, signed })),
    body: keepsBody ? request.bodyText : '',
    bodyDropped: isText ? !keepsBody : request.bodyFile !== null,
    region: scope.region.value,
    service: scope.service.value,
    options: snapshotOptions(options),
  };
}
