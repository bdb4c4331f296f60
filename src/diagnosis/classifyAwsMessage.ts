// Which fault an AWS error message names, told by its text: API Gateway's texts, verbatim
// (docs/api-gateway-iam-errors.md), plus those AWS's other SigV4 services send for the same
// faults.
import { explainDenial } from './explainDenial';
import type { AwsErrorKind, ParsedAwsError } from './parsedAwsError';

const MISMATCH = 'does not match the signature you provided';
const CANONICAL_MARKER = "The Canonical String for this request should have been\n'";
const STRING_TO_SIGN_MARKER = "'\n\nThe String-to-Sign should have been\n'";

function readMismatch(message: string, result: ParsedAwsError): void {
  const text = message.replace(/\r\n/g, '\n');
  const start = text.indexOf(CANONICAL_MARKER);
  const middle = text.lastIndexOf(STRING_TO_SIGN_MARKER);
  if (start >= 0 && middle >= start + CANONICAL_MARKER.length - 1) {
    const afterMiddle = text.slice(middle + STRING_TO_SIGN_MARKER.length);
    const end = afterMiddle.lastIndexOf("'");
    result.canonicalRequest = text.slice(start + CANONICAL_MARKER.length, middle);
    result.stringToSign = end < 0 ? afterMiddle : afterMiddle.slice(0, end);
  }
  result.kind =
    result.canonicalRequest !== undefined || result.stringToSign !== undefined
      ? 'signature-mismatch'
      : 'signature-mismatch-short';
}

const KIND_BY_TYPE: Record<string, AwsErrorKind> = {
  MissingAuthenticationTokenException: 'missing-authentication-token',
  MissingAuthenticationToken: 'missing-authentication-token',
  UnrecognizedClientException: 'unrecognized-client',
  InvalidClientTokenId: 'unrecognized-client',
  ExpiredTokenException: 'expired-token',
  ExpiredToken: 'expired-token',
  AccessDeniedException: 'access-denied',
  AccessDenied: 'access-denied',
  IncompleteSignatureException: 'incomplete-signature',
  IncompleteSignature: 'incomplete-signature',
  SignatureDoesNotMatch: 'signature-mismatch-short',
  // S3's codes for the same faults.
  InvalidAccessKeyId: 'unrecognized-client',
  InvalidToken: 'unrecognized-client',
  TokenRefreshRequired: 'expired-token',
};

/** Adds what an AccessDenied message says about the policy that denied. */
function readDenial(message: string, result: ParsedAwsError): void {
  const denial = explainDenial(message);
  if (denial === undefined) return;
  result.explanation = denial.sentence;
  if (denial.policyType !== undefined) result.deniedBy = denial.policyType;
  if (denial.explicit) result.explicitDeny = true;
}

const AUTH_PARTS: Array<[RegExp, string]> = [
  [/requires 'Credential' parameter/, 'Credential'],
  [/requires 'Signature' parameter/, 'Signature'],
  [/requires 'SignedHeaders' parameter/, 'SignedHeaders'],
  [/requires existence of either a 'X-Amz-Date' or a 'Date' header/, 'X-Amz-Date'],
];

/**
 * A sticky pattern tried once, where its fixed opening first occurs. A plain exec would try it
 * again after every occurrence, each try scanning to the end of the line: quadratic on a pasted
 * text that repeats the opening. AWS's messages hold it once.
 */
