// "Check a signature" after the pasted text is read: the signing core verifies the request as a
// server would (verifyWireRequest, every check rather than the first), and each of its problems
// becomes a finding in the panel's words, with a few a server would not name (headers sent
// unsigned, a session token left out, a body hash that disagrees).
import {
  ALGORITHM,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  EMPTY_SHA256,
  getDefaultSigningCrypto,
  getHeaderValues,
  MAX_PRESIGN_EXPIRES,
  MIN_PRESIGN_EXPIRES,
  parseUrl,
  SECURITY_TOKEN_HEADER,
  SIGNATURE_WINDOW_MS,
  SIGV4A_ALGORITHM,
  toHex,
  utf8,
  verifyWireRequest,
  type SigningCrypto,
  type WireProblem,
  type WireSignature,
  type WireVerification,
} from '../signing';
import type { PastedRequest, SignatureCheck, SignatureFinding } from './checkSignature';
import { formatCountdown } from './clockSkew';

export interface CheckOptions {
  now: Date;
  /** S3's rules: the path as sent, the payload hash that x-amz-content-sha256 names. */
  s3PathRules?: boolean;
  crypto?: SigningCrypto;
}

const ALGORITHMS = `${ALGORITHM} or ${SIGV4A_ALGORITHM}`;
const WINDOW = `${SIGNATURE_WINDOW_MS / 60_000} minutes`;
const error = (message: string): SignatureFinding => ({ severity: 'error', message });
const warning = (message: string): SignatureFinding => ({ severity: 'warning', message });

/** Verifies a pasted request's signature with a secret key and says what is wrong with it. */
export async function checkPastedRequest(
  request: PastedRequest,
  secretAccessKey: string,
  options: CheckOptions,
): Promise<SignatureCheck> {
  const crypto = options.crypto ?? getDefaultSigningCrypto();
  const url = parseUrl(request.url);
  const body = utf8(request.body);
  const verification = await verifyWireRequest(
    {
      method: request.method,
      target: url.path + (url.query === null ? '' : `?${url.query}`),
      headers: request.headers,
      body,
    },
    {
      now: options.now.getTime(),
      crypto,
      s3: options.s3PathRules ?? false,
      lookUpKey: () => (secretAccessKey === '' ? undefined : { secretAccessKey }),
    },
  );

  const findings: SignatureFinding[] = (request.notes ?? []).map(warning);
  const result: SignatureCheck = {
    valid: false,
    signatureMatches: verification.verdict.kind === 'valid',
    format: request.format,
    findings,
    ...artifacts(verification),
  };
  const signature = verification.signature;
  for (const problem of verification.problems)
    findings.push(...problemFindings(problem, signature));
  if (signature === undefined) return result;

  findings.push(...headerFindings(request, signature));
  const bodyHash = body.length === 0 ? EMPTY_SHA256 : toHex(await crypto.sha256(body));
  const contentSha256 = getHeaderValues(request.headers, CONTENT_SHA256_HEADER)[0]?.trim();
  if (
    contentSha256 !== undefined &&
    /^[0-9a-f]{64}$/i.test(contentSha256) &&
    contentSha256.toLowerCase() !== bodyHash
  ) {
    findings.push(
      error(`x-amz-content-sha256 says ${contentSha256}, but the body hashes to ${bodyHash}.`),
    );
  }

  const verdict = verification.verdict;
  // One verdict: a matching signature on an expired request is not "valid" to AWS.
  result.valid = verdict.kind === 'valid' && !findings.some((f) => f.severity === 'error');
  const isSigV4a = signature.algorithm === SIGV4A_ALGORITHM;
  if (verdict.kind === 'valid') {
    findings.unshift({
      severity: 'info',
      message: isSigV4a
        ? 'The signature verifies: it is an ECDSA signature of this string to sign by the SigV4A key pair of this access key and secret.'
        : 'The signature matches: AWS computes the same one from this request and secret.',
    });
  } else if (verdict.kind === 'invalid') {
    findings.unshift(
      error(
        `The signature does not ${isSigV4a ? 'verify' : 'match'}: with this secret, this request signs to another value. Either the secret is not the one used, or the request changed after signing.`,
      ),
    );
  } else if (verdict.reason === 'no-key') {
    findings.push(
      warning(`Enter the secret access key to ${isSigV4a ? 'verify' : 'recompute'} the signature.`),
    );
  } else if (verdict.reason === 'no-ecdsa') {
    findings.push(
      warning(
        'This page has no ECDSA P-256 here (WebCrypto needs a secure context: https or localhost), so it cannot verify a SigV4A signature.',
      ),
    );
  }
  return result;
}

