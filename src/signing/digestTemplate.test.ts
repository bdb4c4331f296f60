import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIGEST_SLOT, DigestTemplate } from './digestTemplate';
import { allocateBytes } from './encoding';

const digest = new Uint8Array(createHash('sha256').update('payload').digest());
const hex = Buffer.from(digest).toString('hex');

describe('DigestTemplate', () => {
  it('writes the digest in hex into every slot of an ASCII text', () => {
    const template = new DigestTemplate(['a:', DIGEST_SLOT, '\nb\n', DIGEST_SLOT]);
    const bytes = template.fill(digest);
    expect(Buffer.from(bytes).toString('utf8')).toBe(`a:${hex}\nb\n${hex}`);
    expect(template.text(hex)).toBe(`a:${hex}\nb\n${hex}`);
  });

  it('encodes non-ASCII parts as UTF-8 and keeps the slots at their byte offsets', () => {
    const template = new DigestTemplate(['/ሴ\ncafé:', DIGEST_SLOT]);
    const bytes = template.fill(digest);
    expect(Buffer.from(bytes).toString('utf8')).toBe(`/ሴ\ncafé:${hex}`);
    expect(bytes.length).toBe(Buffer.byteLength(`/ሴ\ncafé:`) + 64);
  });

  it('gives the text without slots unchanged', () => {
    expect(Buffer.from(new DigestTemplate(['UNSIGNED-PAYLOAD']).bytes).toString()).toBe(
      'UNSIGNED-PAYLOAD',
    );
  });
});

describe('allocateBytes', () => {
  it('hands out zeroed regions that never overlap', () => {
    const a = allocateBytes(100);
    const b = allocateBytes(100);
    a.fill(1);
    expect([...b].every((byte) => byte === 0)).toBe(true);
    expect(a.length).toBe(100);
  });

  it('gives large arrays a buffer of their own', () => {
    expect(allocateBytes(1 << 20).byteOffset).toBe(0);
  });
});
