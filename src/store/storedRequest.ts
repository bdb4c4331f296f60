// The request in the form as stored: credentials always left out (localStorage never holds a
// secret; the vault keeps the keys, encrypted), and read back field by field.
import { withoutCredentialHeaders, withoutCredentialsInUrl } from '../request/credentialFields';
import { detectScope } from '../request/detectScope';
import type { HeaderRow, RequestFields } from './playgroundState';
import { headerFieldsOf } from './requestSlice';
import {
  isHeaderRows,
  isRecord,
  isString,
  isStringArray,
  mergeFields,
  nullable,
  type Check,
} from './storedFields';

/** The request's fields that are stored: not a chosen file. */
export type PersistedRequest = Pick<
  RequestFields,
  | 'method'
  | 'url'
  | 'headers'
  | 'bodyText'
  | 'regionOverride'
  | 'serviceOverride'
  | 'signingTime'
  | 'withheldFromUrl'
  | 'savedFrom'
  | 'profile'
>;

/**
 * The request's URL and headers without any credential (credentialFields.ts): the header rows
 * kept with an empty value and `withheld`, and what left the URL named in withheldFromUrl. With
 * `keepCredentials`, as they are.
 */
function storableRequestParts(
  request: Pick<RequestFields, 'url' | 'headers' | 'withheldFromUrl'>,
  keepCredentials: boolean,
): Pick<RequestFields, 'url' | 'headers' | 'withheldFromUrl'> {
  const headers = request.headers.map((row) => ({ id: row.id, ...headerFieldsOf(row) }));
  if (keepCredentials)
    return { url: request.url, headers, withheldFromUrl: request.withheldFromUrl };
  const { url, withheld } = withoutCredentialsInUrl(request.url);
  return {
    url,
    headers: withoutCredentialHeaders(headers),
    withheldFromUrl: [...new Set([...request.withheldFromUrl, ...withheld])],
  };
}

/**
 * A request as it may be stored: its credentials left out (storableRequestParts), and a text body
 * longer than `maxBodyChars` not kept.
 */
export function storableRequest(request: RequestFields, maxBodyChars: number): PersistedRequest {
  return {
    method: request.method,
    ...storableRequestParts(request, false),
    bodyText: request.bodyText.length <= maxBodyChars ? request.bodyText : '',
    regionOverride: request.regionOverride,
    serviceOverride: request.serviceOverride,
    signingTime: request.signingTime,
    savedFrom: request.savedFrom,
    profile: request.profile,
  };
}

const REQUEST_SCHEMA: Record<keyof PersistedRequest, Check> = {
  method: isString,
  url: isString,
  headers: isHeaderRows,
  bodyText: isString,
  regionOverride: nullable(isString),
  serviceOverride: nullable(isString),
  signingTime: isString,
  withheldFromUrl: isStringArray,
  profile: isString,
  savedFrom: nullable(
    (value) => isRecord(value) && isString(value.collectionId) && isString(value.requestId),
  ),
};

/**
 * Earlier versions stored the local gateway's region and service as if the user had typed them,
 * so a URL pasted later still signed for ca-central-1. A stored value equal to what the host
 * says is not a choice: the field follows the host again.
 */
function followingTheHost<T extends RequestFields>(request: T, gatewayUrl: string): T {
  const detected = detectScope(request.url, gatewayUrl);
  return {
    ...request,
    regionOverride: request.regionOverride === detected.region ? null : request.regionOverride,
    serviceOverride: request.serviceOverride === detected.service ? null : request.serviceOverride,
  };
}

/**
 * A stored request over `base`, field by field (mergeFields), without the credentials a request
 * saved before they were left out holds, unless `keepCredentials`: an older version's "Remember
 * credentials" stored them on purpose, and they stay in memory for the session in which the
 * plain copy is deleted (persistence.ts).
 */
export function readStoredRequest<T extends RequestFields>(
  base: T,
  saved: unknown,
  keepCredentials: boolean,
  gatewayUrl: string,
): T {
  const merged = followingTheHost(mergeFields(base, saved, REQUEST_SCHEMA), gatewayUrl);
  return {
    ...merged,
    ...storableRequestParts(
      { ...merged, headers: merged.headers.map((row: HeaderRow) => ({ ...row })) },
      keepCredentials,
    ),
  };
}
