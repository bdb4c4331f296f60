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
  PRESIGNED_URL_ORDER,
  REGION_SET_HEADER,
  REGION_SET_QUERY_PARAM,
  SCOPE_TERMINATOR,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
  SIGV4A_ALGORITHM,
  SIGV4A_NEEDS_ECDSA,
  UNSIGNED_PAYLOAD,
} from './constants';
import { getDefaultSigningCrypto } from './crypto/defaultCrypto';
import type { SigningCrypto } from './crypto/signingCrypto';
import { SigningKeyCache, type SigningKey } from './deriveSigningKey';
import { DIGEST_SLOT, DigestTemplate, type TemplatePart } from './digestTemplate';
import { toHex, utf8 } from './encoding';
import {
  formatCanonicalHeaders,
  trimHeaderValue,
  type CanonicalHeaderEntry,
} from './getCanonicalHeaders';
import {
  formatCanonicalQuery,
  mergeSortedEntries,
  type CanonicalQueryEntry,
} from './getCanonicalQuery';
import { getPathRules } from './getCanonicalUri';
import {
  prepareRequest,
  sameShape,
  type PreparedRequest,
  type RequestShape,
} from './prepareRequest';
import type { SigV4aKey, SigV4aKeyCache } from './sigv4a';
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

function bodyBytes(body: RequestBody): Uint8Array {
  if (typeof body === 'string') return utf8(body);
  return body instanceof Uint8Array ? body : new Uint8Array(body);
}

const isEmpty = (body: RequestBody | undefined) =>
  body === undefined || (typeof body === 'string' ? body.length === 0 : body.byteLength === 0);

