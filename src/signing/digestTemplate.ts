import { allocateBytes, utf8 } from './encoding';

const SLOT_FILLER = '0'.repeat(64);

/** Marks where a SHA-256 digest, in hex, goes in a DigestTemplate. */
export const DIGEST_SLOT: unique symbol = Symbol('digest');
export type TemplatePart = string | typeof DIGEST_SLOT;

const HEX_CODES = Array.from('0123456789abcdef', (char) => char.charCodeAt(0));

/**
 * The UTF-8 bytes of a text that contains a digest not known yet (the payload hash in the
 * canonical request, the canonical request's hash in the string to sign). Everything else is
 * encoded while the digest is still being computed; when it arrives only its 64 hex characters are
 * written, so the next crypto call starts without re-encoding the whole text.
 */
export class DigestTemplate {
  readonly bytes: Uint8Array;
  private readonly slots: number[] = [];

  constructor(private readonly parts: readonly TemplatePart[]) {
    // Array.join makes one flat string, which the loop below reads far faster than the rope of
    // concatenations the parts usually are.
    const pieces: string[] = [];
    let length = 0;
    for (const part of parts) {
      if (part === DIGEST_SLOT) {
        this.slots.push(length);
        pieces.push(SLOT_FILLER);
        length += 64;
      } else {
        pieces.push(part);
        length += part.length;
      }
    }
    const text = pieces.join('');
    // The common case, all ASCII: one allocation and the characters copied straight in. The first
    // non-ASCII character sends the text through the UTF-8 encoder instead.
    const bytes = allocateBytes(length);
    for (let i = 0; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code > 0x7f) {
        this.slots.length = 0;
        this.bytes = this.encodeParts();
        return;
      }
      bytes[i] = code;
    }
    this.bytes = bytes;
  }

  private encodeParts(): Uint8Array {
    const encoded = this.parts.map((part) => (part === DIGEST_SLOT ? null : utf8(part)));
    let length = 0;
    for (const bytes of encoded) length += bytes === null ? 64 : bytes.length;
    const result = new Uint8Array(length);
    let offset = 0;
    for (const bytes of encoded) {
      if (bytes === null) {
        this.slots.push(offset);
        offset += 64;
      } else {
        result.set(bytes, offset);
        offset += bytes.length;
      }
    }
    return result;
  }

  /** Writes the digest's hex into every slot and returns the bytes. */
  fill(digest: Uint8Array): Uint8Array {
    for (const slot of this.slots) {
      for (let i = 0; i < 32; i++) {
        const byte = digest[i]!;
        this.bytes[slot + 2 * i] = HEX_CODES[byte >> 4]!;
        this.bytes[slot + 2 * i + 1] = HEX_CODES[byte & 15]!;
      }
    }
    return this.bytes;
  }

  /** The text with every slot replaced by this hex digest. */
  text(digestHex: string): string {
    let text = '';
    for (const part of this.parts) text += part === DIGEST_SLOT ? digestHex : part;
    return text;
  }
}
