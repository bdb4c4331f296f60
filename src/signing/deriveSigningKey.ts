import { KEY_PREFIX, SCOPE_TERMINATOR } from './constants';
import type { HmacKey, SigningCrypto } from './crypto/signingCrypto';
import { toHex, utf8 } from './encoding';
import { LruPromiseCache } from './lruPromiseCache';

/** Each HMAC of the key derivation, as lower-case hex. */
export interface SigningKeyChain {
  kDate: string;
  kRegion: string;
  kService: string;
  kSigning: string;
}

export interface SigningKey {
  chain: SigningKeyChain;
  /** kSigning, imported once for the final HMAC. */
  key: HmacKey;
}

interface ScopeParts {
  secretAccessKey: string;
  dateStamp: string;
  region: string;
  service: string;
}

/**
 * kDate = HMAC("AWS4" + secret, date); kRegion = HMAC(kDate, region);
 * kService = HMAC(kRegion, service); kSigning = HMAC(kService, "aws4_request").
 */
export async function deriveSigningKey(
  crypto: SigningCrypto,
  { secretAccessKey, dateStamp, region, service }: ScopeParts,
): Promise<SigningKey> {
  // Awaited inline, one step after another: a helper function per HMAC would add a promise hop
  // to each of the nine crypto calls of a cold signing.
  const kDate = await crypto.hmacSha256(
    await crypto.importHmacKey(utf8(KEY_PREFIX + secretAccessKey)),
    utf8(dateStamp),
  );
  const kRegion = await crypto.hmacSha256(await crypto.importHmacKey(kDate), utf8(region));
  const kService = await crypto.hmacSha256(await crypto.importHmacKey(kRegion), utf8(service));
  const kSigning = await crypto.hmacSha256(await crypto.importHmacKey(kService), TERMINATOR_BYTES);
  const key = await crypto.importHmacKey(kSigning);
  return {
    chain: {
      kDate: toHex(kDate),
      kRegion: toHex(kRegion),
      kService: toHex(kService),
      kSigning: toHex(kSigning),
    },
    key,
  };
}

const TERMINATOR_BYTES = utf8(SCOPE_TERMINATOR);

/** The scope asked for last, its key, and the key itself once derived. */
interface LastScope {
  parts: ScopeParts;
  key: Promise<SigningKey>;
  derived?: SigningKey;
}

const sameScope = (a: ScopeParts, b: ScopeParts) =>
  a.secretAccessKey === b.secretAccessKey &&
  a.dateStamp === b.dateStamp &&
  a.region === b.region &&
  a.service === b.service;

/**
 * A small least-recently-used cache of signing keys. The cache key holds the secret itself, so a
 * changed secret can never be served an old key; the size bound keeps memory flat however many
 * keys, dates or scopes a session signs with.
 */
export class SigningKeyCache {
  private readonly entries: LruPromiseCache<SigningKey>;

  constructor(
    private readonly crypto: SigningCrypto,
    maxEntries = 16,
  ) {
    this.entries = new LruPromiseCache(maxEntries);
  }

  private last: LastScope | undefined;

  get(parts: ScopeParts): Promise<SigningKey> {
    // Most signings reuse the previous scope: answer those without building the map key.
    const last = this.last;
    if (last !== undefined && sameScope(last.parts, parts)) return last.key;
    const key = this.lookup(parts);
    const remembered: LastScope = { parts: { ...parts }, key };
    this.last = remembered;
    key.then(
      (derived) => {
        remembered.derived = derived;
      },
      () => undefined,
    );
    return key;
  }

  /**
   * The key of the scope asked for last, when it is already derived; otherwise undefined (then
   * `get`). A server verifying request after request in one scope takes it without a promise.
   */
  getDerived(parts: ScopeParts): SigningKey | undefined {
    const last = this.last;
    return last !== undefined && sameScope(last.parts, parts) ? last.derived : undefined;
  }

  private lookup(parts: ScopeParts): Promise<SigningKey> {
    // JSON keeps the four fields apart whatever they contain (a '\n' in a region cannot make two
    // scopes share a key).
    const cacheKey = JSON.stringify([
      parts.secretAccessKey,
      parts.dateStamp,
      parts.region,
      parts.service,
    ]);
    const derived = this.entries.get(cacheKey, () => deriveSigningKey(this.crypto, parts));
    derived.catch(() => {
      if (this.last?.key === derived) this.last = undefined;
    });
    return derived;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Forgets every key, e.g. when the user clears their credentials. */
  clear(): void {
    this.entries.clear();
    this.last = undefined;
  }
}