function execAtFirst(text: string, opening: string, pattern: RegExp): RegExpExecArray | null {
  const at = text.indexOf(opening);
  if (at < 0) return null;
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * Sets result's kind from the message AWS wrote, and the facts the message carries; a message of no
 * known shape falls back on the error type.
 */
export function classifyAwsMessage(message: string, result: ParsedAwsError): void {
  let match: RegExpExecArray | null;
  if (message.includes(MISMATCH)) {
    readMismatch(message, result);
  } else if (
    (match = execAtFirst(
      message,
      'Signature expired: ',
      /Signature expired: (\S+) is now earlier than (\S+) \((\S+) - ([^)]*?)\.?\)/y,
    ))
  ) {
    result.kind = 'signature-expired';
    result.requestTime = match[1]!;
    result.serverTime = match[3]!;
    result.window = match[4]!;
  } else if (
    (match = execAtFirst(
      message,
      'Signature not yet current: ',
      /Signature not yet current: (\S+) is still later than (\S+) \((\S+) \+ ([^)]*?)\.?\)/y,
    ))
  ) {
    result.kind = 'signature-not-yet-current';
    result.requestTime = match[1]!;
    result.serverTime = match[3]!;
    result.window = match[4]!;
  } else if (/^\s*Missing Authentication Token/.test(message)) {
    result.kind = 'missing-authentication-token';
  } else if (/security token included in the request is expired/.test(message)) {
    result.kind = 'expired-token';
  } else if (/security token included in the request is invalid/.test(message)) {
    result.kind = 'unrecognized-client';
  } else if (
    (match =
      /User: (\S+) is not authorized to perform: (\S+?)(?: on resource: (\S+))?(?=$|\s)/.exec(
        message,
      ))
  ) {
    result.kind = 'access-denied';
    result.callerArn = match[1]!;
    result.action = match[2]!;
    // S3 and newer services quote the resource: on resource: "arn:aws:s3:::bucket/key".
    if (match[3] !== undefined) result.resourceArn = match[3].replace(/^"(.*)"$/, '$1');
    result.explicitDeny = /with an explicit deny/.test(message);
    readDenial(message, result);
  } else if (/^\s*User is not authorized to access this resource/.test(message)) {
    // API Gateway's answer when a Lambda authorizer's policy denies.
    result.kind = 'access-denied';
    result.explicitDeny = /with an explicit deny/.test(message);
    readDenial(message, result);
  } else if (/Credential should be scoped to (a valid region|correct service)/.test(message)) {
    result.kind = 'wrong-scope';
    const region = /scoped to a valid region, not '([^']*)'/.exec(message);
    const service = /scoped to correct service: '([^']*)'/.exec(message);
    if (region) result.region = region[1]!;
    if (service) result.expectedService = service[1]!;
  } else if ((match = /the region '([^']*)' is wrong; expecting '([^']*)'/.exec(message))) {
    // S3's AuthorizationHeaderMalformed.
    result.kind = 'wrong-scope';
    result.region = match[1]!;
  } else if ((match = /scoped with a valid terminator: '[^']*', not '([^']*)'/.exec(message))) {
    result.kind = 'wrong-scope';
    result.terminator = match[1]!;
  } else if (
    (match = execAtFirst(
      message,
      'Date in Credential scope does not match ',
      /Date in Credential scope does not match .*?: '([^']*)' != '([^']*)'/y,
    ))
  ) {
    result.kind = 'wrong-scope';
    result.scopeDate = match[1]!;
    result.requestDate = match[2]!;
  } else if ((match = /^'(.*)' is named as a SignedHeader, but it does not exist/.exec(message))) {
    result.kind = 'signed-header-missing';
    result.missingHeader = match[1]!;
  } else if (/'Host' must be a 'SignedHeader'/.test(message)) {
    result.kind = 'host-not-signed';
  } else if (
    (match = execAtFirst(
      message,
      "Date must be in ISO-8601 'basic format'. Got '",
      /Date must be in ISO-8601 'basic format'\. Got '(.*)'\. See /y,
    ))
  ) {
    result.kind = 'malformed-date';
    result.invalidValue = match[1]!;
  } else if (/Authorization header requires /.test(message)) {
    result.kind = 'incomplete-signature';
    result.missingParts = AUTH_PARTS.filter(([pattern]) => pattern.test(message)).map(
      ([, part]) => part,
    );
    const echoed = /Authorization=([\s\S]*)$/.exec(message);
    if (echoed) result.authorization = echoed[1]!;
  } else if (/Credential must have exactly 5 slash-delimited elements/.test(message)) {
    result.kind = 'incomplete-signature';
    result.missingParts = ['Credential'];
  } else if (
    /Invalid key=value pair|AWS query-string parameters must include|X-Amz-Expires (must|should)/.test(
      message,
    )
  ) {
    result.kind = 'incomplete-signature';
  } else if (result.type !== undefined) {
    result.kind = KIND_BY_TYPE[result.type] ?? 'unknown';
    if (result.kind === 'access-denied') readDenial(message, result);
  } else if (message.trim() === 'Forbidden') {
    // API Gateway's bare {"message":"Forbidden"}: its ForbiddenException, refused before IAM.
    result.type = 'ForbiddenException';
  }
}
