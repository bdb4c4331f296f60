import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodePathCanonically,
  getCanonicalUri,
  getPathRules,
  normalizePathSegments,
} from './getCanonicalUri';
import { uriEncode } from './uriEncode';

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

  // aws-c-auth, botocore and @smithy/signature-v4 agree: the result ends in '/' only when the path
  // as written does. RFC 3986's remove_dot_segments (and a browser) would give "/a/" for these.
  it("drops the final slash a final '..' or '.' segment would leave (/a/b/.. → /a, /a/. → /a)", () => {
    expect(normalizePathSegments('/a/b/..')).toBe('/a');
    expect(normalizePathSegments('/a/.')).toBe('/a');
    expect(normalizePathSegments('/a/b/./..')).toBe('/a');
  });

  it("keeps the final slash when the path as written ends in '/' (/a/./ → /a/, /a/b/../ → /a/)", () => {
    expect(normalizePathSegments('/a/./')).toBe('/a/');
    expect(normalizePathSegments('/a/b/../')).toBe('/a/');
    expect(normalizePathSegments('/a/b/..//')).toBe('/a/');
  });

  it("gives '/' for paths that resolve to the root, with or without a final slash", () => {
    for (const path of ['/', '//', '/.', '/./', '/..', '/.//', '/a/..', '/a/../..']) {
      expect(normalizePathSegments(path)).toBe('/');
    }
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

  it("does not treat escaped dots (%2E%2E, %2e) as '..' or '.'", () => {
    expect(normalizePathSegments('/a/%2E%2E')).toBe('/a/%2E%2E');
    expect(normalizePathSegments('/a/%2e%2e/')).toBe('/a/%2e%2e/');
    expect(normalizePathSegments('/a/b/%2E')).toBe('/a/b/%2E');
  });
});

