/** Algorithm identifier of SigV4 with HMAC-SHA256 (first line of the string to sign). */
export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Algorithm identifier of SigV4a (ECDSA P-256 with SHA-256). */
export const SIGV4A_ALGORITHM = 'AWS4-ECDSA-P256-SHA256';
/** The error of signing SigV4a on a SigningCrypto without ECDSA (a programmer error). */
export const SIGV4A_NEEDS_ECDSA =
  'SigV4A needs a SigningCrypto with ECDSA P-256 (WebCrypto or node:crypto).';
/** Last element of every SigV4 credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';
/** Prefix of the secret key for the first HMAC of the signing-key chain. */
export const KEY_PREFIX = 'AWS4';

export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** Hex SHA-256 of the empty string: the payload hash of a request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// Header names as the signer writes them (AWS's own test suite uses this spelling).
export const AUTHORIZATION_HEADER = 'Authorization';
export const AMZ_DATE_HEADER = 'X-Amz-Date';
export const SECURITY_TOKEN_HEADER = 'X-Amz-Security-Token';
export const CONTENT_SHA256_HEADER = 'x-amz-content-sha256';
export const HOST_HEADER = 'host';
/** The HTTP date a server reads when a header signature has no X-Amz-Date. */
export const DATE_HEADER = 'Date';
/** SigV4a: the regions a signature is valid in, comma-separated (signed). */
export const REGION_SET_HEADER = 'X-Amz-Region-Set';
/**
 * Headers a signer writes itself (Host only when the request has none): a client that signs by
 * itself (curl --aws-sigv4, awscurl, botocore, aws4fetch) must not be handed the old ones.
 */
export const SIGNER_HEADERS: ReadonlySet<string> = new Set(
  [
    HOST_HEADER,
    AUTHORIZATION_HEADER,
    AMZ_DATE_HEADER,
    SECURITY_TOKEN_HEADER,
    CONTENT_SHA256_HEADER,
    REGION_SET_HEADER,
  ].map((name) => name.toLowerCase()),
);

// Query parameters of a presigned URL.
export const ALGORITHM_QUERY_PARAM = 'X-Amz-Algorithm';
export const CREDENTIAL_QUERY_PARAM = 'X-Amz-Credential';
export const AMZ_DATE_QUERY_PARAM = 'X-Amz-Date';
export const EXPIRES_QUERY_PARAM = 'X-Amz-Expires';
export const SIGNED_HEADERS_QUERY_PARAM = 'X-Amz-SignedHeaders';
export const SECURITY_TOKEN_QUERY_PARAM = 'X-Amz-Security-Token';
export const SIGNATURE_QUERY_PARAM = 'X-Amz-Signature';
export const REGION_SET_QUERY_PARAM = 'X-Amz-Region-Set';

/** The signed parameters of a presigned URL, in the order AWS's presigners append them. */
export const PRESIGNED_URL_ORDER: readonly string[] = [
  ALGORITHM_QUERY_PARAM,
  CREDENTIAL_QUERY_PARAM,
  AMZ_DATE_QUERY_PARAM,
  EXPIRES_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
  SECURITY_TOKEN_QUERY_PARAM,
  REGION_SET_QUERY_PARAM,
];

/** Query parameters that a presigned URL owns: re-signing replaces any old ones. */
export const PRESIGN_QUERY_PARAMS: ReadonlySet<string> = new Set([
  ...PRESIGNED_URL_ORDER,
  SIGNATURE_QUERY_PARAM,
]);

/**
 * Headers that AWS signers never sign: hop-by-hop headers that proxies may change or drop, and
 * headers that clients and tracing layers rewrite after signing (the SDKs leave these out too).
 */
export const NEVER_SIGNED_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'user-agent',
  'expect',
  'x-amzn-trace-id',
  'connection',
  'transfer-encoding',
  'upgrade',
]);

/** Shortest and longest validity of a presigned URL that AWS accepts (1 second to 7 days). */
export const MIN_PRESIGN_EXPIRES = 1;
export const MAX_PRESIGN_EXPIRES = 604800;

/**
 * How far X-Amz-Date of a header signature may be from the server's clock, either way: 5 minutes
 * at execute-api and most services (api-gateway-iam-errors.md, "Signature expired").
 */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;
