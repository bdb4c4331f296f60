// The page's own STS calls (issue 14 §3-4): where they go, and how an STS request becomes the form's
// fields, so that it is planned, signed and sent exactly as any request the page sends, and a tab
// opened from those fields later signs the very same bytes.
import { detectScope } from '../request/detectScope';
import { LOCAL_STS_PATH, type StsRequest } from '../request/sts';
import { parseUrl } from '../signing';
import type { TransportFailure } from '../transport/sendRequest';
import type { RequestFields } from './playgroundState';
import { defaultRequestFields, headerRowsOf } from './requestSlice';

/** Where an STS call goes: the local gateway's STS, or AWS's (regional, else global). */
export interface StsTarget {
  /** The local gateway's STS URL; undefined: AWS's endpoint, as the request builder picks it. */
  localUrl?: string;
  /** AWS's regional endpoint for this region; undefined: the global one (us-east-1). */
  region?: string;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/**
 * The STS that answers for the request on screen: the local gateway's when the request is for the
 * local gateway (its keys are known nowhere else), else AWS's STS in the request's region, or
 * the global endpoint when the region is not one.
 */
export function stsTargetFor(requestUrl: string, gatewayUrl: string, region: string): StsTarget {
  if (detectScope(requestUrl, gatewayUrl).kind === 'local-gateway') {
    const gateway = parseUrl(gatewayUrl);
    return { localUrl: `${gateway.scheme}://${gateway.host}${LOCAL_STS_PATH}` };
  }
  return REGION.test(region) ? { region } : {};
}

/**
 * The request at its target. The local gateway's STS signs for us-east-1, as STS's global
 * endpoint does (it also takes its own region), so the request built for the global endpoint
 * only moves to the local URL.
 */
export function atTarget(request: StsRequest, target: StsTarget): StsRequest {
  return target.localUrl === undefined ? request : { ...request, url: target.localUrl };
}

/** Which STS answered, for a sentence: "the local gateway's STS (http://…/sts/)". */
export function describeTarget(request: StsRequest, target: StsTarget): string {
  return target.localUrl !== undefined
    ? `the local gateway's STS (${request.url})`
    : `AWS STS at ${request.url} (signed for ${request.region})`;
}

/** The signing instant as the Signing time field writes it: whole seconds, UTC. */
export function signingTimeText(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * An STS request as the form's fields: region and service set by hand (sts), the signing time
 * fixed, and the profile that signs it named. Planned like the form (planSigning), and shown in a
 * tab, these sign the same request byte for byte.
 */
export function stsRequestFields(
  request: StsRequest,
  call: { signingTime: string; profile: string; gatewayUrl: string },
): RequestFields {
  return {
    ...defaultRequestFields(call.gatewayUrl),
    method: request.method,
    url: request.url,
    headers: headerRowsOf(request.headers.map(([name, value]) => ({ name, value, signed: true }))),
    bodySource: 'text',
    bodyText: request.body,
    bodyFile: null,
    regionOverride: request.region,
    serviceOverride: request.service,
    signingTime: call.signingTime,
    profile: call.profile,
  };
}

/** A transport failure as one sentence. */
export function failureSentence(failure: TransportFailure): string {
  return `${failure.title}: ${failure.message} ${failure.advice}`;
}
