import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createSigner } from '../signing';
import { requestShape, toSigningInput } from '../../test-support/differential/requestShapes';
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

describe('the query the browser sends', () => {
  // withBrowserPath rewrites only the path: a browser escapes the query in its own way (spaces,
  // quotes, '<', non-ASCII), and that must not change its canonical form. Checked on the
  // differential tests' random requests, with node's WHATWG URL parser standing in for fetch's.
  it('has the canonical form of the query as typed, on random requests', async () => {
    const signer = createSigner({ crypto: nodeSigningCrypto });
    const shapes = fc
      .sample(requestShape, { seed: 7, numRuns: 4000 })
      .filter((shape) => shape.mode === 'header' && shape.rules === 'standard');
    let compared = 0;
    for (const shape of shapes) {
      const input = toSigningInput(shape);
      let search: string;
      try {
        search = new URL(input.url).search;
      } catch {
        continue;
      }
      const queryAt = input.url.indexOf('?');
      const sent = (queryAt < 0 ? input.url : input.url.slice(0, queryAt)) + search;
      const typed = await signer.signRequest(input);
      const browser = await signer.signRequest({ ...input, url: sent });
      expect(browser.canonicalQuery, `${input.url} sent as ${sent}`).toBe(typed.canonicalQuery);
      compared++;
    }
    expect(compared).toBeGreaterThan(500);
  });
});
