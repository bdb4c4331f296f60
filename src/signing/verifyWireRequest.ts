// Verifies a request's SigV4 or SigV4A signature from the request as it arrived on the wire (the
// raw target, the header lines as sent, the body bytes), the way a server does: read the
// signature, check date, scope, signed headers and clock, ask the caller for the key, rebuild the
// canonical request and string to sign, then recompute (SigV4) or verify (SigV4A). The local
// gateway answers the first problem in API Gateway's words; "Check a signature" lists them all.
import { canonicalizeWireRequest, type WireRequestParts } from './canonicalizeWireRequest';
import {
  checkWireSignature,
  type ExpectedScope,
  type WireCheckOptions,
  type WireCheckProblem,
} from './checkWireSignature';
import {
  CONTENT_SHA256_HEADER,
  EMPTY_SHA256,
  SIGNATURE_QUERY_PARAM,
  SIGNATURE_WINDOW_MS,
  SIGV4A_ALGORITHM,
  UNSIGNED_PAYLOAD,
} from './constants';
import type { SigningCrypto } from './crypto/signingCrypto';
import { deriveSigningKey, type SigningKey } from './deriveSigningKey';
import { hmacSha256Hex, sha256Hex } from './crypto/hexDigests';
import type { HeaderList } from './getCanonicalHeaders';
import { parseQuery } from './getCanonicalQuery';
import type { CredentialScope } from './parseCredential';
import {
  getHeaderValues,
  readWireSignature,
  type WireReadProblem,
  type WireSignature,
} from './readWireSignature';
import { createStringToSign } from './signRequest';
import type { SigV4aKey } from './sigv4a';
import { deriveSigV4aKey, verifySigV4aSignature } from './sigv4aLazy';

/** A request exactly as it came off the socket (or as pasted). */
export interface WireRequest {
  method: string;
  /** The request-target as sent: path and query, not decoded or normalized. */
  target: string;
  /** Header lines in order, names as sent, duplicates kept. */
  headers: HeaderList;
  body: Uint8Array;
}

export type WireProblem = WireReadProblem | WireCheckProblem;

/** What the caller's key lookup answers: the key, a refusal in the caller's terms, or no key. */
export type KeyLookup<K, R> = K | { refused: R } | undefined;

export interface WireVerifyOptions<K extends { secretAccessKey: string }, R> {
  /** The server's clock, epoch ms. */
  now: number;
  crypto: SigningCrypto;
  /** How far X-Amz-Date of a header signature may be from `now`, either way. Default 5 minutes. */
  clockWindowMs?: number;
  /** The server's region and service; without it the scope is only checked for its form. */
  expected?: ExpectedScope;
  /**
   * S3's rules: the path as sent (not normalized, encoded once), and the payload hash that
   * x-amz-content-sha256 names (UNSIGNED-PAYLOAD for a presigned URL without one).
   */
  s3?: boolean;
  /** Stop at the first problem, as a server answers; otherwise check and compute all that can be. */
  firstProblemOnly?: boolean;
  /** The secret of the signature's access key (and whatever else the caller keeps with it). */
  lookUpKey(
    accessKeyId: string,
    sessionToken: string | undefined,
  ): KeyLookup<K, R> | Promise<KeyLookup<K, R>>;
  /** Derived keys kept between requests (a server); by default each one is derived afresh. */
  keyCache?: WireKeyCache;
}

export type WireVerdict =
  | { kind: 'valid' }
  | { kind: 'invalid' }
  /** Not checked: a problem stopped it, the lookup refused, no key, or no ECDSA for SigV4A. */
  | { kind: 'unchecked'; reason: 'problem' | 'refused' | 'no-key' | 'no-ecdsa' };

export interface WireVerification<K, R> {
  verdict: WireVerdict;
  /** In the order a server checks them. */
  problems: WireProblem[];
  signature?: WireSignature;
  credential?: CredentialScope;
  refused?: R;
  key?: K;
  payloadHash?: string;
  canonicalRequest?: string;
  stringToSign?: string;
  /** SigV4: the signature the key gives. (SigV4A signatures are random: verified, not recomputed.) */
  expectedSignature?: string;
}

/** Where the keys come from: derived afresh (the page), or cached (a server: createWireKeyCache). */
export interface WireKeyCache {
  sigv4(parts: {
    secretAccessKey: string;
    dateStamp: string;
    region: string;
    service: string;
  }): Promise<SigningKey>;
  /** Optional: the same key at once when it is already derived, else undefined (then `sigv4`). */
  sigv4Derived?(parts: {
    secretAccessKey: string;
    dateStamp: string;
    region: string;
    service: string;
  }): SigningKey | undefined;
  sigv4a(accessKeyId: string, secretAccessKey: string): Promise<SigV4aKey>;
  verifySigV4a(
    publicKey: { x: string; y: string },
    stringToSign: string,
    derHexSignature: string,
  ): Promise<boolean>;
}

/** Each key derived when asked; SigV4A's module loads on the first SigV4A signature. */
const uncachedKeys = (crypto: SigningCrypto): WireKeyCache => ({
  sigv4: (parts) => deriveSigningKey(crypto, parts),
  sigv4a: (accessKeyId, secretAccessKey) => deriveSigV4aKey(crypto, accessKeyId, secretAccessKey),
  verifySigV4a: (publicKey, stringToSign, signature) =>
    verifySigV4aSignature(publicKey, stringToSign, signature, crypto),
});

/**
 * Compares every character of the expected signature whatever the given one holds, so the time
 * taken says nothing about how much of a guess was right.
 */
function sameSignature(expected: string, given: string): boolean {
  let difference = expected.length ^ given.length;
  for (let i = 0; i < expected.length; i++)
    difference |= expected.charCodeAt(i) ^ (given.charCodeAt(i) || 0);
  return difference === 0;
}

