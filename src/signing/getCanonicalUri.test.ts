import { describe, expect, it } from 'vitest';
import { getCanonicalUri, normalizePathSegments } from './getCanonicalUri';

const normalizedDouble = { normalizePath: true, doubleEncodePath: true };
const unnormalizedDouble = { normalizePath: false, doubleEncodePath: true };
const s3 = { normalizePath: false, doubleEncodePath: false };

describe('normalizePathSegments', () => {
  it('removes a segment followed by .. (get-relative: /example/.. → /)', () => {
    expect(normalizePathSegments('/example/..')).toBe('/');
  });

  it('removes two segments for two .. (get-relative-relative: /example1/example2/../.. → /)', () => {
    expect(normalizePathSegments('/example1/example2/../..')).toBe('/');
  });

  it("removes '.' segments (get-slash-pointless-dot: /./example → /example)", () => {
    expect(normalizePathSegments('/./example')).toBe('/example');
    expect(normalizePathSegments('/a/./b')).toBe('/a/b');
  });

  it('collapses runs of slashes (get-slashes: //example// → /example/, get-slash: // → /)', () => {
    expect(normalizePathSegments('//example//')).toBe('/example/');
    expect(normalizePathSegments('//')).toBe('/');
    expect(normalizePathSegments('/a///b')).toBe('/a/b');
  });

  it('turns /./ into / (get-slash-dot-slash)', () => {
    expect(normalizePathSegments('/./')).toBe('/');
  });

  // RFC 3986 section 5.2.4 (remove_dot_segments): "/a/b/.." → "/a/", "/a/." → "/a/". This is also
  // what a browser sends for such a URL. aws-c-auth, botocore and @smithy/signature-v4 keep the
  // final '/' only when the raw path ended in '/', giving "/a" (see the report).
  it("keeps the final slash after a '..' segment", () => {
    expect(normalizePathSegments('/a/b/..')).toBe('/a/');
  });

  it("keeps the final slash after a '.' segment", () => {
    expect(normalizePathSegments('/a/.')).toBe('/a/');
  });

  it('keeps a trailing slash and adds no slash when the path has none', () => {
    expect(normalizePathSegments('/a/b/')).toBe('/a/b/');
    expect(normalizePathSegments('/a/b')).toBe('/a/b');
  });

  it("never climbs above the root ('/../a' → '/a')", () => {
    expect(normalizePathSegments('/../../a')).toBe('/a');
    expect(normalizePathSegments('/..')).toBe('/');
  });

  it("treats '...' and '.a' as ordinary segments", () => {
    expect(normalizePathSegments('/.../.a/a.')).toBe('/.../.a/a.');
  });

  it("does not treat escaped dots (%2E%2E) as '..'", () => {
    expect(normalizePathSegments('/a/%2E%2E')).toBe('/a/%2E%2E');
  });
});

describe('getCanonicalUri', () => {
  it("gives '/' for the empty path and for '/'", () => {
    for (const options of [normalizedDouble, unnormalizedDouble, s3]) {
      expect(getCanonicalUri('', options)).toBe('/');
      expect(getCanonicalUri('/', options)).toBe('/');
    }
  });

  it("normalizes the suite's relative and slash paths when normalizePath is on", () => {
    expect(getCanonicalUri('/example/..', normalizedDouble)).toBe('/');
    expect(getCanonicalUri('/example1/example2/../..', normalizedDouble)).toBe('/');
    expect(getCanonicalUri('//', normalizedDouble)).toBe('/');
    expect(getCanonicalUri('//example//', normalizedDouble)).toBe('/example/');
    expect(getCanonicalUri('/./', normalizedDouble)).toBe('/');
    expect(getCanonicalUri('/./example', normalizedDouble)).toBe('/example');
  });

  it("keeps the suite's relative and slash paths as they are when normalizePath is off", () => {
    expect(getCanonicalUri('/example/..', unnormalizedDouble)).toBe('/example/..');
    expect(getCanonicalUri('/example1/example2/../..', unnormalizedDouble)).toBe(
      '/example1/example2/../..',
    );
    expect(getCanonicalUri('//', unnormalizedDouble)).toBe('//');
    expect(getCanonicalUri('//example//', unnormalizedDouble)).toBe('//example//');
    expect(getCanonicalUri('/./', unnormalizedDouble)).toBe('/./');
    expect(getCanonicalUri('/./example', unnormalizedDouble)).toBe('/./example');
  });

  it('encodes a raw space as %20 with and without normalization (get-space)', () => {
    expect(getCanonicalUri('/example space/', normalizedDouble)).toBe('/example%20space/');
    expect(getCanonicalUri('/example space/', unnormalizedDouble)).toBe('/example%20space/');
  });

  it("encodes '/a b' as '/a%20b' with both double and single encoding", () => {
    expect(getCanonicalUri('/a b', normalizedDouble)).toBe('/a%20b');
    expect(getCanonicalUri('/a b', s3)).toBe('/a%20b');
  });

  it("double encoding encodes the '%' of a wire escape again ('/a%20b' → '/a%2520b')", () => {
    expect(getCanonicalUri('/a%20b', normalizedDouble)).toBe('/a%2520b');
    expect(getCanonicalUri('/a%20b', unnormalizedDouble)).toBe('/a%2520b');
  });

  it("single encoding (S3) keeps a wire escape encoded once ('/a%20b' → '/a%20b')", () => {
    expect(getCanonicalUri('/a%20b', s3)).toBe('/a%20b');
  });

  it('single encoding normalizes escapes: lower-case hex upper-cased, unreserved decoded', () => {
    expect(getCanonicalUri('/photos%2fjuly/%7Euser/%41', s3)).toBe('/photos%2Fjuly/~user/A');
  });

  it("single encoding encodes a bare '%' and a raw '+'", () => {
    expect(getCanonicalUri('/100%/a+b', s3)).toBe('/100%25/a%2Bb');
  });

  it('keeps the unreserved characters (get-unreserved)', () => {
    const path = '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    expect(getCanonicalUri(path, normalizedDouble)).toBe(path);
    expect(getCanonicalUri(path, s3)).toBe(path);
  });

  it('encodes raw UTF-8 with upper-case hex (get-utf8: /ሴ → /%E1%88%B4)', () => {
    expect(getCanonicalUri('/ሴ', normalizedDouble)).toBe('/%E1%88%B4');
    expect(getCanonicalUri('/ሴ', s3)).toBe('/%E1%88%B4');
  });

  it("encodes '$' (legacy normalize-path/get-special-character: /example/$delete)", () => {
    expect(getCanonicalUri('/example/$delete', normalizedDouble)).toBe('/example/%24delete');
  });

  it("keeps '/' between segments unencoded but encodes reserved characters inside them", () => {
    expect(getCanonicalUri('/a:b/c=d;e', normalizedDouble)).toBe('/a%3Ab/c%3Dd%3Be');
  });

  it('normalizes before encoding, so double encoding of a normalized path keeps the rules apart', () => {
    expect(getCanonicalUri('/a%20b/../c d/', normalizedDouble)).toBe('/c%20d/');
    expect(getCanonicalUri('/a%20b/../c d/', s3)).toBe('/a%20b/../c%20d/');
  });
});
