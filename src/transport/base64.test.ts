import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('gives standard, padded Base64', () => {
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
    expect(bytesToBase64(new Uint8Array([0, 255, 128, 10, 13]))).toBe('AP+ACg0=');
    expect(bytesToBase64(new TextEncoder().encode('{"hello":"world"}'))).toBe(
      'eyJoZWxsbyI6IndvcmxkIn0=',
    );
  });

  it('agrees with Node for any bytes, bodies larger than one chunk included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70_000, size: 'large' }), (bytes) => {
        expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
      { numRuns: 30 },
    );
  });
});

describe('base64ToBytes', () => {
  it('undoes bytesToBase64', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
      }),
    );
  });

  it('throws on text that is not Base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
