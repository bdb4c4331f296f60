import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeRequestPath, printablePath } from './normalizeRequestPath';

describe('normalizeRequestPath', () => {
  it.each([
    ['/prod/hello', '/prod/hello'],
    ['/', '/'],
    // Percent-decoded, so an escaped letter is the letter.
    ['/prod/items/%73ecret', '/prod/items/secret'],
    ['/%70rod/h%C3%A9llo', '/prod/héllo'],
    ['/prod/a%20b', '/prod/a b'],
    // Dot segments, written or escaped, resolved after decoding.
    ['/prod/public/../private', '/prod/private'],
    ['/prod/public/%2e%2e/private', '/prod/private'],
    ['/prod/public/%2E./private', '/prod/private'],
    ['/prod/./hello', '/prod/hello'],
    ['/prod/%2e/hello', '/prod/hello'],
    ['/prod/../../..', '/'],
    // Runs of '/' collapsed, a trailing '/' dropped.
    ['/prod//hello', '/prod/hello'],
    ['//prod/hello/', '/prod/hello'],
    ['/prod/', '/prod'],
    // An escaped '/' stays inside its segment: no separator, no dot segment.
    ['/prod/a%2Fb', '/prod/a%2Fb'],
    ['/prod/a%2fb', '/prod/a%2Fb'],
    ['/prod/public%2F..%2Fprivate', '/prod/public%2F..%2Fprivate'],
    ['/prod/x/..%2F..', '/prod/x/..%2F..'],
    // '%' stays escaped, so '%252F' (the text %2F) and '%2F' (a slash) stay two paths.
    ['/prod/a%252Fb', '/prod/a%252Fb'],
    ['/prod/100%25', '/prod/100%25'],
    ['/prod/100%', '/prod/100%25'],
    ['/prod/%zz', '/prod/%25zz'],
    // Bytes that are not UTF-8 stay escaped (upper-case), the rest of their run decoded.
    ['/prod/%c3', '/prod/%C3'],
    ['/prod/%C3%A9%FF', '/prod/é%FF'],
    ['/prod/%C0%AF', '/prod/%C0%AF'],
    ['/prod/%ED%A0%80', '/prod/%ED%A0%80'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeRequestPath(raw)).toBe(expected);
  });

  it('answers null for a target that is not an origin-form path', () => {
    expect(normalizeRequestPath('')).toBeNull();
    expect(normalizeRequestPath('*')).toBeNull();
    expect(normalizeRequestPath('http://example.com/prod/hello')).toBeNull();
  });

  it('gives paths with no empty, dot or escaped-dot segments, and is its own fixed point', () => {
    const segment = fc.oneof(
      fc.constantFrom('', '.', '..', '%2e', '%2E%2e', '%2F', '%2f', '%25', '%', '%C3', '%zz', 'a'),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (segments) => {
        const path = normalizeRequestPath(`/${segments.join('/')}`)!;
        expect(path.startsWith('/')).toBe(true);
        if (path !== '/') {
          for (const part of path.slice(1).split('/')) expect(['', '.', '..']).not.toContain(part);
        }
        expect(normalizeRequestPath(path)).toBe(path);
      }),
      { numRuns: 500 },
    );
  });
});

describe('printablePath', () => {
  it('percent-encodes all but printable ASCII, so a path is one word of one log line', () => {
    expect(printablePath('/prod/hello')).toBe('/prod/hello');
    expect(printablePath('/prod/a b\nc\r\td')).toBe('/prod/a%20b%0Ac%0D%09d');
    expect(printablePath('/prod/é\u202e\u0000')).toBe('/prod/%C3%A9%E2%80%AE%00');
  });
});
