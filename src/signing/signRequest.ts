// The signer: the steps of "Create a signed AWS API request" in the order AWS documents them
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html),
// and createSigner, the wrapper that holds every cache so that the steps stay plain.
import {
  ALGORITHM,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  EMPTY_SHA256,
  SIGV4A_ALGORITHM,
  SIGV4A_NEEDS_ECDSA,
  UNSIGNED_PAYLOAD,
} from './constants';
import { getCredentialScope, getSigV4aCredentialScope } from './createStringToSign';
import { getDefaultSigningCrypto } from './crypto/defaultCrypto';
import type { SigningCrypto } from './crypto/signingCrypto';
import { SigningKeyCache, type SigningKey } from './deriveSigningKey';
import { DIGEST_SLOT, DigestTemplate, type TemplatePart } from './digestTemplate';
import { toHex, utf8 } from './encoding';
import { formatCanonicalHeaders, type CanonicalHeaderEntry } from './getCanonicalHeaders';
import { formatCanonicalQuery, mergeSortedEntries } from './getCanonicalQuery';
import {
  prepareRequest,
  sameShape,
  type PreparedRequest,
  type RequestShape,
} from './prepareRequest';
import { resolveSigningOptions } from './resolveSigningOptions';
import {
  getPresignedUrl,
  getPresignParams,
  getSignerHeaderEntries,
  addSignerHeaders,
  withQuery,
  type SignatureScope,
} from './signerAdditions';
import type { SigV4aKey, SigV4aKeyCache } from './sigv4a';
import { getAmzDate, type AmzDate } from './signingDate';
import type { EffectiveSigningOptions, RequestBody, SigningInput, SigningResult } from './types';

// The public names of the signing core that index.ts takes from here.
export { createCanonicalRequest } from './createCanonicalRequest';
export {
  createStringToSign,
  getCredentialScope,
  getSigV4aCredentialScope,
} from './createStringToSign';
export { DEFAULT_EXPIRES_IN } from './resolveSigningOptions';

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

/** What the steps need from the signer around them: its crypto, and a cache for each slow part. */
interface SigningCaches {
  crypto: SigningCrypto;
  /** X-Amz-Date and the scope's date of the signing instant. */
  amzDate(signingDate: Date): AmzDate;
  /** SHA-256 of a body that is not empty. */
  digestBody(body: RequestBody): Promise<Uint8Array>;
  /** The canonical path, query and headers of the request itself. */
  prepare(shape: RequestShape): PreparedRequest;
  signingKey(scope: {
    secretAccessKey: string;
    dateStamp: string;
    region: string;
    service: string;
  }): Promise<SigningKey>;
  sigv4aKey(accessKeyId: string, secretAccessKey: string): Promise<SigV4aKey>;
  sigv4aSign(key: SigV4aKey, data: Uint8Array): Promise<string>;
}

/**
 * The canonical headers (a DigestTemplate's parts: x-amz-content-sha256's value is the payload
 * hash, a slot until it is known) and the signed-header list. In header mode the signer's own
 * headers are merged in; a presigned URL carries those as parameters instead.
 */
function getCanonicalHeaderParts(
  prepared: PreparedRequest,
  signerEntries: readonly CanonicalHeaderEntry[],
  options: EffectiveSigningOptions,
  payloadPart: TemplatePart,
): { parts: TemplatePart[]; signedHeaders: string } {
  const entries = mergeSortedEntries(prepared.headerEntries, signerEntries);
  if (!options.contentSha256Header) {
    const formatted = formatCanonicalHeaders(entries);
    return { parts: [formatted.canonicalHeaders], signedHeaders: formatted.signedHeaders };
  }
  // Split the block around x-amz-content-sha256's line.
  const head = formatCanonicalHeaders(entries.filter(([name]) => name < CONTENT_SHA256_HEADER));
  const tail = formatCanonicalHeaders(entries.filter(([name]) => name > CONTENT_SHA256_HEADER));
  return {
    parts: [
      `${head.canonicalHeaders}${CONTENT_SHA256_HEADER}:`,
      payloadPart,
      `\n${tail.canonicalHeaders}`,
    ],
    signedHeaders: [head.signedHeaders, CONTENT_SHA256_HEADER, tail.signedHeaders]
      .filter((names) => names !== '')
      .join(';'),
  };
}

const isEmpty = (body: RequestBody | undefined) =>
  body === undefined || (typeof body === 'string' ? body.length === 0 : body.byteLength === 0);

const EMPTY_KEY_CHAIN = { kDate: '', kRegion: '', kService: '', kSigning: '' } as const;

/**
 * Signs one request. Each crypto call is started as soon as its input is known and the strings
 * that do not feed it are written while it runs: the body hash and the signing key first, the
 * canonical request while they are computed, and so on down the steps.
 */
