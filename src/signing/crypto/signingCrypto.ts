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
  /**
   * Optional fast path where the platform hashes to hex natively (node:crypto's digest('hex')):
   * the same as toHex(sha256(data)), a string taken as its UTF-8. A server verifying many
   * requests skips the copy to bytes and the hex loop in JavaScript (hexDigests.ts).
   */
  sha256Hex?(data: Uint8Array | string): Promise<string>;
  /** Optional fast path: the same as toHex(hmacSha256(key, utf8(data))). */
  hmacSha256Hex?(key: HmacKey, data: string): Promise<string>;
  /**
   * Optional: sha256Hex and hmacSha256Hex answered at once, where the platform computes them
   * synchronously (node:crypto). A server verifying many requests then spends no promise and no
   * turn of the microtask queue on each digest (verifyWireRequest); WebCrypto has none.
   */
  sha256HexSync?(data: Uint8Array | string): string;
  hmacSha256HexSync?(key: HmacKey, data: string): string;
  /**
   * SigV4a: imports a P-256 private scalar (32 bytes, big-endian) for `ecdsaP256Sign` and returns
   * the public point's affine coordinates (32 bytes each). Optional: without it, SigV4a fails.
   */
  importEcdsaP256PrivateKey?(
    d: Uint8Array,
  ): Promise<{ key: unknown; x: Uint8Array; y: Uint8Array }>;
  /** SigV4a: ECDSA P-256 over SHA-256(data); the signature DER-encoded. */
  ecdsaP256Sign?(key: unknown, data: Uint8Array): Promise<Uint8Array>;
  /** Verifies a DER ECDSA P-256 signature over SHA-256(data). */
  ecdsaP256Verify?(
    publicKey: EcdsaP256PublicKey,
    data: Uint8Array,
    derSignature: Uint8Array,
  ): Promise<boolean>;
}

/** A P-256 public point: affine coordinates, 32 bytes each. */
export interface EcdsaP256PublicKey {
  x: Uint8Array;
  y: Uint8Array;
}

/** An implementation-specific key handle (raw bytes, a CryptoKey, ...). */
export type HmacKey = unknown;
