import { pickSavedOptions } from '../collections/collectionModel';
import {
  withheldHeaderNames,
  withoutCredentialHeaders,
  withoutCredentialsInUrl,
} from '../request/credentialFields';
import type { SigningPlan } from './planSigning';
import { headerFieldsOf } from './requestSlice';
import type {
  OptionsFields,
  RequestFields,
  RequestSnapshot,
  SnapshotOptions,
} from './playgroundState';

/** History keeps text bodies up to 64 KiB (of UTF-8): 50 entries must fit in localStorage. */
export const MAX_HISTORY_BODY_BYTES = 64 * 1024;

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/** Both lists, deduplicated, in order. */
function joinWithheld(earlier: readonly string[], now: readonly string[]): string[] {
  return [...new Set([...earlier, ...now])];
}

/**
 * The snapshot with every credential left out (credentialFields.ts): credential header values
 * emptied and marked, credential parameters and user:password@ taken out of the URL and named.
 * Applied when a snapshot is taken and again when one is read from storage or a link, so neither
 * an old entry nor a crafted link can carry one into the form.
 */
export function withoutCredentials(snapshot: RequestSnapshot): RequestSnapshot {
  const { url, withheld } = withoutCredentialsInUrl(snapshot.url);
  const withheldFromUrl = joinWithheld(snapshot.withheldFromUrl ?? [], withheld);
  const { withheldFromUrl: _earlier, ...rest } = snapshot;
  void _earlier;
  return {
    ...rest,
    url,
    headers: withoutCredentialHeaders(snapshot.headers),
    ...(withheldFromUrl.length > 0 ? { withheldFromUrl } : {}),
  };
}

/** Everything a snapshot left out, as the page names it: header names, then URL parts. */
export function withheldNames(snapshot: RequestSnapshot): string[] {
  return joinWithheld(withheldHeaderNames(snapshot.headers), snapshot.withheldFromUrl ?? []);
}

/** The signing options a snapshot keeps, and nothing else of what `options` holds. */
export function snapshotOptions(options: SnapshotOptions): SnapshotOptions {
  return pickSavedOptions(options);
}

/**
 * The form's request as a snapshot without secrets: no keys, no credential header's value, no
 * credential in the URL (withoutCredentials). A file body, or a text body over `maxBodyBytes`,
 * is left out (bodyDropped says so). Region and service are the ones the plan signs with.
 */
export function takeSnapshot(
  request: RequestFields,
  options: OptionsFields,
  scope: Pick<SigningPlan['scope'], 'region' | 'service'>,
  maxBodyBytes: number,
): RequestSnapshot {
  const isText = request.bodySource === 'text';
  const keepsBody = isText && utf8Length(request.bodyText) <= maxBodyBytes;
  return withoutCredentials({
    method: request.method,
    url: request.url,
    headers: request.headers.map(headerFieldsOf),
    withheldFromUrl: request.withheldFromUrl,
    body: keepsBody ? request.bodyText : '',
    bodyDropped: isText ? !keepsBody : request.bodyFile !== null,
    region: scope.region.value,
    service: scope.service.value,
    options: snapshotOptions(options),
    ...(request.profile === '' ? {} : { profile: request.profile }),
  });
}
