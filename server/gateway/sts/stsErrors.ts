// STS's answers to requests that fail: its error codes, HTTP statuses and texts, in its XML
// ErrorResponse. Where STS says what API Gateway says (most signature problems) the text comes
// from gatewayErrors.ts, so there is one copy of each; what differs is STS's code and status.
// The texts known from STS itself are cited in server/README.md ("The local STS").
import type { WireProblem } from '../../../src/signing';
import { formatAmzDate } from '../../../src/signing';
import type { GatewayError } from '../gatewayErrors';
import { gatewayErrorFor } from '../verifyRequest';
import { STS_XMLNS, xmlText } from './stsXml';

export interface StsFailure {
  status: number;
  code: string;
  message: string;
  /** Who asked, for the log line, when known. */
  callerArn?: string;
}

const failure = (status: number, code: string, message: string): StsFailure => ({
  status,
  code,
  message,
});

/** The ErrorResponse body STS sends. Every failure here is the caller's ("Sender"). */
export function errorXml(error: StsFailure, requestId: string): string {
  return (
    `<ErrorResponse xmlns="${STS_XMLNS}">\n  <Error>\n    <Type>Sender</Type>\n` +
    `    <Code>${xmlText(error.code)}</Code>\n    <Message>${xmlText(error.message)}</Message>\n` +
    `  </Error>\n  <RequestId>${requestId}</RequestId>\n</ErrorResponse>\n`
  );
}

export const missingAction = () => failure(400, 'MissingAction', 'Missing Action');

/** An unknown action, or a known one under another Version (or none). */
export const invalidAction = (action: string, version: string | undefined) =>
  failure(
    400,
    'InvalidAction',
    `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
  );

export const missingAuthenticationToken = () =>
  failure(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');

/** STS's mismatch text stops after the advice: it does not echo the canonical request. */
export const signatureDoesNotMatch = () =>
  failure(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );

/** How far X-Amz-Date may be from STS's clock in header mode: 15 minutes, either way. */
export const STS_CLOCK_WINDOW_MS = 15 * 60_000;

/** STS's code and status for a text the gateway shares with it. */
export function fromGatewayError(error: GatewayError): StsFailure {
  const message = 'message' in error.body ? error.body.message : error.body.Message;
  switch (error.type) {
    case 'MissingAuthenticationTokenException':
      return missingAuthenticationToken();
    case 'InvalidSignatureException':
      return failure(403, 'SignatureDoesNotMatch', message);
    case 'IncompleteSignatureException':
      return failure(400, 'IncompleteSignature', message);
    case 'UnrecognizedClientException':
      return failure(403, 'InvalidClientTokenId', message);
    case 'ExpiredTokenException':
      return failure(403, 'ExpiredToken', message);
    case 'AccessDeniedException':
      return failure(403, 'AccessDenied', message);
  }
}

/** A signature problem in STS's words: the gateway's text, except STS's 15-minute window. */
export function stsErrorFor(problem: WireProblem): StsFailure {
  if (problem.kind === 'expired' && problem.source === 'header')
    return failure(
      403,
      'SignatureDoesNotMatch',
      `Signature expired: ${problem.amzDate} is now earlier than ${formatAmzDate(problem.now - problem.windowMs)} (${formatAmzDate(problem.now)} - 15 min.)`,
    );
  if (problem.kind === 'not-yet-current')
    return failure(
      403,
      'SignatureDoesNotMatch',
      `Signature not yet current: ${problem.amzDate} is still later than ${formatAmzDate(problem.now + problem.windowMs)} (${formatAmzDate(problem.now)} + 15 min.)`,
    );
  return fromGatewayError(gatewayErrorFor(problem));
}

/** The caller may not assume the role (or no such role): the same words either way, as in AWS. */
export const assumeRoleDenied = (callerArn: string, roleArn: string) =>
  failure(
    403,
    'AccessDenied',
    `User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  );

export const mfaCodeInvalid = () =>
  failure(
    403,
    'AccessDenied',
    'MultiFactorAuthentication failed with invalid MFA one time pass code. ',
  );

export const mfaDeviceUnknown = () =>
  failure(
    403,
    'AccessDenied',
    'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
  );

/** Parameter problems, in the form of AWS's request validation: "N validation error(s) detected: …". */
export function validationErrors(problems: readonly string[]): StsFailure {
  const count = problems.length;
  return failure(
    400,
    'ValidationError',
    `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
  );
}

/** One problem of a member: "Value 'x' at 'member' failed to satisfy constraint: …". */
export const memberProblem = (value: string | undefined, member: string, constraint: string) =>
  `Value ${value === undefined ? 'null' : `'${value}'`} at '${member}' failed to satisfy constraint: ${constraint}`;

export const durationOverRoleMaximum = () =>
  failure(
    400,
    'ValidationError',
    'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
  );

export const durationOverChainingLimit = () =>
  failure(
    400,
    'ValidationError',
    'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
  );
