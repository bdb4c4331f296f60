// The floor: the least WebCrypto work any SigV4 signer has to do for the same request, with every
// input prepared up front, so floor / implementation says how much of a signer's time is
// unavoidable crypto.
import { DATE_STAMP, REGION, SERVICE, utf8, type BenchRequest } from './benchRequest';

const HMAC_SHA256 = { name: 'HMAC', hash: { name: 'SHA-256' } } as const;
const SCOPE_PARTS = [DATE_STAMP, REGION, SERVICE, 'aws4_request'].map(utf8);

/** The bare WebCrypto work of SigV4: only calls into crypto.subtle, inputs prepared up front. */
export class Floor {
  private cachedKey: CryptoKey | undefined;

  constructor(private readonly subtle: SubtleCrypto) {}

  private async hmac(key: BufferSource, data: BufferSource): Promise<ArrayBuffer> {
    const cryptoKey = await this.subtle.importKey('raw', key, HMAC_SHA256, false, ['sign']);
    return this.subtle.sign('HMAC', cryptoKey, data);
  }

  /** 2 digests + 5 HMACs (importKey + sign each), one after another. */
  async cold(request: BenchRequest, keyBytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
    await this.subtle.digest('SHA-256', request.floor.body);
    await this.subtle.digest('SHA-256', request.floor.canonicalRequest);
    let key: BufferSource = keyBytes;
    for (const part of SCOPE_PARTS) key = await this.hmac(key, part);
    return this.hmac(key, request.floor.stringToSign);
  }

  /** Derives and imports kSigning for the warm workloads (not timed). */
  async prepareWarmKey(keyBytes: Uint8Array<ArrayBuffer>): Promise<void> {
    let key: BufferSource = keyBytes;
    for (const part of SCOPE_PARTS) key = await this.hmac(key, part);
    this.cachedKey = await this.subtle.importKey('raw', key, HMAC_SHA256, false, ['sign']);
  }

  /** 2 digests + 1 HMAC with the CryptoKey imported once. */
  async warm(request: BenchRequest): Promise<ArrayBuffer> {
    if (!this.cachedKey) throw new Error('Floor.prepareWarmKey() first');
    await this.subtle.digest('SHA-256', request.floor.body);
    await this.subtle.digest('SHA-256', request.floor.canonicalRequest);
    return this.subtle.sign('HMAC', this.cachedKey, request.floor.stringToSign);
  }

  /** One raw digest of the body. */
  digestOnly(request: BenchRequest): Promise<ArrayBuffer> {
    return this.subtle.digest('SHA-256', request.floor.body);
  }
}
