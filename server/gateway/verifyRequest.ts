// Verifies a request's SigV4 signature the way API Gateway does for an AWS_IAM route, from the
// request as it arrived on the wire: the raw path and query, the raw header lines, the body bytes.
// The canonical request is rebuilt with the signing core's own functions, under the rules AWS uses
// for execute-api: path normalized and each segment encoded twice, query re-encoded and sorted,
// header values trimmed and folded.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  canonicalizeWireRequest,
  createCanonicalRequest,
  createStringToSign,
  EMPTY_SHA256,
  getCredentialScope,
  parseQuery,
  getSigV4aCredentialScope,
  SigningKeyCache,
  UNSIGNED_PAYLOAD,
} from '../../src/signing';
import { SigV4aKeyCache, verifySigV4aSignature } from '../../src/signing/sigv4a';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import { evaluatePolicy, type PolicyDecision } from './evaluatePolicy';
import { matchesWildcard, type WildcardOptions } from './matchWildcard';
import type { GatewayConfig, GatewayIdentity } from './gatewayConfig';
import {
  accessDenied,
  duplicateAuthorization,
  expiredToken,
  expiresTooLong,
  hostNotSigned,
  malformedCredential,
  malformedDate,
  malformedExpires,
  missingAuthenticationToken,
  scopeDateMismatch,
  signatureExpired,
  signatureMismatch,
  signatureNotYetCurrent,
  signedHeaderMissing,
  unrecognizedClient,
  wrongScope,
  wrongTerminator,
  type GatewayError,
} from './gatewayErrors';
import {
  hasQuerySignature,
  headerValues,
  readHeaderSignature,
  readQuerySignature,
  SIGV4A_ALGORITHM,
  type HeaderPairs,
  type SignatureParams,
} from './readSignature';

/** A request exactly as it came off the socket. */
export interface WireRequest {
  method: string;
  /** The request-target as sent: path and query, not decoded or normalized. */
  target: string;
  /** Header lines in order, names as sent, duplicates kept (node's rawHeaders). */
  headers: HeaderPairs;
  body: Uint8Array;
}

export type Verification =
  | { ok: true; identity: GatewayIdentity; resourceArn: string }
  | { ok: false; error: GatewayError; callerArn?: string };

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MAX_EXPIRES = 604800;

/** Parses ISO 8601 basic format into epoch milliseconds; NaN when it is not one. */
export function parseAmzDate(value: string): number {
  const match = AMZ_DATE.exec(value);
  if (!match) return NaN;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(time);
  // Reject dates that Date.UTC rolled over (month 13, February 30, hour 24, ...).
  return check.getUTCMonth() === month! - 1 &&
    check.getUTCDate() === day! &&
    check.getUTCHours() === hour!
    ? time
    : NaN;
}

/** ISO 8601 basic format, as API Gateway writes instants in its messages. */
export function formatAmzDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** Decodes a percent-encoded query value ('+' stays '+', as AWS reads it). */
function decodeQueryValue(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * Bounds on X-Amz-Region-Set, far above any real set (every region by name is a few hundred
 * characters; `*` says it in one), so that the work per request stays small whatever is sent.
 */
export const MAX_REGION_SET_LENGTH = 4096;
export const MAX_REGION_SET_ENTRIES = 128;

const REGION_SET_WILDCARDS: WildcardOptions = { questionMark: false };

/**
 * Whether a region is in an X-Amz-Region-Set value: comma-separated names or patterns in which
 * '*' matches any run of characters ("us-*", "*"). A set over the bounds includes nothing.
 */
export function regionSetIncludes(regionSet: string, region: string): boolean {
  if (regionSet.length > MAX_REGION_SET_LENGTH) return false;
  const entries = regionSet.split(',', MAX_REGION_SET_ENTRIES + 1);
  if (entries.length > MAX_REGION_SET_ENTRIES) return false;
  return entries.some((entry) => {
    const pattern = entry.trim();
    return pattern !== '' && matchesWildcard(pattern, region, REGION_SET_WILDCARDS);
  });
}

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  // timingSafeEqual needs equal lengths; comparing a with itself keeps the time independent of b.
  return a.length === b.length ? timingSafeEqual(a, b) : !timingSafeEqual(a, a);
}

export class RequestVerifier {
  private readonly keyCache: SigningKeyCache;

  constructor(private readonly config: GatewayConfig) {
    // The key derivation goes through the signing core; the per-request hashes below call
    // node:crypto directly, synchronously and into hex, since this runs for every request.
    this.keyCache = new SigningKeyCache(nodeSigningCrypto, 64);
    // SigV4a: one derived key pair per identity (the public key is all verification needs).
    this.sigv4aKeyCache = new SigV4aKeyCache(
      nodeSigningCrypto,
      Math.max(16, config.identities.length),
    );
  }