/** What the panel shows of the verification: the signature and scope read, the artifacts rebuilt. */
function artifacts(
  verification: WireVerification<{ secretAccessKey: string }, never>,
): Partial<SignatureCheck> {
  const shown: Partial<SignatureCheck> = {};
  const { signature, credential } = verification;
  if (signature !== undefined) {
    shown.givenSignature = signature.signature;
    shown.signedHeaders = signature.signedHeaders;
  }
  if (credential !== undefined) shown.credentialScope = credential.scope;
  if (verification.payloadHash !== undefined) shown.payloadHash = verification.payloadHash;
  if (verification.canonicalRequest !== undefined)
    shown.canonicalRequest = verification.canonicalRequest;
  if (verification.stringToSign !== undefined) shown.stringToSign = verification.stringToSign;
  if (verification.expectedSignature !== undefined)
    shown.expectedSignature = verification.expectedSignature;
  return shown;
}

const names = (list: readonly string[]) =>
  list.map((name) => (name === '' ? '(an empty name)' : name.toLowerCase())).join(', ');

/** One problem of the verification, in the panel's words. */
function problemFindings(
  problem: WireProblem,
  signature: WireSignature | undefined,
): SignatureFinding[] {
  switch (problem.kind) {
    case 'unsigned':
      return [
        error('The request is not signed: it has no Authorization header and no X-Amz-Signature.'),
      ];
    case 'duplicate-authorization':
      return [
        error(
          `The request has ${problem.count} Authorization headers: AWS refuses a request with more than one.`,
        ),
      ];
    case 'unknown-algorithm':
      return [
        error(
          problem.source === 'header'
            ? `The Authorization header is not a SigV4 signature (it starts with “${problem.algorithm}”, not ${ALGORITHMS}).`
            : `X-Amz-Algorithm is “${problem.algorithm}”, not ${ALGORITHMS}.`,
        ),
      ];
    case 'authorization-not-key-value':
      return [
        error(
          'The Authorization header has a part without “=”: after the algorithm come Credential=…, SignedHeaders=… and Signature=…, separated by commas.',
        ),
      ];
    case 'authorization-incomplete': {
      const fields = problem.missing.filter((field) => field !== AMZ_DATE_HEADER);
      return [
        ...(fields.length > 0
          ? [error(`The Authorization header lacks ${fields.join(', ')}.`)]
          : []),
        ...(problem.missing.includes(AMZ_DATE_HEADER)
          ? [error('The request has no X-Amz-Date (nor a Date header).')]
          : []),
      ];
    }
    case 'query-incomplete':
      return [error(`The presigned URL lacks ${problem.missing.join(', ')}.`)];
    case 'malformed-date':
      return [
        error(
          problem.dateHeader === undefined
            ? `X-Amz-Date must be ISO 8601 basic format (20150830T123600Z); it is “${problem.amzDate}”.`
            : `Without X-Amz-Date, the Date header must be an HTTP date (Thu, 01 Jan 2026 00:00:00 GMT); it is “${problem.dateHeader}”.`,
        ),
      ];
    case 'malformed-credential':
      return [
        error(
          problem.expectedParts === 4
            ? `A SigV4A Credential must be keyid/date/service/aws4_request (no region: X-Amz-Region-Set names the regions); it is “${problem.credential}”.`
            : `Credential must be keyid/date/region/service/aws4_request; it is “${problem.credential}”.`,
        ),
      ];
    case 'wrong-terminator':
      return [error(`The credential scope must end in aws4_request, not “${problem.terminator}”.`)];
    case 'wrong-scope':
      return scopeFindings(problem);
    case 'scope-date-mismatch':
      return [
        error(
          `X-Amz-Date (${problem.amzDate}) is not on the credential scope’s date (${problem.scopeDate}).`,
        ),
      ];
    case 'host-not-signed':
      return [error('host is not signed: SigV4 requires it.')];
    case 'signed-header-missing':
      return [
        error(
          `Signed but not in the request: ${names(problem.names)}. AWS answers that a SignedHeader does not exist.`,
        ),
      ];
    case 'malformed-expires':
    case 'expires-too-long': {
      const expires =
        problem.kind === 'expires-too-long' ? String(problem.expires) : problem.expires;
      return [
        error(
          expires === undefined
            ? 'The presigned URL has no X-Amz-Expires.'
            : `X-Amz-Expires must be a whole number of seconds from ${MIN_PRESIGN_EXPIRES} to ${MAX_PRESIGN_EXPIRES}; it is “${expires}”.`,
        ),
      ];
    }
    case 'expired':
      return [
        error(
          problem.source === 'header'
            ? `Expired: X-Amz-Date is ${formatCountdown(problem.now - problem.signedAt)} before now, more than the ${WINDOW} execute-api allows.`
            : `Expired: the URL was valid for ${problem.windowMs / 1000} s from X-Amz-Date and expired ${formatCountdown(problem.now - problem.signedAt - problem.windowMs)} ago.`,
        ),
      ];
    case 'not-yet-current': {
      const ahead = formatCountdown(problem.signedAt - problem.now);
      return [
        signature?.source === 'query'
          ? warning(`X-Amz-Date is ${ahead} in the future: AWS rejects it as not yet valid.`)
          : error(
              `Not yet valid: X-Amz-Date is ${ahead} after now, more than the ${WINDOW} execute-api allows.`,
            ),
      ];
    }
  }
}

