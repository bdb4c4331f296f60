// The public surface of the signing core: import from here, not from the modules.
export {
  createCanonicalRequest,
  createSigner,
  createStringToSign,
  DEFAULT_EXPIRES_IN,
  getCredentialScope,
  getSigV4aCredentialScope,
  signRequest,
} from './signRequest';
export { resolveSigningOptions } from './resolveSigningOptions';
// SigV4a's module loads on demand (SigV4-only pages never fetch it): its functions are exported
// through lazy wrappers; SigV4aKeyCache is in './sigv4a' for callers that bundle it anyway.
export { verifySigV4aSignature, deriveSigV4aKey } from './sigv4aLazy';
export type { SigV4aKey, SigV4aKeyCache } from './sigv4a';
export { derEcdsaToRaw, p256Pkcs8, rawEcdsaToDer } from './crypto/ecdsaDer';
export type { Signer, SignerOptions } from './signRequest';
export { validateSigningInput, encodeForWire } from './validateSigningInput';
export { getHostHeaderMismatches } from './getHostHeaderMismatches';
export type { HostHeaderMismatch } from './getHostHeaderMismatches';
export type { Severity, ValidationIssue } from './validateSigningInput';
export type {
  Credentials,
  EffectiveSigningOptions,
  PayloadOption,
  RequestBody,
  SigningInput,
  SigningMode,
  SigningAlgorithm,
  SigningResult,
  SigningResultBase,
  SigV4aInfo,
} from './types';
export { deriveSigningKey, SigningKeyCache } from './deriveSigningKey';
export type { SigningKey, SigningKeyChain } from './deriveSigningKey';
export type { HeaderList } from './getCanonicalHeaders';
export type { EcdsaP256PublicKey, HmacKey, SigningCrypto } from './crypto/signingCrypto';
export { createWebCryptoSigning } from './crypto/webCrypto';
export { createSha256ConstructorSigning } from './crypto/sha256Constructor';
export type { Sha256Constructor, Sha256Hash } from './crypto/sha256Constructor';
export { getDefaultSigningCrypto } from './crypto/defaultCrypto';
export {
  encodePathCanonically,
  getCanonicalUri,
  getPathRules,
  normalizePathSegments,
} from './getCanonicalUri';
export { canonicalizeWireRequest } from './canonicalizeWireRequest';
export type { WireCanonicalRequest, WireRequestParts } from './canonicalizeWireRequest';
// The wire format as servers read it: one reading for the gateway, "Check a signature" and Import.
export { formatAmzDate, httpDateToAmzDate, parseAmzDate } from './amzDate';
export { parseAuthorization } from './parseAuthorization';
export type { AuthorizationField, AuthorizationParse, WireAlgorithm } from './parseAuthorization';
export { parseCredential } from './parseCredential';
export type { CredentialParse, CredentialScope } from './parseCredential';
export { decodeQueryValue, getHeaderValues, readWireSignature } from './readWireSignature';
export type { WireReadProblem, WireSignature, WireSignatureRead } from './readWireSignature';
export type { ExpectedScope, ScopeRegionProblem, WireCheckProblem } from './checkWireSignature';
export { verifyWireRequest } from './verifyWireRequest';
export { createWireKeyCache } from './createWireKeyCache';
export type {
  KeyLookup,
  WireKeyCache,
  WireProblem,
  WireRequest,
  WireVerdict,
  WireVerification,
  WireVerifyOptions,
} from './verifyWireRequest';
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
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CONTENT_SHA256_HEADER,
  CREDENTIAL_QUERY_PARAM,
  EMPTY_SHA256,
  MAX_PRESIGN_EXPIRES,
  MIN_PRESIGN_EXPIRES,
  NEVER_SIGNED_HEADERS,
  PRESIGN_QUERY_PARAMS,
  REGION_SET_HEADER,
  REGION_SET_QUERY_PARAM,
  SCOPE_TERMINATOR,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNATURE_WINDOW_MS,
  SIGV4A_ALGORITHM,
  SIGV4A_NEEDS_ECDSA,
  UNSIGNED_PAYLOAD,
} from './constants';