/** The URL with its query replaced by these pieces (empty pieces left out) and no fragment. */
function withQuery(url: string, pieces: readonly string[]): string {
  const base = url.slice(0, url.search(/[?#]|$/));
  const query = pieces.filter((piece) => piece !== '').join('&');
  return query === '' ? base : `${base}?${query}`;
}

/** SigV4a credential scope: date/service/aws4_request (the regions go in X-Amz-Region-Set). */
export function getSigV4aCredentialScope(dateStamp: string, service: string): string {
  return `${dateStamp}/${service}/${SCOPE_TERMINATOR}`;
}

const EMPTY_KEY_CHAIN = { kDate: '', kRegion: '', kService: '', kSigning: '' } as const;

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

/** The four lines of the string to sign (SigV4 unless another algorithm string is given). */
export function createStringToSign(
  amzDate: string,
  credentialScope: string,
  canonicalRequestHash: string,
  algorithm: string = ALGORITHM,
): string {
  return `${algorithm}\n${amzDate}\n${credentialScope}\n${canonicalRequestHash}`;
}

/** A signer with its own hash implementation, signing-key cache and last prepared request. */
export function createSigner(options: SignerOptions = {}): Signer {
  const crypto = options.crypto ?? getDefaultSigningCrypto();
  const keyCache = new SigningKeyCache(crypto, options.keyCacheSize);
  // SigV4a's code (key derivation, signing) loads on first use: SigV4-only pages never fetch it.
  let sigv4a: Promise<{ module: typeof import('./sigv4a'); cache: SigV4aKeyCache }> | undefined;
  const loadSigV4a = () =>
    (sigv4a ??= import('./sigv4a').then((module) => ({
      module,
      cache: new module.SigV4aKeyCache(crypto, options.keyCacheSize),
    })));
  let lastPrepared: PreparedRequest | undefined;
  let lastStringBody: { body: string; digest: Promise<Uint8Array> } | undefined;

  /**
   * The body's SHA-256. A string body is immutable, so the digest of the last one is kept: signing
   * the same request again (each Send, each keystroke in another field) does not hash an unchanged
   * body again, which for a large body is most of the work. Binary bodies can change in place and
   * are always hashed.
   */
  function digestBody(body: RequestBody): Promise<Uint8Array> {
    if (typeof body !== 'string') return crypto.sha256(bodyBytes(body));
    if (lastStringBody?.body === body) return lastStringBody.digest;
    const digest = crypto.sha256(utf8(body));
    const entry = { body, digest };
    lastStringBody = entry;
    digest.catch(() => {
      if (lastStringBody === entry) lastStringBody = undefined;
    });
    return digest;
  }

  function prepare(shape: RequestShape): PreparedRequest {
    if (lastPrepared === undefined || !sameShape(lastPrepared.shape, shape)) {
      lastPrepared = prepareRequest(shape);
    }
    return lastPrepared;
  }

  async function signRequest(input: SigningInput): Promise<SigningResult> {
    const { credentials, region, service } = input;
    const isS3 = service === 's3';
    const mode = input.mode ?? 'header';

    // Crypto first, JavaScript second: the body digest and the key derivation are started before
    // anything else, and the canonical request is built while they run. After each crypto call
    // only the bytes that depend on its result are written before the next call starts; the
    // artifacts' strings are made while that next call runs.
    // S3 presigned URLs sign UNSIGNED-PAYLOAD: the body is not known when the URL is made
    // (S3 API Reference, "Authenticating Requests: Using Query Parameters").
    const payload = input.payload ?? (isS3 && mode === 'query' ? 'unsigned' : 'signed');
    const knownPayloadHash =
      payload === 'unsigned' ? UNSIGNED_PAYLOAD : isEmpty(input.body) ? EMPTY_SHA256 : undefined;
    const bodyDigestPromise = knownPayloadHash === undefined ? digestBody(input.body!) : undefined;
    const { amzDate, dateStamp } = getAmzDate(input.signingDate);
    const isSigV4a = input.algorithm === 'sigv4a';
    if (isSigV4a && (crypto.importEcdsaP256PrivateKey === undefined || !crypto.ecdsaP256Sign)) {
      throw new Error(SIGV4A_NEEDS_ECDSA);
    }
    const algorithmName = isSigV4a ? SIGV4A_ALGORITHM : ALGORITHM;
    const signingKeyPromise: Promise<SigningKey | SigV4aKey> = isSigV4a
      ? loadSigV4a().then(({ cache }) =>
          cache.get(credentials.accessKeyId, credentials.secretAccessKey),
        )
      : keyCache.get({
          secretAccessKey: credentials.secretAccessKey,
          dateStamp,
          region,
          service,
        });
    // The SigV4 cache's promises carry their own handler; this wrapper needs one too, in case
    // a step below throws before it is awaited (the error still reaches the await).
    if (isSigV4a) signingKeyPromise.catch(() => undefined);
    const regionSet = isSigV4a ? (input.regionSet ?? [region]).join(',') : undefined;

    const sessionToken = credentials.sessionToken || undefined;
    const signSessionToken = input.signSessionToken ?? true;
    const contentSha256Header = mode === 'header' && (input.contentSha256Header ?? isS3);
    const credentialScope = isSigV4a
      ? getSigV4aCredentialScope(dateStamp, service)
      : getCredentialScope(dateStamp, region, service);
    const prepared = prepare({
      url: input.url,
      headers: input.headers ?? [],
      mode,
      addsSessionToken: mode === 'header' && sessionToken !== undefined,
      addsContentSha256: contentSha256Header,
      addsRegionSet: isSigV4a && mode === 'header',
      ...getPathRules(input),
      unsignedHeaders: input.unsignedHeaders ?? [],
    });

    const payloadPart = knownPayloadHash ?? DIGEST_SLOT;
    let canonicalQuery = prepared.canonicalQuery;
    let authParams: CanonicalQueryEntry[] = [];
    let headerParts: TemplatePart[];
    let signedHeaders: string;
    if (mode === 'query') {
      // Presigned URLs carry date and token as parameters, so the headers are the request's own.
      const formatted = formatCanonicalHeaders(prepared.headerEntries);
      signedHeaders = formatted.signedHeaders;
      headerParts = [formatted.canonicalHeaders];
      // Listed in canonical (sorted) order, so one merge places them among the request's own.
      authParams = [
        [ALGORITHM_QUERY_PARAM, algorithmName],
        [CREDENTIAL_QUERY_PARAM, uriEncode(`${credentials.accessKeyId}/${credentialScope}`)],
        [AMZ_DATE_QUERY_PARAM, amzDate],
        [EXPIRES_QUERY_PARAM, String(input.expiresIn ?? DEFAULT_EXPIRES_IN)],
      ];
      if (regionSet !== undefined) authParams.push([REGION_SET_QUERY_PARAM, uriEncode(regionSet)]);
      if (sessionToken && signSessionToken) {
        authParams.push([SECURITY_TOKEN_QUERY_PARAM, uriEncode(sessionToken)]);
      }
      authParams.push([SIGNED_HEADERS_QUERY_PARAM, uriEncode(signedHeaders)]);
      canonicalQuery = formatCanonicalQuery(mergeSortedEntries(prepared.queryEntries, authParams));
    } else {
      // In canonical (sorted) order: x-amz-date, x-amz-region-set, x-amz-security-token.
      const signerEntries: CanonicalHeaderEntry[] = [[AMZ_DATE_HEADER.toLowerCase(), amzDate]];
      if (regionSet !== undefined) {
        signerEntries.push([REGION_SET_HEADER.toLowerCase(), trimHeaderValue(regionSet)]);
      }
      if (sessionToken && signSessionToken) {
        signerEntries.push([SECURITY_TOKEN_HEADER.toLowerCase(), trimHeaderValue(sessionToken)]);
      }
      const entries = mergeSortedEntries(prepared.headerEntries, signerEntries);
      if (contentSha256Header) {
        // x-amz-content-sha256 carries the payload hash too: split the block around its line.
        const before = entries.filter(([name]) => name < CONTENT_SHA256_HEADER);
        const after = entries.filter(([name]) => name > CONTENT_SHA256_HEADER);
        const head = formatCanonicalHeaders(before);
        const tail = formatCanonicalHeaders(after);
        headerParts = [
          `${head.canonicalHeaders}${CONTENT_SHA256_HEADER}:`,
          payloadPart,
          `\n${tail.canonicalHeaders}`,
        ];
        signedHeaders = [head.signedHeaders, CONTENT_SHA256_HEADER, tail.signedHeaders]
          .filter((names) => names !== '')
          .join(';');
      } else {
        const formatted = formatCanonicalHeaders(entries);
        headerParts = [formatted.canonicalHeaders];
        signedHeaders = formatted.signedHeaders;
      }
    }
    const canonicalRequestTemplate = new DigestTemplate([
      `${input.method}\n${prepared.canonicalUri}\n${canonicalQuery}\n`,
      ...headerParts,
      `\n${signedHeaders}\n`,
      payloadPart,
    ]);
    const bodyDigest = bodyDigestPromise === undefined ? undefined : await bodyDigestPromise;
    const canonicalRequestDigestPromise = crypto.sha256(
      bodyDigest === undefined
        ? canonicalRequestTemplate.bytes
        : canonicalRequestTemplate.fill(bodyDigest),
    );
    const payloadHash = knownPayloadHash ?? toHex(bodyDigest!);
    const canonicalRequest = canonicalRequestTemplate.text(payloadHash);
    const stringToSignTemplate = new DigestTemplate([
      `${algorithmName}\n${amzDate}\n${credentialScope}\n`,
      DIGEST_SLOT,
    ]);
    const canonicalHeaders =
      headerParts.length === 1
        ? (headerParts[0] as string)
        : headerParts.map((part) => (part === DIGEST_SLOT ? payloadHash : part)).join('');
    const headers = prepared.headers.slice();
    if (mode === 'header') {
      headers.push([AMZ_DATE_HEADER, amzDate]);
      if (sessionToken) headers.push([SECURITY_TOKEN_HEADER, sessionToken]);
      if (contentSha256Header) headers.push([CONTENT_SHA256_HEADER, payloadHash]);
      if (regionSet !== undefined) headers.push([REGION_SET_HEADER, regionSet]);
    }

    const canonicalRequestDigest = await canonicalRequestDigestPromise;
    const signingKey = await signingKeyPromise;
    const stringToSignBytes = stringToSignTemplate.fill(canonicalRequestDigest);
    const signaturePromise: Promise<Uint8Array | string> =
      'publicKey' in signingKey
        ? loadSigV4a().then(({ module }) =>
            module.sigv4aSign(crypto, signingKey, stringToSignBytes),
          )
        : crypto.hmacSha256(signingKey.key, stringToSignBytes);
    const canonicalRequestHash = toHex(canonicalRequestDigest);
    const stringToSign = stringToSignTemplate.text(canonicalRequestHash);
    const signatureOutput = await signaturePromise;
    const signature =
      typeof signatureOutput === 'string' ? signatureOutput : toHex(signatureOutput);
    let url = prepared.droppedAuthParams ? withQuery(input.url, prepared.wirePieces) : input.url;
    let authorization: string | undefined;
    if (mode === 'header') {
      authorization = `${algorithmName} Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
      headers.push([AUTHORIZATION_HEADER, authorization]);
    } else {
      // The usual order of AWS's presigners; the server sorts anyway.
      const appended = PRESIGNED_URL_ORDER.flatMap((name) => {
        const param = authParams.find(([paramName]) => paramName === name);
        return param ? [`${param[0]}=${param[1]}`] : [];
      });
      if (sessionToken && !signSessionToken) {
        appended.push(`${SECURITY_TOKEN_QUERY_PARAM}=${uriEncode(sessionToken)}`);
      }
      appended.push(`${SIGNATURE_QUERY_PARAM}=${signature}`);
      url = withQuery(input.url, [...prepared.wirePieces, ...appended]);
    }

    const common = {
      canonicalUri: prepared.canonicalUri,
      canonicalQuery,
      canonicalHeaders,
      signedHeaders,
      payloadHash,
      canonicalRequest,
      canonicalRequestHash,
      amzDate,
      credentialScope,
      stringToSign,
      signature,
      headers,
      url,
    };
    const result: SigningResult =
      'publicKey' in signingKey
        ? {
            ...common,
            algorithm: 'sigv4a',
            signingKeyChain: { ...EMPTY_KEY_CHAIN },
            sigv4a: {
              regionSet: regionSet!,
              publicKey: { ...signingKey.publicKey },
              derivation: { counter: signingKey.counter, kdfInputHex: signingKey.kdfInputHex },
            },
          }
        : { ...common, algorithm: 'sigv4', signingKeyChain: signingKey.chain };
    if (authorization !== undefined) result.authorization = authorization;
    return result;
  }

  return {
    signRequest,
    clearKeyCache: () => {
      keyCache.clear();
      void sigv4a?.then(({ cache }) => cache.clear());
    },
    crypto,
  };
}

let defaultSigner: Signer | undefined;

/** Signs with the default signer (WebCrypto where available). */
export function signRequest(input: SigningInput): Promise<SigningResult> {
  defaultSigner ??= createSigner();
  return defaultSigner.signRequest(input);
}
