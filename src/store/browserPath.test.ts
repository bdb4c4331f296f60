import { describe, expect, it } from 'vitest';
import { withBrowserPath } from './browserPath';

describe('withBrowserPath', () => {
  it("resolves '.' and '..' segments as the browser does, escaped dots too", () => {
    expect(withBrowserPath('https://h/a/b/..')?.path).toEqual({ written: '/a/b/..', sent: '/a/' });
    expect(withBrowserPath('https://h/a/.')?.path.sent).toBe('/a/');
    expect(withBrowserPath('https://h/a/b/%2e%2E/c')?.path.sent).toBe('/a/c');
  });

  it("percent-encodes what the browser encodes and reads '\\' as '/'", () => {
    expect(withBrowserPath('https://h/a b/é')?.path.sent).toBe('/a%20b/%C3%A9');
    expect(withBrowserPath('https://h/a\\b')?.path.sent).toBe('/a/b');
  });

  it('keeps everything but the path as typed: host, query and fragment', () => {
    expect(withBrowserPath('https://Example.com:443/a/./b?x=a b&y=%2a#top')?.url).toBe(
      'https://Example.com:443/a/b?x=a b&y=%2a#top',
    );
  });

  it('changes nothing the browser sends as typed', () => {
    for (const url of [
      'https://h',
      'https://h?x=1',
      'https://h/',
      'https://h/bucket/a*b%2a%41/%7E/~',
      'https://h/a%2Fb/%2e%2e%2f',
    ]) {
      expect(withBrowserPath(url)).toBeUndefined();
    }
  });

  it('gives up on URLs the browser cannot send', () => {
    expect(withBrowserPath('ftp://h/a/..')).toBeUndefined();
    expect(withBrowserPath('https://exa mple.com/a/..')).toBeUndefined();
    expect(withBrowserPath('not a url')).toBeUndefined();
  });
});
