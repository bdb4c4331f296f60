/**
 * The hash and HMAC implementation the signer runs on. Injected, so the same signing code runs on
 * WebCrypto in the browser, on pure JS where WebCrypto is missing, and on node:crypto in servers.
 */
export interface SigningCrypto {
  /** Names the implementation in benchmarks and tests (e.g. 'webcrypto'). */
  readonly name: string;
  sha256(data: Uint8Array): Promise<Uint8Array>;
  /**
   * Turns raw key bytes into whatever `hmacSha256` takes. WebCrypto imports a CryptoKey here, so a
   * key that signs many messages (the cached signing key) is imported only once.
   */
  importHmacKey(key: Uint8Array): Promise<HmacKey>;
  hmacSha256(key: HmacKey, data: Uint8Array): Promise<Uint8Array>;
}

/** An implementation-specific key handle (raw bytes, a CryptoKey, ...). */
export type HmacKey = unknown;