  private readonly sigv4aKeyCache: SigV4aKeyCache;

  /** The invoked resource's ARN: arn:aws:execute-api:region:account:api/stage/METHOD/path. */
  resourceArn(method: string, resourcePath: string): string {
    const { region, account, apiId, stage } = this.config;
    return `arn:aws:execute-api:${region}:${account}:${apiId}/${stage === '' ? '$default' : stage}/${method}/${resourcePath.replace(/^\//, '')}`;
  }

  private readonly decisions = new Map<string, PolicyDecision>();

  /** The policy's answer for a caller and resource, remembered (policies do not change at run time). */
  private decide(identity: GatewayIdentity, resourceArn: string): PolicyDecision {
    const key = `${identity.accessKeyId}\n${resourceArn}`;
    let decision = this.decisions.get(key);
    if (decision === undefined) {
      decision = evaluatePolicy(identity.policy, 'execute-api:Invoke', resourceArn);
      if (this.decisions.size >= 1000) this.decisions.clear();
      this.decisions.set(key, decision);
    }
    return decision;
  }

  /**
   * `resourcePath` is the routed resource path (normalizeRequestPath, then matchRoute): the
   * resource ARN is built from it, never from the request-target, so the policy judges the
   * resource that was routed. The signature is checked on the target as sent, as AWS does.
   */
  async verify(request: WireRequest, now: number, resourcePath: string): Promise<Verification> {
    const fail = (error: GatewayError, callerArn?: string): Verification =>
      callerArn === undefined ? { ok: false, error } : { ok: false, error, callerArn };
    const queryAt = request.target.indexOf('?');
    const params = parseQuery(queryAt < 0 ? null : request.target.slice(queryAt + 1));

    // Where the signature is: the Authorization header first, else a presigned URL. Two
    // Authorization lines are refused rather than one of them picked: a proxy in front that
    // reads the other one would see a different request than the one verified here.
    const authorizations = headerValues(request.headers, 'authorization');
    if (authorizations.length > 1) return fail(duplicateAuthorization(authorizations.length));
    const authorization = authorizations[0];
    let signature: SignatureParams | GatewayError;
    if (authorization !== undefined)
      signature = readHeaderSignature(authorization, request.headers);
    else if (hasQuerySignature(params)) signature = readQuerySignature(params, decodeQueryValue);
    else return fail(missingAuthenticationToken());
    if ('status' in signature) return fail(signature);

    const signedAt = parseAmzDate(signature.amzDate);
    if (Number.isNaN(signedAt)) return fail(malformedDate(signature.amzDate));

    // SigV4a scopes have no region (key/date/service/aws4_request): X-Amz-Region-Set names the
    // regions instead, and this gateway's region must be one of them.
    const isSigV4a = signature.algorithm === SIGV4A_ALGORITHM;
    const scope = signature.credential.split('/');
    if (scope.length !== (isSigV4a ? 4 : 5)) return fail(malformedCredential(signature.credential));
    if (isSigV4a) scope.splice(2, 0, this.config.region);
    const [accessKeyId, scopeDate, region, service, terminator] = scope as [
      string,
      string,
      string,
      string,
      string,
    ];
    if (terminator !== 'aws4_request') return fail(wrongTerminator(terminator));
    const regionSet = signature.regionSet ?? '';
    const regionOk = isSigV4a
      ? regionSetIncludes(regionSet, this.config.region) &&
        // In header mode the region set must be signed, or anyone could widen it.
        (signature.source === 'query' ||
          signature.signedHeaders
            .split(';')
            .some((name) => name.toLowerCase() === 'x-amz-region-set'))
      : region === this.config.region;
    if (!regionOk || service !== this.config.service) {
      return fail(
        wrongScope(
          regionOk ? null : isSigV4a ? regionSet : region,
          service === this.config.service ? null : this.config.service,
        ),
      );
    }
    if (scopeDate !== signature.amzDate.slice(0, 8)) {
      return fail(scopeDateMismatch(scopeDate, signature.amzDate.slice(0, 8), signature.amzDate));
    }

    const signedNames = signature.signedHeaders.split(';');
    if (!signedNames.some((name) => name.toLowerCase() === 'host')) return fail(hostNotSigned());
    const present = new Set(request.headers.map(([name]) => name.toLowerCase()));
    const missing = signedNames.find((name) => !present.has(name.toLowerCase()));
    if (missing !== undefined) return fail(signedHeaderMissing(missing));

    // The clock: 5 minutes either way for a header signature; X-Amz-Expires for a presigned URL.
    const windowMs = this.config.signatureWindowSeconds * 1000;
    const nowText = () => formatAmzDate(now);
    if (signature.source === 'query') {
      const expiresText = signature.expires ?? '';
      if (!/^\d+$/.test(expiresText) || Number(expiresText) < 1)
        return fail(malformedExpires(expiresText));
      const expires = Number(expiresText);
      if (expires > MAX_EXPIRES) return fail(expiresTooLong());
      if (now > signedAt + expires * 1000) {
        return fail(
          signatureExpired(
            signature.amzDate,
            formatAmzDate(now - expires * 1000),
            nowText(),
            `${expires} sec`,
          ),
        );
      }
    } else if (signedAt < now - windowMs) {
      return fail(
        signatureExpired(signature.amzDate, formatAmzDate(now - windowMs), nowText(), '5 min'),
      );
    }
    if (signedAt > now + windowMs) {
      return fail(
        signatureNotYetCurrent(signature.amzDate, formatAmzDate(now + windowMs), nowText()),
      );
    }

    const identity = this.config.identities.find(
      (candidate) => candidate.accessKeyId === accessKeyId,
    );
    if (identity === undefined) return fail(unrecognizedClient());
    const expectedToken = identity.sessionToken ?? undefined;
    if (signature.sessionToken !== expectedToken) return fail(unrecognizedClient());
    if (identity.expiresAt != null && Date.parse(identity.expiresAt) <= now)
      return fail(expiredToken());

    const contentSha256 = headerValues(request.headers, 'x-amz-content-sha256')[0];
    const payloadHash =
      contentSha256?.trim() === UNSIGNED_PAYLOAD
        ? UNSIGNED_PAYLOAD
        : request.body.length === 0
          ? EMPTY_SHA256
          : sha256Hex(request.body);
    const wire = canonicalizeWireRequest({
      method: request.method,
      target: request.target,
      headers: request.headers,
      signedHeaders: signature.signedHeaders,
      payloadHash,
      normalizePath: true,
      doubleEncodePath: true,
      ...(signature.source === 'query' ? { excludeQueryParams: ['X-Amz-Signature'] } : {}),
    });
    // Line 5 of the canonical request is SignedHeaders as the signature gives it: AWS hashes the
    // list as sent, while the signing core writes it lower case, sorted and once per name. A list
    // written any other way ("Host;x-amz-date", "x-amz-date;host", "host;host;x-amz-date") so
    // yields another canonical request, and a signature computed over the canonical list fails.
    const canonicalRequest =
      wire.signedHeaders === signature.signedHeaders
        ? wire.canonicalRequest
        : createCanonicalRequest({
            method: request.method,
            canonicalUri: wire.canonicalUri,
            canonicalQuery: wire.canonicalQuery,
            canonicalHeaders: wire.canonicalHeaders,
            signedHeaders: signature.signedHeaders,
            payloadHash,
          });
    if (isSigV4a) {
      const stringToSign = createStringToSign(
        signature.amzDate,
        getSigV4aCredentialScope(scopeDate, service),
        sha256Hex(canonicalRequest),
        SIGV4A_ALGORITHM,
      );
      const key = await this.sigv4aKeyCache.get(identity.accessKeyId, identity.secretAccessKey);
      const valid = await verifySigV4aSignature(
        key.publicKey,
        stringToSign,
        signature.signature,
        nodeSigningCrypto,
      );
      if (!valid) return fail(signatureMismatch(canonicalRequest, stringToSign), identity.arn);
      return this.authorize(identity, request.method, resourcePath);
    }
    const credentialScope = getCredentialScope(scopeDate, region, service);
    const stringToSign = createStringToSign(
      signature.amzDate,
      credentialScope,
      sha256Hex(canonicalRequest),
    );
    const signingKey = await this.keyCache.get({
      secretAccessKey: identity.secretAccessKey,
      dateStamp: scopeDate,
      region,
      service,
    });
    const expected = createHmac('sha256', signingKey.key as Uint8Array)
      .update(stringToSign)
      .digest('hex');
    if (!sameSignature(expected, signature.signature)) {
      return fail(signatureMismatch(canonicalRequest, stringToSign), identity.arn);
    }
    return this.authorize(identity, request.method, resourcePath);
  }

  /** The policy check after a valid signature. */
  private authorize(identity: GatewayIdentity, method: string, resourcePath: string): Verification {
    const resourceArn = this.resourceArn(method, resourcePath);
    const decision = this.decide(identity, resourceArn);
    if (decision !== 'allow') {
      return {
        ok: false,
        error: accessDenied(identity.arn, resourceArn, decision === 'explicit-deny'),
        callerArn: identity.arn,
      };
    }
    return { ok: true, identity, resourceArn };
  }
}