async function signWith(caches: SigningCaches, input: SigningInput): Promise<SigningResult> {
  const { credentials, region, service } = input;
  const { crypto } = caches;
  const options = resolveSigningOptions(input);
  const { mode } = options;
  const isSigV4a = input.algorithm === 'sigv4a';
  if (isSigV4a && (crypto.importEcdsaP256PrivateKey === undefined || !crypto.ecdsaP256Sign)) {
    throw new Error(SIGV4A_NEEDS_ECDSA);
  }
  const { amzDate, dateStamp } = caches.amzDate(input.signingDate);
  const scope: SignatureScope = {
    algorithm: isSigV4a ? SIGV4A_ALGORITHM : ALGORITHM,
    accessKeyId: credentials.accessKeyId,
    amzDate,
    credentialScope: isSigV4a
      ? getSigV4aCredentialScope(dateStamp, service)
      : getCredentialScope(dateStamp, region, service),
    regionSet: isSigV4a ? (input.regionSet ?? [region]).join(',') : undefined,
    sessionToken: options.sessionToken === 'none' ? undefined : credentials.sessionToken,
  };

  // The payload hash (the last line of the canonical request) and the signing key (step 4)
  // take longest: both start first.
  const knownPayloadHash =
    options.payload === 'unsigned'
      ? UNSIGNED_PAYLOAD
      : isEmpty(input.body)
        ? EMPTY_SHA256
        : undefined;
  const bodyDigestPromise =
    knownPayloadHash === undefined ? caches.digestBody(input.body!) : undefined;
  const signingKeyPromise: Promise<SigningKey | SigV4aKey> = isSigV4a
    ? caches.sigv4aKey(credentials.accessKeyId, credentials.secretAccessKey)
    : caches.signingKey({
        secretAccessKey: credentials.secretAccessKey,
        dateStamp,
        region,
        service,
      });
  // The SigV4 cache's promises carry their own handler; this one needs one too, in case a step
  // below throws before it is awaited (the error still reaches the await).
  if (isSigV4a) signingKeyPromise.catch(() => undefined);

  // Step 1: the canonical request, with a slot for the payload hash until it is known.
  const prepared = caches.prepare({
    url: input.url,
    headers: input.headers ?? [],
    mode,
    addsSessionToken: mode === 'header' && scope.sessionToken !== undefined,
    addsContentSha256: options.contentSha256Header,
    addsRegionSet: isSigV4a && mode === 'header',
    normalizePath: options.normalizePath,
    doubleEncodePath: options.doubleEncodePath,
    unsignedHeaders: input.unsignedHeaders ?? [],
  });
  const payloadPart = knownPayloadHash ?? DIGEST_SLOT;
  const canonicalHeaders = getCanonicalHeaderParts(
    prepared,
    mode === 'header' ? getSignerHeaderEntries(scope, options) : [],
    options,
    payloadPart,
  );
  const { signedHeaders } = canonicalHeaders;
  const presignParams = mode === 'query' ? getPresignParams(scope, options, signedHeaders) : [];
  const canonicalQuery =
    mode === 'query'
      ? formatCanonicalQuery(mergeSortedEntries(prepared.queryEntries, presignParams))
      : prepared.canonicalQuery;
  const canonicalRequestTemplate = new DigestTemplate([
    `${input.method}\n${prepared.canonicalUri}\n${canonicalQuery}\n`,
    ...canonicalHeaders.parts,
    `\n${signedHeaders}\n`,
    payloadPart,
  ]);

  // Step 2: the canonical request's hash, started as soon as the payload hash is written in.
  const bodyDigest = bodyDigestPromise === undefined ? undefined : await bodyDigestPromise;
  const canonicalRequestDigestPromise = crypto.sha256(
    bodyDigest === undefined
      ? canonicalRequestTemplate.bytes
      : canonicalRequestTemplate.fill(bodyDigest),
  );
  const payloadHash = knownPayloadHash ?? toHex(bodyDigest!);
  const canonicalRequest = canonicalRequestTemplate.text(payloadHash);
  const canonicalHeadersText =
    canonicalHeaders.parts.length === 1
      ? (canonicalHeaders.parts[0] as string)
      : canonicalHeaders.parts.map((part) => (part === DIGEST_SLOT ? payloadHash : part)).join('');
  const headers = prepared.headers.slice();
  if (mode === 'header') addSignerHeaders(headers, scope, options, payloadHash);

  // Step 3: the string to sign, started as soon as the canonical request's hash is written in.
  const stringToSignTemplate = new DigestTemplate([
    `${scope.algorithm}\n${amzDate}\n${scope.credentialScope}\n`,
    DIGEST_SLOT,
  ]);
  const canonicalRequestDigest = await canonicalRequestDigestPromise;
  // Steps 4 and 5: the signing key, and the signature with it.
  const signingKey = await signingKeyPromise;
  const stringToSignBytes = stringToSignTemplate.fill(canonicalRequestDigest);
  const signaturePromise: Promise<Uint8Array | string> =
    'publicKey' in signingKey
      ? caches.sigv4aSign(signingKey, stringToSignBytes)
      : crypto.hmacSha256(signingKey.key, stringToSignBytes);
  const canonicalRequestHash = toHex(canonicalRequestDigest);
  const stringToSign = stringToSignTemplate.text(canonicalRequestHash);
  const signatureOutput = await signaturePromise;
  const signature = typeof signatureOutput === 'string' ? signatureOutput : toHex(signatureOutput);

  // Step 6: add the signature to the request: an Authorization header, or the presigned URL.
  let url = prepared.droppedAuthParams ? withQuery(input.url, prepared.wirePieces) : input.url;
  let authorization: string | undefined;
  if (mode === 'header') {
    authorization = `${scope.algorithm} Credential=${credentials.accessKeyId}/${scope.credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    headers.push([AUTHORIZATION_HEADER, authorization]);
  } else {
    url = getPresignedUrl(input.url, prepared, presignParams, scope, options, signature);
  }

  const common = {
    canonicalUri: prepared.canonicalUri,
    canonicalQuery,
    canonicalHeaders: canonicalHeadersText,
    signedHeaders,
    payloadHash,
    canonicalRequest,
    canonicalRequestHash,
    amzDate,
    credentialScope: scope.credentialScope,
    stringToSign,
    signature,
    headers,
    url,
    options,
  };
  const result: SigningResult =
    'publicKey' in signingKey
      ? {
          ...common,
          algorithm: 'sigv4a',
          signingKeyChain: { ...EMPTY_KEY_CHAIN },
          sigv4a: {
            regionSet: scope.regionSet!,
            publicKey: { ...signingKey.publicKey },
            derivation: { counter: signingKey.counter, kdfInputHex: signingKey.kdfInputHex },
          },
        }
      : { ...common, algorithm: 'sigv4', signingKeyChain: signingKey.chain };
  if (authorization !== undefined) result.authorization = authorization;
  return result;
}

/**
 * A signer with its own crypto and caches: signing keys (a bounded LRU per scope), the SigV4a
 * module and keys (loaded on first use: SigV4-only pages never fetch them), the canonical form of
 * the last request, the formatting of the last signing instant and the hash of the last string
 * body. Signing the same request again (each Send, each keystroke in another field) then redoes
 * only the time-dependent work.
 */
export function createSigner(options: SignerOptions = {}): Signer {
  const crypto = options.crypto ?? getDefaultSigningCrypto();
  const keyCache = new SigningKeyCache(crypto, options.keyCacheSize);
  let sigv4a: Promise<{ module: typeof import('./sigv4a'); cache: SigV4aKeyCache }> | undefined;
  const loadSigV4a = () =>
    (sigv4a ??= import('./sigv4a').then((module) => ({
      module,
      cache: new module.SigV4aKeyCache(crypto, options.keyCacheSize),
    })));
  let lastPrepared: PreparedRequest | undefined;
  let lastDate: { time: number; formatted: AmzDate } | undefined;
  let lastStringBody: { body: string; digest: Promise<Uint8Array> } | undefined;

  const caches: SigningCaches = {
    crypto,
    // Signing again at the same instant (a fixed signing time) reuses its formatting.
    amzDate(signingDate) {
      const time = signingDate.getTime();
      if (lastDate?.time !== time) lastDate = { time, formatted: getAmzDate(signingDate) };
      return lastDate.formatted;
    },
    // A string body is immutable, so the digest of the last one is kept: for a large body that
    // is most of the work. Binary bodies can change in place and are always hashed.
    digestBody(body) {
      if (typeof body !== 'string') {
        return crypto.sha256(body instanceof Uint8Array ? body : new Uint8Array(body));
      }
      if (lastStringBody?.body === body) return lastStringBody.digest;
      const digest = crypto.sha256(utf8(body));
      const entry = { body, digest };
      lastStringBody = entry;
      digest.catch(() => {
        if (lastStringBody === entry) lastStringBody = undefined;
      });
      return digest;
    },
    prepare(shape) {
      if (lastPrepared === undefined || !sameShape(lastPrepared.shape, shape)) {
        lastPrepared = prepareRequest(shape);
      }
      return lastPrepared;
    },
    signingKey: (scope) => keyCache.get(scope),
    sigv4aKey: (accessKeyId, secretAccessKey) =>
      loadSigV4a().then(({ cache }) => cache.get(accessKeyId, secretAccessKey)),
    sigv4aSign: (key, data) =>
      loadSigV4a().then(({ module }) => module.sigv4aSign(crypto, key, data)),
  };

  return {
    signRequest: (input) => signWith(caches, input),
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
