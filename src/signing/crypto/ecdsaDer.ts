// DER and PKCS#8 encodings for ECDSA P-256 (SigV4a), shared by the WebCrypto and node:crypto
// implementations.

function derInteger(bytes: Uint8Array): number[] {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const body = Array.from(bytes.subarray(start));
  if (body[0]! & 0x80) body.unshift(0);
  return [0x02, body.length, ...body];
}

/** Raw r || s (as WebCrypto returns it) to DER: SEQUENCE { INTEGER r, INTEGER s }, minimal. */
export function rawEcdsaToDer(raw: Uint8Array): Uint8Array {
  if (raw.length !== 64) throw new Error(`Expected a 64-byte P-256 signature, got ${raw.length}`);
  const body = [...derInteger(raw.subarray(0, 32)), ...derInteger(raw.subarray(32))];
  return new Uint8Array([0x30, body.length, ...body]);
}

/** DER ECDSA signature to raw r || s (32 bytes each); throws when it is not well-formed DER. */
export function derEcdsaToRaw(der: Uint8Array): Uint8Array {
  const fail = () => {
    throw new Error('Not a DER-encoded ECDSA P-256 signature.');
  };
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2) fail();
  const raw = new Uint8Array(64);
  let at = 2;
  for (let part = 0; part < 2; part++) {
    if (der[at] !== 0x02) fail();
    const length = der[at + 1]!;
    const value = der.subarray(at + 2, at + 2 + length);
    if (length === 0 || value.length !== length) fail();
    const trimmed = value[0] === 0 ? value.subarray(1) : value;
    if (trimmed.length > 32) fail();
    raw.set(trimmed, part * 32 + 32 - trimmed.length);
    at += 2 + length;
  }
  if (at !== der.length) fail();
  return raw;
}

/**
 * PKCS#8 PrivateKeyInfo of a P-256 scalar, without the optional public key (WebCrypto in
 * Chromium and node:crypto compute it).
 */
export function p256Pkcs8(d: Uint8Array): Uint8Array {
  if (d.length !== 32) throw new Error('A P-256 private key is 32 bytes.');
  return new Uint8Array([
    0x30,
    0x41,
    0x02,
    0x01,
    0x00,
    0x30,
    0x13,
    0x06,
    0x07,
    0x2a,
    0x86,
    0x48,
    0xce,
    0x3d,
    0x02,
    0x01,
    0x06,
    0x08,
    0x2a,
    0x86,
    0x48,
    0xce,
    0x3d,
    0x03,
    0x01,
    0x07,
    0x04,
    0x27,
    0x30,
    0x25,
    0x02,
    0x01,
    0x01,
    0x04,
    0x20,
    ...d,
  ]);
}
