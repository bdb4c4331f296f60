import { ALGORITHM, SCOPE_TERMINATOR } from './constants';

/** Credential scope: date/region/service/aws4_request. */
export function getCredentialScope(dateStamp: string, region: string, service: string): string {
  return `${dateStamp}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

/** SigV4a credential scope: date/service/aws4_request (the regions go in X-Amz-Region-Set). */
export function getSigV4aCredentialScope(dateStamp: string, service: string): string {
  return `${dateStamp}/${service}/${SCOPE_TERMINATOR}`;
}

/** The four lines of the string to sign (SigV4 unless another algorithm string is given). */
export function createStringToSign(
  amzDate: string,
  credentialScope: string,
  canonicalRequestHash: string,
  algorithm: string = ALGORITHM,
): string {
  return `${algorithm}\n${amzDate}\n${credentialScope}\n${canonicalRequestHash}`;
}