function scopeFindings(problem: Extract<WireProblem, { kind: 'wrong-scope' }>): SignatureFinding[] {
  const findings: SignatureFinding[] = [];
  const region = problem.region;
  if (region?.reason === 'region-set-missing')
    findings.push(error('A SigV4A signature needs X-Amz-Region-Set: the regions it is valid in.'));
  else if (region?.reason === 'region-set-unsigned')
    findings.push(
      error(
        `X-Amz-Region-Set (${region.regionSet}) is sent but not signed: AWS wants it in SignedHeaders, or anyone could widen the regions.`,
      ),
    );
  else if (region?.reason === 'region-set-excludes')
    findings.push(
      error(`X-Amz-Region-Set (${region.regionSet}) does not include ${region.expected}.`),
    );
  else if (region?.reason === 'other-region')
    findings.push(error(`The scope names region ${region.region}, not ${region.expected}.`));
  if (problem.service !== undefined)
    findings.push(
      error(`The scope names service ${problem.service.service}, not ${problem.service.expected}.`),
    );
  return findings;
}

/** Headers a server would not complain about, but a reader should know of. */
function headerFindings(request: PastedRequest, signature: WireSignature): SignatureFinding[] {
  const findings: SignatureFinding[] = [];
  const signed = new Set(signature.signedHeaders.split(';').map((name) => name.toLowerCase()));
  const present = new Set(request.headers.map(([name]) => name.toLowerCase()));
  const implicit = new Set(request.implicitHeaders ?? []);
  const unsigned = [...present].filter(
    (name) =>
      !signed.has(name) && name !== AUTHORIZATION_HEADER.toLowerCase() && !implicit.has(name),
  );
  const unsignedAmz = unsigned.filter((name) => name.startsWith('x-amz-'));
  const unsignedOther = unsigned.filter((name) => !name.startsWith('x-amz-'));
  if (unsignedAmz.length > 0)
    findings.push(
      warning(
        `In the request but not signed: ${unsignedAmz.join(', ')}. x-amz-* headers are usually signed; a changed value would go unnoticed.`,
      ),
    );
  if (unsignedOther.length > 0)
    findings.push({
      severity: 'info',
      message: `In the request but not signed: ${unsignedOther.join(', ')}.`,
    });
  if (signature.source === 'header') {
    const tokenHeader = SECURITY_TOKEN_HEADER.toLowerCase();
    const token = signature.sessionToken;
    if (signed.has(tokenHeader) && token === undefined)
      findings.push(error('x-amz-security-token is signed but the request does not carry it.'));
    else if (token !== undefined && !signed.has(tokenHeader))
      findings.push(
        warning(
          'The session token (x-amz-security-token) is sent but not signed; most services want it signed.',
        ),
      );
  }
  return findings;
}
