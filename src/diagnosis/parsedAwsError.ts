// What an AWS error answer says, read: its kind and the facts its text carries (what AWS
// computed, the times, the caller and resource), for the error doctor and the mismatch diff.
import type { PolicyType } from './explainDenial';

export type AwsErrorKind =
  | 'signature-mismatch'
  | 'signature-mismatch-short'
  | 'signature-expired'
  | 'signature-not-yet-current'
  | 'missing-authentication-token'
  | 'incomplete-signature'
  | 'unrecognized-client'
  | 'expired-token'
  | 'access-denied'
  | 'wrong-scope'
  | 'malformed-date'
  | 'signed-header-missing'
  | 'host-not-signed'
  | 'unknown';

export interface ParsedAwsError {
  kind: AwsErrorKind;
  /** The error type: x-amzn-ErrorType without qualifiers, or the body's __type / Code. */
  type?: string;
  message: string;
  /** signature-mismatch: what AWS computed. */
  canonicalRequest?: string;
  stringToSign?: string;
  /** wrong-scope: the region named as wrong. */
  region?: string;
  /** wrong-scope: the service AWS wants. */
  expectedService?: string;
  /** wrong-scope: the terminator named as wrong (not aws4_request). */
  terminator?: string;
  /** wrong-scope: the Credential's date and X-Amz-Date's, when they differ. */
  scopeDate?: string;
  requestDate?: string;
  /** signature-expired / not-yet-current: ISO 8601 basic, as in the text. */
  requestTime?: string;
  serverTime?: string;
  /** signature-expired: the allowed window as written ('5 min', '3600 sec'). */
  window?: string;
  /** access-denied */
  callerArn?: string;
  resourceArn?: string;
  action?: string;
  explicitDeny?: boolean;
  /** access-denied: the policy type the message names ("… in a service control policy"). */
  deniedBy?: PolicyType;
  /** signed-header-missing */
  missingHeader?: string;
  /** incomplete-signature: 'Credential', 'Signature', 'SignedHeaders', 'X-Amz-Date'. */
  missingParts?: string[];
  /** incomplete-signature: the Authorization value AWS echoed. */
  authorization?: string;
  /** malformed-date: the value AWS got. */
  invalidValue?: string;
  /**
   * What this answer means and what to check, when its text says more than its kind: which
   * policy denied, or STS's own error sentence. Never holds a secret.
   */
  explanation?: string;
}
