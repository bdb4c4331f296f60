import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrl } from './parseUrl';

describe('parseUrl', () => {
  it('splits a plain URL into scheme, authority, host, path and query', () => {
    expect(parseUrl('https://example.amazonaws.com/a/b?x=1&y=2')).toEqual({
      scheme: 'https',
      authority: 'example.amazonaws.com',
      host: 'example.amazonaws.com',
      path: '/a/b',
      query: 'x=1&y=2',
    });
  });

  it("keeps '.' and '..' segments and repeated slashes (no dot-segment resolution)", () => {
    expect(parseUrl('https://h.example/example1/example2/../..').path).toBe(
      '/example1/example2/../..',
    );
    expect(parseUrl('https://h.example//example//').path).toBe('//example//');
    expect(parseUrl('https://h.example/./').path).toBe('/./');
  });

  it('keeps path and query bytes as written (no re-encoding, no decoding)', () => {
    const url = parseUrl('https://h.example/example space/%2b%E1%88%B4ሴ?a b=%2B+c&ሴ=%zz');
    expect(url.path).toBe('/example space/%2b%E1%88%B4ሴ');
    expect(url.query).toBe('a b=%2B+c&ሴ=%zz');
  });

  it('drops the fragment, even when it contains ? or /', () => {
    expect(parseUrl('https://h.example/p?q=1#frag?x=2/y')).toMatchObject({
      path: '/p',
      query: 'q=1',
    });
    expect(parseUrl('https://h.example/p#?x=2')).toMatchObject({ path: '/p', query: null });
  });

  it("gives query null without '?' and '' for a bare '?'", () => {
    expect(parseUrl('https://h.example/p').query).toBeNull();
    expect(parseUrl('https://h.example/p?').query).toBe('');
  });

  it("gives an empty path when the URL has none (the canonical URI turns it into '/')", () => {
    expect(parseUrl('https://h.example').path).toBe('');
    expect(parseUrl('https://h.example?x=1')).toMatchObject({
      authority: 'h.example',
      path: '',
      query: 'x=1',
    });
  });

  it('drops user info from the authority and the host', () => {
    expect(parseUrl('https://user:p@ss@h.example:8443/p')).toMatchObject({
      authority: 'h.example:8443',
      host: 'h.example:8443',
      path: '/p',
    });
  });

  it('lower-cases the scheme and the host, but not the path', () => {
    expect(parseUrl('HTTPS://Example.AmazonAWS.com/Path')).toMatchObject({
      scheme: 'https',
      authority: 'Example.AmazonAWS.com',
      host: 'example.amazonaws.com',
      path: '/Path',
    });
  });

  it('drops the default port of the scheme (https :443, http :80)', () => {
    expect(parseUrl('https://h.example:443/').host).toBe('h.example');
    expect(parseUrl('http://h.example:80/').host).toBe('h.example');
  });

  it('keeps a port that is not the default of its scheme', () => {
    expect(parseUrl('https://h.example:80/').host).toBe('h.example:80');
    expect(parseUrl('http://h.example:443/').host).toBe('h.example:443');
    expect(parseUrl('https://h.example:8443/').host).toBe('h.example:8443');
  });

  it('keeps the brackets of an IPv6 literal and its non-default port', () => {
    expect(parseUrl('https://[::1]:8443/p').host).toBe('[::1]:8443');
    expect(parseUrl('https://[2001:DB8::1]:443/p').host).toBe('[2001:db8::1]');
  });

  it('writes an internationalized host name as its punycode A-label', () => {
    expect(parseUrl('https://bücher.example/').host).toBe('xn--bcher-kva.example');
  });

  it('falls back to the lower-cased authority when the URL parser rejects the host', () => {
    expect(parseUrl('https://Bad Host:99999/x')).toMatchObject({
      authority: 'Bad Host:99999',
      host: 'bad host:99999',
      path: '/x',
    });
  });

  it('has no scheme, authority or host for text without scheme://', () => {
    expect(parseUrl('example.com/a?b')).toEqual({
      scheme: '',
      authority: '',
      host: '',
      path: 'example.com/a',
      query: 'b',
    });
  });

  // Browsers (WHATWG URL) read '\' as '/' in http(s) URLs, so `https://h.example\admin` requests
  // path /admin on host h.example. parseUrl ends the authority only at '/' or '?', so the path is
  // '' (canonical URI '/') while the Host is h.example: the signature covers a different request
  // than the one sent, and validateSigningInput says nothing.
  it('ends the authority at a backslash, as browsers do for http(s) URLs', () => {
    expect(parseUrl('https://h.example\\admin')).toMatchObject({
      authority: 'h.example',
      path: '\\admin',
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'binary' }).map((rest) => `https://${rest}`),
          fc.string({ unit: 'grapheme-ascii' }).map((rest) => `http://${rest}`),
        ),
        (text) => {
          const url = parseUrl(text);
          expect(typeof url.path).toBe('string');
          expect(typeof url.host).toBe('string');
        },
      ),
      { numRuns: 500 },
    );
  });
});
