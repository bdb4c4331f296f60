import { describe, expect, it } from 'vitest';
import { fromHex, toHex, utf8 } from './encoding';

describe('utf8', () => {
  it('encodes text as UTF-8 bytes', () => {
    expect([...utf8('aሴ')]).toEqual([0x61, 0xe1, 0x88, 0xb4]);
  });

  it('turns a lone surrogate into U+FFFD (EF BF BD)', () => {
    expect([...utf8('\udc00')]).toEqual([0xef, 0xbf, 0xbd]);
  });
});

describe('toHex', () => {
  it('writes every byte as two lower-case hex digits', () => {
    expect(toHex(new Uint8Array([0x00, 0x0f, 0xab, 0xff]))).toBe('000fabff');
  });

  it('respects the view of a subarray', () => {
    expect(toHex(new Uint8Array([1, 2, 3, 4]).subarray(1, 3))).toBe('0203');
  });

  it('returns the empty string for no bytes', () => {
    expect(toHex(new Uint8Array(0))).toBe('');
  });
});

describe('fromHex', () => {
  it('reads hex in either case', () => {
    expect([...fromHex('00fFaB')]).toEqual([0x00, 0xff, 0xab]);
  });

  it('round-trips with toHex', () => {
    const hex = 'c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9';
    expect(toHex(fromHex(hex))).toBe(hex);
  });

  it('throws a TypeError on odd length or non-hex characters', () => {
    expect(() => fromHex('abc')).toThrow(TypeError);
    expect(() => fromHex('zz')).toThrow(/not an even-length hex string/);
  });
});
