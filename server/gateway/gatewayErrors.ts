// API Gateway's answers to IAM-authorized requests that fail, with the exact texts real REST APIs
// send (docs/api-gateway-iam-errors.md). The playground's error doctor parses these
// texts, so they must match AWS to the byte.
import { MAX_PRESIGN_EXPIRES, MIN_PRESIGN_EXPIRES, SCOPE_TERMINATOR } from '../../src/signing';

export type GatewayErrorType =
  | 'MissingAuthenticationTokenException'
  | 'InvalidSignatureException'
  | 'UnrecognizedClientException'
  | 'ExpiredTokenException'
  | 'AccessDeniedException'
  | 'IncompleteSignatureException';

export interface GatewayError {
  status: number;
  type: GatewayErrorType;
  /** The JSON body: `message`, or `Message` for access denied. */
  body: { message: string } | { Message: string };
}

const error = (type: GatewayErrorType, message: string): GatewayError => ({
  status: 403,
  type,
  body: { message },
});

/** Case 1: unsigned, or no such route, method or stage. */
export const missingAuthenticationToken = () =>
  error('MissingAuthenticationTokenException', 'Missing Authentication Token');

/** Case 2: signature mismatch, with what the gateway computed. */
export const signatureMismatch = (canonicalRequest: string, stringToSign: string) =>
  error(
    'InvalidSignatureException',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\n' +
      `The Canonical String for this request should have been\n'${canonicalRequest}'\n\n` +
      `The String-to-Sign should have been\n'${stringToSign}'\n`,
  );

/** Case 3: X-Amz-Date more than the allowed window before the server's clock. */
export const signatureExpired = (amzDate: string, bound: string, now: string, window: string) =>
  error(
    'InvalidSignatureException',
    `Signature expired: ${amzDate} is now earlier than ${bound} (${now} - ${window}.)`,
  );

/** Case 3b: X-Amz-Date more than the allowed window after the server's clock. */
export const signatureNotYetCurrent = (amzDate: string, bound: string, now: string) =>
  error(
    'InvalidSignatureException',
    `Signature not yet current: ${amzDate} is still later than ${bound} (${now} + 5 min.)`,
  );

/** Case 4: unknown access key, or a temporary key without its (right) session token. */
export const unrecognizedClient = () =>
  error('UnrecognizedClientException', 'The security token included in the request is invalid.');

/** Case 5: the session token has expired. */
export const expiredToken = () =>
  error('ExpiredTokenException', 'The security token included in the request is expired');

/** Cases 6 and 6b: signed correctly, but no policy allows the call (or one denies it). */
export const accessDenied = (callerArn: string, resourceArn: string, explicitDeny: boolean) => ({
  status: 403,
  type: 'AccessDeniedException' as const,
  body: {
    Message: `User: ${callerArn} is not authorized to perform: execute-api:Invoke on resource: ${resourceArn}${explicitDeny ? ' with an explicit deny' : ''}`,
  },
});

/** Case 7: the credential scope names another region and/or service; each sentence only when wrong. */
export const wrongScope = (region: string | null, expectedService: string | null) =>
  error(
    'InvalidSignatureException',
    (region === null ? '' : `Credential should be scoped to a valid region, not '${region}'. `) +
      (expectedService === null
        ? ''
        : `Credential should be scoped to correct service: '${expectedService}'. `),
  );

export interface MissingAuthorizationParts {
  credential: boolean;
  signature: boolean;
  signedHeaders: boolean;
  date: boolean;
}

/** Case 8: an Authorization header that lacks parts; only the missing ones are named. */
export const incompleteAuthorization = (missing: MissingAuthorizationParts, header: string) =>
  error(
    'IncompleteSignatureException',
    (missing.credential ? "Authorization header requires 'Credential' parameter. " : '') +
      (missing.signature ? "Authorization header requires 'Signature' parameter. " : '') +
      (missing.signedHeaders ? "Authorization header requires 'SignedHeaders' parameter. " : '') +
      (missing.date
        ? "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
        : '') +
      `Authorization=${header}`,
  );

/** Case 8b: an Authorization value that is not key=value pairs (hashed so it is never echoed). */
export const invalidAuthorizationPair = (headerSha256Base64: string) =>
  error(
    'IncompleteSignatureException',
    `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${headerSha256Base64}'.`,
  );

/** Case 9: a header named in SignedHeaders is not in the request. */
export const signedHeaderMissing = (header: string) =>
  error(
    'IncompleteSignatureException',
    `'${header}' is named as a SignedHeader, but it does not exist in the HTTP request.`,
  );

/** Case 9b: host is not signed. */
export const hostNotSigned = () =>
  error(
    'IncompleteSignatureException',
    "'Host' must be a 'SignedHeader' in the AWS Authorization.",
  );

/** Case 10: X-Amz-Date is not ISO 8601 basic format. */
export const malformedDate = (value: string) =>
  error(
    'IncompleteSignatureException',
    `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  );

// Answers AWS services give that the reference does not list for API Gateway; the texts are the
// ones AWS's other SigV4 services return for the same fault.

/** A presigned URL that lacks one of the required parameters (or names another algorithm). */
export const incompleteQueryAuthorization = () =>
  error(
    'IncompleteSignatureException',
    "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
  );

// Answers whose API Gateway text is not known at all (server/README.md lists them): worded in
// the style of the texts above, with the error type AWS uses for malformed signatures.

/** More than one Authorization header line. */
export const duplicateAuthorization = (count: number) =>
  error(
    'IncompleteSignatureException',
    `Authorization header must appear once, got ${count} Authorization headers.`,
  );

/** A Credential that is not key/date/region/service/terminator. */
export const malformedCredential = (credential: string) =>
  error(
    'IncompleteSignatureException',
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  );

/** A credential scope that does not end in aws4_request. */
export const wrongTerminator = (terminator: string) =>
  error(
    'InvalidSignatureException',
    `Credential should be scoped with a valid terminator: '${SCOPE_TERMINATOR}', not '${terminator}'.`,
  );

/** The scope's date is not the date of X-Amz-Date. */
export const scopeDateMismatch = (scopeDate: string, requestDate: string, amzDate: string) =>
  error(
    'InvalidSignatureException',
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${requestDate}', from '${amzDate}'.`,
  );

/** X-Amz-Expires beyond 7 days. */
export const expiresTooLong = () =>
  error(
    'IncompleteSignatureException',
    `X-Amz-Expires must be less than a week (in seconds) that is ${MAX_PRESIGN_EXPIRES}`,
  );

/** X-Amz-Expires that is not a positive whole number. */
export const malformedExpires = (value: string) =>
  error(
    'IncompleteSignatureException',
    `X-Amz-Expires should be a number, and be in the range [${MIN_PRESIGN_EXPIRES}, ${MAX_PRESIGN_EXPIRES}], got '${value}'`,
  );
