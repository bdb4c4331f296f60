import type { SigningKeyChain } from './deriveSigningKey';
import type { HeaderList } from './getCanonicalHeaders';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Session token of temporary (ASIA…) credentials. */
  sessionToken?: string;
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
  body?: RequestBody;
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
}

/** Every artifact of a SigV4 signature, each exactly as AWS defines it. */
export interface SigningResult {
  canonicalUri: string;
  canonicalQuery: string;
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
  canonicalRequest: string;
  canonicalRequestHash: string;
  amzDate: string;
  credentialScope: string;
  stringToSign: string;
  signingKeyChain: SigningKeyChain;
  signature: string;
  /** The Authorization header value (header mode only). */
  authorization?: string;
  /** The headers to send, in order: the request's own, then those the signer added. */
  headers: Array<[name: string, value: string]>;
  /** The URL to send; in query mode, the presigned URL. */
  url: string;
}
