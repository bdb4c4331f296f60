import { getPathRules } from './getCanonicalUri';
import type { EffectiveSigningOptions, SigningInput } from './types';

/** X-Amz-Expires when the input gives none: one hour, as AWS's presigners default to. */
export const DEFAULT_EXPIRES_IN = 3600;

/**
 * The options a signing applies: the input's own, and the service's rule for each one it leaves
 * out. The one place that knows the signer's defaults; the result carries what this returns.
 */
export function resolveSigningOptions(
  input: Pick<
    SigningInput,
    | 'service'
    | 'mode'
    | 'payload'
    | 'normalizePath'
    | 'doubleEncodePath'
    | 'contentSha256Header'
    | 'signSessionToken'
    | 'expiresIn'
    | 'credentials'
  >,
): EffectiveSigningOptions {
  const isS3 = input.service === 's3';
  const mode = input.mode ?? 'header';
  // An empty token is no token: nothing is added for it.
  const hasToken = (input.credentials.sessionToken ?? '') !== '';
  const options: EffectiveSigningOptions = {
    mode,
    // S3 presigned URLs sign UNSIGNED-PAYLOAD: the body is not known when the URL is made
    // (S3 API Reference, "Authenticating Requests: Using Query Parameters").
    payload: input.payload ?? (isS3 && mode === 'query' ? 'unsigned' : 'signed'),
    ...getPathRules(input),
    // A presigned URL carries no signer headers, so never this one.
    contentSha256Header: mode === 'header' && (input.contentSha256Header ?? isS3),
    sessionToken: !hasToken ? 'none' : (input.signSessionToken ?? true) ? 'signed' : 'unsigned',
  };
  if (mode === 'query') options.expiresIn = input.expiresIn ?? DEFAULT_EXPIRES_IN;
  return options;
}
