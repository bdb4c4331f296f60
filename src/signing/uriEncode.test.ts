import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findEncodingFlaw,
  normalizeEncoding,
  percentDecodeToBytes,
  uriEncode,
  uriEncodeBytes,
} from './uriEncode';

const UNRESERVED = '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('uriEncode', () => {
  it('keeps the unreserved characters A-Z a-z 0-9 - . _ ~ (get-unreserved)', () => {
    expect(uriEncode(UNRESERVED)).toBe(UNRESERVED);
  });

  it('encodes UTF-8 bytes with upper-case hex (get-utf8: ሴ → %E1%88%B4)', () => {
    expect(uriEncode('ሴ')).toBe('%E1%88%B4');
    expect(uriEncode('é')).toBe('%C3%A9');
    expect(uriEncode('😀')).toBe('%F0%9F%98%80');
  });

  it("encodes '+' as %2B and a space as %20, never as '+'", () => {
    expect(uriEncode('a+b c')).toBe('a%2Bb%20c');
  });

  it("encodes '/', '%', '=' and '&' (query names and values encode everything)", () => {
    expect(uriEncode('a/b%c=d&e')).toBe('a%2Fb%25c%3Dd%26e');
  });

  it('encodes every reserved and special ASCII character', () => {
    expect(uriEncode("!*'();:@$,?#[]")).toBe('%21%2A%27%28%29%3B%3A%40%24%2C%3F%23%5B%5D');
  });

  it('encodes control characters and DEL', () => {
    expect(uriEncode('\u0000\t\n\u007f')).toBe('%00%09%0A%7F');
  });

  it('encodes a lone surrogate as the UTF-8 of U+FFFD, as TextEncoder puts it on the wire', () => {
    expect(uriEncode('\ud800')).toBe('%EF%BF%BD');
  });

  it('returns the empty string for the empty string', () => {
    expect(uriEncode('')).toBe('');
  });

  it('agrees with encodeURIComponent plus the RFC 3986 extras for any well-formed string', () => {
    const rfc3986 = (text: string) =>
      encodeURIComponent(text).replace(
        /[!'()*]/g,
        (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
      );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(uriEncode(text)).toBe(rfc3986(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe('uriEncodeBytes', () => {
  it('encodes bytes that are not valid UTF-8 one by one', () => {
    expect(uriEncodeBytes(new Uint8Array([0xff, 0x41, 0x80, 0x2f]))).toBe('%FFA%80%2F');
  });
});

describe('percentDecodeToBytes', () => {
  it('decodes valid escapes in either case', () => {
    expect([...percentDecodeToBytes('%41%2b%2B')]).toEqual([0x41, 0x2b, 0x2b]);
  });

  it("keeps '+' as a plus, not a space", () => {
    expect([...percentDecodeToBytes('a+b')]).toEqual([0x61, 0x2b, 0x62]);
  });

  it("keeps a '%' without two hex digits as a literal '%'", () => {
    expect([...percentDecodeToBytes('%')]).toEqual([0x25]);
    expect([...percentDecodeToBytes('%4')]).toEqual([0x25, 0x34]);
    expect([...percentDecodeToBytes('%G1')]).toEqual([0x25, 0x47, 0x31]);
    expect([...percentDecodeToBytes('100%')]).toEqual([0x31, 0x30, 0x30, 0x25]);
  });

  it('decodes an escape at the very end of the text', () => {
    expect([...percentDecodeToBytes('a%41')]).toEqual([0x61, 0x41]);
  });

  it('yields escaped bytes that are not valid UTF-8 unchanged', () => {
    expect([...percentDecodeToBytes('%FF%fe')]).toEqual([0xff, 0xfe]);
  });

  it('mixes raw UTF-8 and escapes', () => {
    expect([...percentDecodeToBytes('ሴ%E1%88%B4')]).toEqual([0xe1, 0x88, 0xb4, 0xe1, 0x88, 0xb4]);
  });
});

describe('normalizeEncoding', () => {
  it('upper-cases the hex of existing escapes (%2b → %2B)', () => {
    expect(normalizeEncoding('a%2bb')).toBe('a%2Bb');
  });

  it('decodes escapes of unreserved characters (%41 → A, %7E → ~)', () => {
    expect(normalizeEncoding('%41%7E%2d')).toBe('A~-');
  });

  it('leaves an escaped UTF-8 sequence as it is (get-vanilla-query-order-encoded)', () => {
    expect(normalizeEncoding('%E1%88%B4')).toBe('%E1%88%B4');
  });

  it('encodes raw UTF-8 (get-vanilla-utf8-query)', () => {
    expect(normalizeEncoding('ሴ')).toBe('%E1%88%B4');
  });

  it("encodes a bare '%' as %25", () => {
    expect(normalizeEncoding('100%')).toBe('100%25');
    expect(normalizeEncoding('%zz')).toBe('%25zz');
  });

  it("encodes a literal '+' as %2B and a space as %20", () => {
    expect(normalizeEncoding('a+b c')).toBe('a%2Bb%20c');
  });

  it('keeps escapes that are not valid UTF-8 (%FF stays %FF)', () => {
    expect(normalizeEncoding('%FF')).toBe('%FF');
    expect(normalizeEncoding('%ff%C3')).toBe('%FF%C3');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const once = normalizeEncoding(text);
        expect(normalizeEncoding(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });

  it('equals uriEncode of the text when the text holds no %', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((text) => !text.includes('%')),
        (text) => {
          expect(normalizeEncoding(text)).toBe(uriEncode(text));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('findEncodingFlaw', () => {
  it('finds nothing in canonical text', () => {
    expect(findEncodingFlaw('a%2Ab%2AA-._~%E1%88%B4%FF')).toBeUndefined();
    expect(findEncodingFlaw('')).toBeUndefined();
  });

  it('finds lower-case hex', () => {
    expect(findEncodingFlaw('a%2a')).toEqual({ kind: 'lower-case-hex', text: '%2a' });
    expect(findEncodingFlaw('%e1%88%b4')).toEqual({ kind: 'lower-case-hex', text: '%e1' });
  });

  it('finds an escaped unreserved character, whatever the case of its hex', () => {
    expect(findEncodingFlaw('%41')).toEqual({ kind: 'escaped-unreserved', text: '%41', char: 'A' });
    expect(findEncodingFlaw('%7e')).toEqual({ kind: 'escaped-unreserved', text: '%7e', char: '~' });
  });

  it('finds a character UriEncode escapes, left raw', () => {
    expect(findEncodingFlaw('a*b')).toEqual({ kind: 'unescaped', text: '*' });
    expect(findEncodingFlaw('a b')).toEqual({ kind: 'unescaped', text: ' ' });
    expect(findEncodingFlaw('😀')).toEqual({ kind: 'unescaped', text: '😀' });
    expect(findEncodingFlaw('a/b')).toEqual({ kind: 'unescaped', text: '/' });
  });

  it("leaves the characters in keep alone ('/' in a path)", () => {
    expect(findEncodingFlaw('/a/b/', '/')).toBeUndefined();
  });

  it("finds a '%' that starts no escape", () => {
    expect(findEncodingFlaw('100%')).toEqual({ kind: 'bare-percent', text: '%' });
    expect(findEncodingFlaw('%zz')).toEqual({ kind: 'bare-percent', text: '%' });
    expect(findEncodingFlaw('%4')).toEqual({ kind: 'bare-percent', text: '%' });
  });

  it('finds a flaw exactly when normalizeEncoding changes the text', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 3 }),
      fc.constantFrom('%', '%2a', '%2A', '%41', '%7E', '%e1', '%FF', '%zz', '*', '~', '+'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
        const text = pieces.join('');
        expect(findEncodingFlaw(text) === undefined).toBe(normalizeEncoding(text) === text);
      }),
      { numRuns: 500 },
    );
  });
});
