import type { SigningKeyChain } from './deriveSigningKey';
import type { HeaderList } from './getCanonicalHeaders';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Session token of temporary (ASIA…) credentials. */
  sessionToken?: string | undefined;
}

export type SigningMode = 'header' | 'query';
export type PayloadOption = 'signed' | 'unsigned';
export type RequestBody = string | Uint8Array | ArrayBuffer;

export interface SigningInput {
  method: string;
  /** Absolute URL; path and query exactly as they will go on the wire (not re-encoded here). */
  url: string;
  /** Header pairs in request order; repeated names are kept. */
  headers?: HeaderList;
  body?: RequestBody | undefined;
  credentials: Credentials;
  region: string;
  service: string;
  /** The signing instant; the signer never reads the clock. */
  signingDate: Date;
  /** 'header': Authorization header. 'query': presigned URL. Default 'header'. */
  mode?: SigningMode;
  /** Presigned URL lifetime in seconds, 1..604800. Default 3600. Query mode only. */
  expiresIn?: number;
  /** 'unsigned' puts UNSIGNED-PAYLOAD in place of the body hash. Default 'signed'. */
  payload?: PayloadOption;
  /** Add and sign x-amz-content-sha256 (header mode; S3 requires it). Default: service is s3. */
  contentSha256Header?: boolean;
  /** Remove '.', '..' and empty path segments. Default: every service but s3. */
  normalizePath?: boolean;
  /** Encode the wire path once more (segments end up encoded twice). Default: every service but s3. */
  doubleEncodePath?: boolean;
  /** false: X-Amz-Security-Token is added after signing and left unsigned. Default true. */
  signSessionToken?: boolean;
  /** Header names (any case) to leave out of the signature, besides those never signed. */
  unsignedHeaders?: readonly string[];
  /** 'sigv4' (AWS4-HMAC-SHA256) or 'sigv4a' (AWS4-ECDSA-P256-SHA256). Default 'sigv4'. */
  algorithm?: SigningAlgorithm;
  /** SigV4a only: the regions the signature is valid in (X-Amz-Region-Set). Default [region]. */
  regionSet?: readonly string[];
}

export type SigningAlgorithm = 'sigv4' | 'sigv4a';

/**
 * The options a signature was made with: the input's own, and for each one it left out the
 * default the signer chose (most follow the service: S3 differs from all others). Whatever shows
 * or exports a signature reads these instead of working the defaults out again.
 */
export interface EffectiveSigningOptions {
  mode: SigningMode;
  /** 'unsigned': UNSIGNED-PAYLOAD took the body hash's place (S3 presigned URLs by default). */
  payload: PayloadOption;
  /** '.', '..' and empty path segments were removed (every service but S3). */
  normalizePath: boolean;
  /** The wire path was encoded once more (every service but S3). */
  doubleEncodePath: boolean;
  /** The signer added and signed x-amz-content-sha256 (header mode only; S3 by default). */
  contentSha256Header: boolean;
  /**
   * 'signed': the session token went in the signature (X-Amz-Security-Token header or query
   * parameter); 'unsigned': it was added after signing; 'none': there was no token.
   */
  sessionToken: 'signed' | 'unsigned' | 'none';
  /** The presigned URL's lifetime in seconds (X-Amz-Expires); query mode only. */
  expiresIn?: number;
}

/** What a SigV4a signature used instead of the HMAC key chain. The private key is never exposed. */
export interface SigV4aInfo {
  /** The X-Amz-Region-Set value as signed, e.g. "us-east-1" or "us-east-1,eu-*". */
  regionSet: string;
  /** The public key of the derived key pair: affine P-256 coordinates, lower-case hex. */
  publicKey: { x: string; y: string };
  derivation: {
    /** The KDF counter that gave a valid scalar (1 for nearly every key). */
    counter: number;
    /** The KDF input of that counter, hex. */
    kdfInputHex: string;
    privateKeyHex?: never;
  };
}

/**
 * Every artifact of a SigV4 or SigV4a signature, each exactly as AWS defines it. Discriminated by
 * `algorithm`: `sigv4a` is set exactly for SigV4a. For SigV4a there is no HMAC key chain, so
 * `signingKeyChain` holds empty strings (kept so code written for SigV4 still type-checks).
 */
export type SigningResult = SigningResultBase &
  ({ algorithm: 'sigv4'; sigv4a?: undefined } | { algorithm: 'sigv4a'; sigv4a: SigV4aInfo });

export interface SigningResultBase {
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
  canonicalRequest: string;
  canonicalRequestHash: string;
  amzDate: string;
  /** SigV4: date/region/service/aws4_request. SigV4a: date/service/aws4_request. */
  credentialScope: string;
  stringToSign: string;
  /** SigV4's HMAC chain; empty strings for SigV4a (see `sigv4a`). */
  signingKeyChain: SigningKeyChain;
  /** SigV4: 64 hex characters. SigV4a: a DER ECDSA signature in hex (randomized). */
  signature: string;
  /** The Authorization header value (header mode only). */
  authorization?: string;
  /** The headers to send, in order: the request's own, then those the signer added. */
  headers: Array<[name: string, value: string]>;
  /** The URL to send; in query mode, the presigned URL. */
  url: string;
  /** The options as applied, defaults included. */
  options: EffectiveSigningOptions;
}
