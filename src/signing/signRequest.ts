import {
  ALGORITHM,
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AMZ_DATE_QUERY_PARAM,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  CREDENTIAL_QUERY_PARAM,
  EMPTY_SHA256,
  EXPIRES_QUERY_PARAM,
  HOST_HEADER,
  NEVER_SIGNED_HEADERS,
  PRESIGN_QUERY_PARAMS,
  SCOPE_TERMINATOR,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
  UNSIGNED_PAYLOAD,
} from './constants';
import { getDefaultSigningCrypto } from './crypto/defaultCrypto';
import type { SigningCrypto } from './crypto/signingCrypto';
import { SigningKeyCache } from './deriveSigningKey';
import { toHex, utf8 } from './encoding';
import { getCanonicalHeaders } from './getCanonicalHeaders';
import { getCanonicalQuery, parseQuery, type QueryParam } from './getCanonicalQuery';
import { getCanonicalUri } from './getCanonicalUri';
import { parseUrl } from './parseUrl';
import { getAmzDate } from './signingDate';
import type { RequestBody, SigningInput, SigningResult } from './types';
import { uriEncode } from './uriEncode';

export interface SignerOptions {
  /** Hash and HMAC implementation. Default: WebCrypto where available, else pure JS. */
  crypto?: SigningCrypto;
  /** How many signing keys to keep (per secret, date, region and service). Default 16. */
  keyCacheSize?: number;
}

export interface Signer {
  signRequest(input: SigningInput): Promise<SigningResult>;
  /** Forgets every cached signing key. */
  clearKeyCache(): void;
  readonly crypto: SigningCrypto;
}

export const DEFAULT_EXPIRES_IN = 3600;