export async function verifyWireRequest<K extends { secretAccessKey: string }, R = never>(
  request: WireRequest,
  options: WireVerifyOptions<K, R>,
): Promise<WireVerification<K, R>> {
  const queryAt = request.target.indexOf('?');
  const params = parseQuery(queryAt < 0 ? null : request.target.slice(queryAt + 1));
  const read = readWireSignature(request.headers, params);
  if (!read.ok) return { verdict: unchecked('problem'), problems: [read.problem] };
  const signature = read.signature;

  // Options built field by field, not spread: this runs for every request a server verifies.
  const checkOptions: WireCheckOptions = {
    now: options.now,
    clockWindowMs: options.clockWindowMs ?? SIGNATURE_WINDOW_MS,
    firstProblemOnly: options.firstProblemOnly ?? false,
  };
  if (options.expected !== undefined) checkOptions.expected = options.expected;
  const checked = checkWireSignature(signature, request.headers, checkOptions);
  const result: WireVerification<K, R> = {
    verdict: unchecked('problem'),
    problems: checked.problems,
    signature,
  };
  const credential = checked.credential;
  if (credential !== undefined) result.credential = credential;
  if (credential === undefined || (options.firstProblemOnly && checked.problems.length > 0))
    return result;

  // A lookup that answers at once (the gateway's) is taken as it is, without a turn of the
  // microtask queue; so are the digests of a crypto that has synchronous ones (node:crypto).
  const found = options.lookUpKey(credential.accessKeyId, signature.sessionToken);
  const lookup = found instanceof Promise ? await found : found;
  if (lookup !== undefined && 'refused' in lookup) {
    result.refused = lookup.refused;
    result.verdict = unchecked('refused');
    return result;
  }

  const { crypto } = options;
  const s3 = options.s3 ?? false;
  const payloadHash =
    payloadHashWithoutDigest(request, signature, s3) ??
    crypto.sha256HexSync?.(request.body) ??
    (await sha256Hex(crypto, request.body));
  result.payloadHash = payloadHash;
  const parts: WireRequestParts = {
    method: request.method,
    target: request.target,
    headers: request.headers,
    signedHeaders: signature.signedHeaders,
    payloadHash,
    normalizePath: !s3,
    doubleEncodePath: !s3,
  };
  if (signature.source === 'query') parts.excludeQueryParams = [SIGNATURE_QUERY_PARAM];
  const { canonicalRequest } = canonicalizeWireRequest(parts);
  result.canonicalRequest = canonicalRequest;
  const stringToSign = createStringToSign(
    signature.amzDate,
    credential.scope,
    crypto.sha256HexSync?.(canonicalRequest) ?? (await sha256Hex(crypto, canonicalRequest)),
    signature.algorithm,
  );
  result.stringToSign = stringToSign;
  if (lookup === undefined) {
    result.verdict = unchecked('no-key');
    return result;
  }
  result.key = lookup;

  const keys = options.keyCache ?? uncachedKeys(crypto);
  if (signature.algorithm === SIGV4A_ALGORITHM) {
    // Deriving the key pair imports and signs; verifying verifies. Without them, say so.
    if (
      crypto.importEcdsaP256PrivateKey === undefined ||
      crypto.ecdsaP256Sign === undefined ||
      crypto.ecdsaP256Verify === undefined
    ) {
      result.verdict = unchecked('no-ecdsa');
      return result;
    }
    const key = await keys.sigv4a(credential.accessKeyId, lookup.secretAccessKey);
    const valid = await keys.verifySigV4a(key.publicKey, stringToSign, signature.signature);
    result.verdict = { kind: valid ? 'valid' : 'invalid' };
    return result;
  }
  const scope = {
    secretAccessKey: lookup.secretAccessKey,
    dateStamp: credential.dateStamp,
    region: credential.region ?? '',
    service: credential.service,
  };
  const signingKey = keys.sigv4Derived?.(scope) ?? (await keys.sigv4(scope));
  const expected =
    crypto.hmacSha256HexSync?.(signingKey.key, stringToSign) ??
    (await hmacSha256Hex(crypto, signingKey.key, stringToSign));
  result.expectedSignature = expected;
  result.verdict = { kind: sameSignature(expected, signature.signature) ? 'valid' : 'invalid' };
  return result;
}

const unchecked = (reason: 'problem' | 'refused' | 'no-key' | 'no-ecdsa'): WireVerdict => ({
  kind: 'unchecked',
  reason,
});

/**
 * The payload hash a server puts in the canonical request: UNSIGNED-PAYLOAD when
 * x-amz-content-sha256 says so, under S3's rules whatever that header names (UNSIGNED-PAYLOAD for
 * a presigned URL without it), otherwise the SHA-256 of the body.
 */
export async function getWirePayloadHash(
  request: WireRequest,
  signature: WireSignature,
  s3: boolean,
  crypto: SigningCrypto,
): Promise<string> {
  return payloadHashWithoutDigest(request, signature, s3) ?? sha256Hex(crypto, request.body);
}

/** getWirePayloadHash's answer when it is not the body's digest; undefined when it is. */
function payloadHashWithoutDigest(
  request: WireRequest,
  signature: WireSignature,
  s3: boolean,
): string | undefined {
  const contentSha256 = getHeaderValues(request.headers, CONTENT_SHA256_HEADER)[0]?.trim();
  if (contentSha256 === UNSIGNED_PAYLOAD) return UNSIGNED_PAYLOAD;
  if (s3 && contentSha256 !== undefined) return contentSha256;
  if (s3 && signature.source === 'query') return UNSIGNED_PAYLOAD;
  return request.body.length === 0 ? EMPTY_SHA256 : undefined;
}
