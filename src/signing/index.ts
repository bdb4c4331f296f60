// The public surface of the signing core: import from here, not from the modules (lint-enforced).
// It lists what the page, the servers, the scripts and the tests outside this folder use.

// Signing, and the options a signature was made with.
export { createSigner, DEFAULT_EXPIRES_IN, signRequest } from './signRequest';
export type { Signer, SignerOptions } from './signRequest';
export { resolveSigningOptions } from './resolveSigningOptions';
export type {
  Credentials,
  EffectiveSigningOptions,
  PayloadOption,
  RequestBody,
  SigningAlgorithm,
  SigningInput,
  SigningMode,
  SigningResult,
  SigV4aInfo,
} from './types';
export type { SigningKeyChain } from './deriveSigningKey';
export { headerField, validateSigningInput } from './validateSigningInput';
export type { HeaderField, Severity, SigningField, ValidationIssue } from './validateSigningInput';
export { getHostHeaderMismatches } from './getHostHeaderMismatches';
export type { HostHeaderMismatch } from './getHostHeaderMismatches';

// The hash, HMAC and ECDSA implementation the signer runs on.
export type { SigningCrypto } from './crypto/signingCrypto';
export { getDefaultSigningCrypto } from './crypto/defaultCrypto';
export { createWebCryptoSigning } from './crypto/webCrypto';
export { p256Pkcs8 } from './crypto/ecdsaDer';
// SigV4a's module loads on demand (SigV4-only pages never fetch it): its verification goes
// through a lazy wrapper.
export { verifySigV4aSignature } from './sigv4aLazy';

// URLs and paths as AWS encodes them.
export { isLoopbackHost, parseUrl, schemeForHost } from './parseUrl';
export type { ParsedUrl } from './parseUrl';
export { parseQuery } from './getCanonicalQuery';
export { encodePathCanonically, getCanonicalUri, normalizePathSegments } from './getCanonicalUri';
export { uriEncode } from './uriEncode';
export { toHex, utf8 } from './encoding';

// The wire format as servers read it: one reading for the gateway, "Check a signature" and Import.
export { formatAmzDate, httpDateToAmzDate, parseAmzDate } from './amzDate';
export { parseAuthorization } from './parseAuthorization';
export type { WireAlgorithm } from './parseAuthorization';
export { parseCredential } from './parseCredential';
export { decodeQueryValue, getHeaderValues, readWireSignature } from './readWireSignature';
export type { WireSignature } from './readWireSignature';
export { canonicalizeWireRequest } from './canonicalizeWireRequest';
export { verifyWireRequest } from './verifyWireRequest';
export type { WireKeyCache, WireProblem, WireRequest, WireVerification } from './verifyWireRequest';
export { createWireKeyCache } from './createWireKeyCache';

// Names and bounds of the wire format.
export {
  ALGORITHM,
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  CREDENTIAL_QUERY_PARAM,
  EMPTY_SHA256,
  MAX_PRESIGN_EXPIRES,
  MIN_PRESIGN_EXPIRES,
  PRESIGN_QUERY_PARAMS,
  REGION_SET_HEADER,
  REGION_SET_QUERY_PARAM,
  SCOPE_TERMINATOR,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNATURE_WINDOW_MS,
  SIGNER_HEADERS,
  SIGV4A_ALGORITHM,
  UNSIGNED_PAYLOAD,
} from './constants';
export { S3_SIGNATURE_WINDOW_MS, signatureWindow } from './signatureWindow';
export type { SignatureWindow } from './signatureWindow';