function bodyBytes(body: RequestBody | undefined): Uint8Array {
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === 'string') return utf8(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

/** The URL with its query replaced by these pieces (empty pieces left out) and no fragment. */
function withQuery(url: string, pieces: readonly string[]): string {
  const base = url.slice(0, url.search(/[?#]|$/));
  const query = pieces.filter((piece) => piece !== '').join('&');
  return query === '' ? base : `${base}?${query}`;
}

/** Credential scope: date/region/service/aws4_request. */
export function getCredentialScope(dateStamp: string, region: string, service: string): string {
  return `${dateStamp}/${region}/${service}/${SCOPE_TERMINATOR}`;
}

/** The six lines of the canonical request; canonicalHeaders ends in '\n', hence the empty line. */
export function createCanonicalRequest(parts: {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
}): string {
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQuery,
    parts.canonicalHeaders,
    parts.signedHeaders,
    parts.payloadHash,
  ].join('\n');
}

/** The four lines of the string to sign. */
export function createStringToSign(
  amzDate: string,
  credentialScope: string,
  canonicalRequestHash: string,
): string {
  return `${ALGORITHM}\n${amzDate}\n${credentialScope}\n${canonicalRequestHash}`;
}

/** A signer with its own hash implementation and signing-key cache. */
export function createSigner(options: SignerOptions = {}): Signer {
  const crypto = options.crypto ?? getDefaultSigningCrypto();
  const keyCache = new SigningKeyCache(crypto, options.keyCacheSize);

  async function signRequest(input: SigningInput): Promise<SigningResult> {
    const { credentials, region, service } = input;
    const { amzDate, dateStamp } = getAmzDate(input.signingDate);
    const isS3 = service === 's3';
    const mode = input.mode ?? 'header';
    const sessionToken = credentials.sessionToken || undefined;
    const signSessionToken = input.signSessionToken ?? true;
    const contentSha256Header = mode === 'header' && (input.contentSha256Header ?? isS3);
    const credentialScope = getCredentialScope(dateStamp, region, service);

    // The key derivation does not depend on the request: start it now so its HMACs run while
    // the payload and the canonical request are hashed.
    const signingKeyPromise = keyCache.get({
      secretAccessKey: credentials.secretAccessKey,
      dateStamp,
      region,
      service,
    });

    const body = bodyBytes(input.body);
    // S3 presigned URLs sign UNSIGNED-PAYLOAD: the body is not known when the URL is made
    // (S3 API Reference, "Authenticating Requests: Using Query Parameters").
    const payload = input.payload ?? (isS3 && mode === 'query' ? 'unsigned' : 'signed');
    const payloadHash =
      payload === 'unsigned'
        ? UNSIGNED_PAYLOAD
        : body.length === 0
          ? EMPTY_SHA256
          : toHex(await crypto.sha256(body));

    // Headers the signer sets are replaced, never duplicated, so re-signing a signed request works.
    const owned = new Set([AUTHORIZATION_HEADER.toLowerCase()]);
    if (mode === 'header') owned.add(AMZ_DATE_HEADER.toLowerCase());
    if (mode === 'header' && sessionToken) owned.add(SECURITY_TOKEN_HEADER.toLowerCase());
    if (contentSha256Header) owned.add(CONTENT_SHA256_HEADER);
    const headers: Array<[string, string]> = [];
    let hasHost = false;
    for (const [name, value] of input.headers ?? []) {
      const lower = name.toLowerCase();
      if (owned.has(lower)) continue;
      if (lower === HOST_HEADER) hasHost = true;
      headers.push([name, value]);
    }
    const url = parseUrl(input.url);
    if (!hasHost) headers.unshift([HOST_HEADER, url.host]);

    let unsignedToken = false;
    if (mode === 'header') {
      headers.push([AMZ_DATE_HEADER, amzDate]);
      if (sessionToken) headers.push([SECURITY_TOKEN_HEADER, sessionToken]);
      if (contentSha256Header) headers.push([CONTENT_SHA256_HEADER, payloadHash]);
      unsignedToken = Boolean(sessionToken) && !signSessionToken;
    }

    const unsigned = new Set(NEVER_SIGNED_HEADERS);
    for (const name of input.unsignedHeaders ?? []) unsigned.add(name.toLowerCase());
    if (unsignedToken) unsigned.add(SECURITY_TOKEN_HEADER.toLowerCase());
    // SigV4 always signs host, and x-amz-date whenever it is sent ("Create a canonical request").
    unsigned.delete(HOST_HEADER);
    unsigned.delete(AMZ_DATE_HEADER.toLowerCase());
    const { canonicalHeaders, signedHeaders } = getCanonicalHeaders(
      headers,
      (name) => !unsigned.has(name),
    );

    // The request's own parameters. Those of an earlier presigned URL are dropped in both modes:
    // a request carries one signature only (AWS: "Only one auth mechanism allowed").
    const allPieces = url.query === null ? [] : url.query.split('&');
    const wirePieces = allPieces.filter((piece) => {
      const eq = piece.indexOf('=');
      return !PRESIGN_QUERY_PARAMS.has(eq < 0 ? piece : piece.slice(0, eq));
    });
    const droppedAuthParams = wirePieces.length !== allPieces.length;
    const queryParams: QueryParam[] = parseQuery(url.query === null ? null : wirePieces.join('&'));
    const authParams: QueryParam[] = [];
    if (mode === 'query') {
      authParams.push(
        { name: ALGORITHM_QUERY_PARAM, value: ALGORITHM },
        {
          name: CREDENTIAL_QUERY_PARAM,
          value: uriEncode(`${credentials.accessKeyId}/${credentialScope}`),
        },
        { name: AMZ_DATE_QUERY_PARAM, value: amzDate },
        { name: EXPIRES_QUERY_PARAM, value: String(input.expiresIn ?? DEFAULT_EXPIRES_IN) },
        { name: SIGNED_HEADERS_QUERY_PARAM, value: uriEncode(signedHeaders) },
      );
      if (sessionToken && signSessionToken) {
        authParams.push({ name: SECURITY_TOKEN_QUERY_PARAM, value: uriEncode(sessionToken) });
      }
    }
    const canonicalQuery = getCanonicalQuery(
      authParams.length === 0 ? queryParams : [...queryParams, ...authParams],
    );

    const canonicalUri = getCanonicalUri(url.path, {
      normalizePath: input.normalizePath ?? !isS3,
      doubleEncodePath: input.doubleEncodePath ?? !isS3,
    });
    const canonicalRequest = createCanonicalRequest({
      method: input.method,
      canonicalUri,
      canonicalQuery,
      canonicalHeaders,
      signedHeaders,
      payloadHash,
    });
    const canonicalRequestHash = toHex(await crypto.sha256(utf8(canonicalRequest)));
    const stringToSign = createStringToSign(amzDate, credentialScope, canonicalRequestHash);
    const signingKey = await signingKeyPromise;
    const signature = toHex(await crypto.hmacSha256(signingKey.key, utf8(stringToSign)));

    const result: SigningResult = {
      canonicalUri,
      canonicalQuery,
      canonicalHeaders,
      signedHeaders,
      payloadHash,
      canonicalRequest,
      canonicalRequestHash,
      amzDate,
      credentialScope,
      stringToSign,
      signingKeyChain: signingKey.chain,
      signature,
      headers,
      url: droppedAuthParams ? withQuery(input.url, wirePieces) : input.url,
    };
    if (mode === 'header') {
      result.authorization = `${ALGORITHM} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
      headers.push([AUTHORIZATION_HEADER, result.authorization]);
    } else {
      const appended = authParams.map(({ name, value }) => `${name}=${value}`);
      if (sessionToken && !signSessionToken) {
        appended.push(`${SECURITY_TOKEN_QUERY_PARAM}=${uriEncode(sessionToken)}`);
      }
      appended.push(`${SIGNATURE_QUERY_PARAM}=${signature}`);
      result.url = withQuery(input.url, [...wirePieces, ...appended]);
    }
    return result;
  }

  return {
    signRequest,
    clearKeyCache: () => keyCache.clear(),
    crypto,
  };
}

let defaultSigner: Signer | undefined;

/** Signs with the default signer (WebCrypto where available). */
export function signRequest(input: SigningInput): Promise<SigningResult> {
  defaultSigner ??= createSigner();
  return defaultSigner.signRequest(input);
}
