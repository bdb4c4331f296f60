// The public surface of the signing core: import from here, not from the modules.
export {
  createCanonicalRequest,
  createSigner,
  createStringToSign,
  DEFAULT_EXPIRES_IN,
  getCredentialScope,
  signRequest,
} from './signRequest';
export type { Signer, SignerOptions } from './signRequest';
export { validateSigningInput, encodeForWire } from './validateSigningInput';
export type { Severity, ValidationIssue } from './validateSigningInput';
export type {
  Credentials,
  PayloadOption,
  RequestBody,
  SigningInput,
  SigningMode,
  SigningResult,
} from './types';
export { deriveSigningKey, SigningKeyCache } from './deriveSigningKey';
export type { SigningKey, SigningKeyChain } from './deriveSigningKey';
export type { HeaderList } from './getCanonicalHeaders';
export type { HmacKey, SigningCrypto } from './crypto/signingCrypto';
export { createWebCryptoSigning } from './crypto/webCrypto';
export { createSha256ConstructorSigning } from './crypto/sha256Constructor';
export type { Sha256Constructor, Sha256Hash } from './crypto/sha256Constructor';
export { getDefaultSigningCrypto } from './crypto/defaultCrypto';
export { getCanonicalUri, normalizePathSegments } from './getCanonicalUri';
export { canonicalizeWireRequest } from './canonicalizeWireRequest';
export type { WireCanonicalRequest, WireRequestParts } from './canonicalizeWireRequest';
export { getCanonicalQuery, parseQuery } from './getCanonicalQuery';
export type { QueryParam } from './getCanonicalQuery';
export { getCanonicalHeaders, trimHeaderValue } from './getCanonicalHeaders';
export { getAmzDate } from './signingDate';
export { parseUrl } from './parseUrl';
export type { ParsedUrl } from './parseUrl';
export { uriEncode, normalizeEncoding } from './uriEncode';
export { toHex, utf8 } from './encoding';
export {
  ALGORITHM,
  EMPTY_SHA256,
  MAX_PRESIGN_EXPIRES,
  NEVER_SIGNED_HEADERS,
  PRESIGN_QUERY_PARAMS,
  UNSIGNED_PAYLOAD,
} from './constants';