describe('getCanonicalUri', () => {
  it('answers as normalizing then encoding each segment does, for plain paths too', () => {
    // The rule with no shortcut: the empty path is '/', then normalize, then encode each segment.
    const byTheRule = (path: string, options: typeof normalizedDouble) => {
      if (path === '') return '/';
      const normalized = options.normalizePath ? normalizePathSegments(path) : path;
      return options.doubleEncodePath ? normalized.split('/').map(uriEncode).join('/') : normalized;
    };
    const piece = fc.constantFrom(
      '/',
      '//',
      '.',
      '..',
      '/./',
      '/../',
      'a',
      'Z',
      '0',
      '-',
      '_',
      '~',
      '.a',
      'a.',
      '...',
      '%2E',
      '%2e%2E',
      '%2F',
      '%',
      '%4',
      '%41',
      ' ',
      '+',
      '*',
      'é',
      '\u{1F600}',
      '?',
      ';',
      '%25',
    );
    const plain = fc.constantFrom('/', 'a', 'Z', '0', '-', '_', '~', '.', '..', '.a', '...');
    const path = fc.oneof(
      fc.array(plain, { maxLength: 10 }).map((pieces) => pieces.join('')),
      fc.array(piece, { maxLength: 10 }).map((pieces) => pieces.join('')),
      fc.array(piece, { maxLength: 10 }).map((pieces) => '/' + pieces.join('')),
      fc.string(),
    );
    const options = fc.constantFrom(normalizedDouble, unnormalizedDouble, s3, {
      normalizePath: true,
      doubleEncodePath: false,
    });
    fc.assert(
      fc.property(path, options, (text, rules) => {
        expect(getCanonicalUri(text, rules)).toBe(byTheRule(text, rules));
      }),
      { numRuns: 3000 },
    );
  });

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

  it("encodes '/a b' as '/a%20b' with double encoding", () => {
    expect(getCanonicalUri('/a b', normalizedDouble)).toBe('/a%20b');
    expect(getCanonicalUri('/a b', unnormalizedDouble)).toBe('/a%20b');
  });

  it("double encoding encodes the '%' of a wire escape again ('/a%20b' → '/a%2520b')", () => {
    expect(getCanonicalUri('/a%20b', normalizedDouble)).toBe('/a%2520b');
    expect(getCanonicalUri('/a%20b', unnormalizedDouble)).toBe('/a%2520b');
  });

  it("single encoding (S3) keeps a wire escape encoded once ('/a%20b' → '/a%20b')", () => {
    expect(getCanonicalUri('/a%20b', s3)).toBe('/a%20b');
  });

  // aws-c-auth, botocore and @smithy/signature-v4 all sign an S3 path byte for byte as sent.
  it('single encoding (S3) signs the path exactly as sent, in any encoding', () => {
    for (const path of [
      '/bucket/a*b%2a%41',
      '/photos%2fjuly/%7Euser/%41',
      '/%7E',
      '/~',
      '/100%/a+b',
      '/a:b@c/!$&()=;',
      '/%e1%88%b4',
      '/%2e%2e/a/%2E',
    ]) {
      expect(getCanonicalUri(path, s3)).toBe(path);
    }
  });

  it('single encoding (S3) leaves even characters that cannot go on the wire as they are', () => {
    expect(getCanonicalUri('/a b/ሴ', s3)).toBe('/a b/ሴ');
  });

  it('keeps the unreserved characters (get-unreserved)', () => {
    const path = '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    expect(getCanonicalUri(path, normalizedDouble)).toBe(path);
    expect(getCanonicalUri(path, s3)).toBe(path);
  });

  it('encodes raw UTF-8 with upper-case hex (get-utf8: /ሴ → /%E1%88%B4)', () => {
    expect(getCanonicalUri('/ሴ', normalizedDouble)).toBe('/%E1%88%B4');
  });

  it("encodes '$' (legacy normalize-path/get-special-character: /example/$delete)", () => {
    expect(getCanonicalUri('/example/$delete', normalizedDouble)).toBe('/example/%24delete');
  });

  it("keeps '/' between segments unencoded but encodes reserved characters inside them", () => {
    expect(getCanonicalUri('/a:b/c=d;e', normalizedDouble)).toBe('/a%3Ab/c%3Dd%3Be');
  });

  it('normalizes before encoding, so double encoding of a normalized path keeps the rules apart', () => {
    expect(getCanonicalUri('/a%20b/../c%20d/', normalizedDouble)).toBe('/c%2520d/');
    expect(getCanonicalUri('/a%20b/../c%20d/', s3)).toBe('/a%20b/../c%20d/');
  });

  it("normalizes trailing dot segments as AWS's signers do (/a/b/.. → /a)", () => {
    expect(getCanonicalUri('/a/b/..', normalizedDouble)).toBe('/a');
    expect(getCanonicalUri('/a/.', normalizedDouble)).toBe('/a');
    expect(getCanonicalUri('/a/./', normalizedDouble)).toBe('/a/');
    expect(getCanonicalUri('/a/%2e%2e', normalizedDouble)).toBe('/a/%252e%252e');
  });
});

describe('getPathRules', () => {
  it('normalizes and double-encodes for every service but s3', () => {
    expect(getPathRules({ service: 'execute-api' })).toEqual(normalizedDouble);
    expect(getPathRules({ service: 's3' })).toEqual(s3);
  });

  it('lets explicit options win over the service default', () => {
    expect(getPathRules({ service: 's3', normalizePath: true, doubleEncodePath: true })).toEqual(
      normalizedDouble,
    );
    expect(
      getPathRules({ service: 'lambda', doubleEncodePath: false, normalizePath: false }),
    ).toEqual(s3);
  });
});

describe('encodePathCanonically', () => {
  it('rewrites each segment in UriEncode form: upper-case hex, unreserved decoded, the rest escaped', () => {
    expect(encodePathCanonically('/bucket/a*b%2a%41')).toBe('/bucket/a%2Ab%2AA');
    expect(encodePathCanonically('/%7E/~/a+b/100%')).toBe('/~/~/a%2Bb/100%25');
    expect(encodePathCanonically('/a b/ሴ/%e1%88%b4')).toBe('/a%20b/%E1%88%B4/%E1%88%B4');
  });

  it("keeps '/' between segments and an escaped '/' escaped", () => {
    expect(encodePathCanonically('/photos%2fjuly/')).toBe('/photos%2Fjuly/');
  });

  it('leaves a canonical path as it is', () => {
    expect(encodePathCanonically('/bucket/a%2Ab%2AA/-._~')).toBe('/bucket/a%2Ab%2AA/-._~');
  });
});
