import { describe, expect, it } from 'vitest';
import { getHostHeaderMismatches } from './getHostHeaderMismatches';

describe('getHostHeaderMismatches', () => {
  it('finds a Host header naming another host than the URL', () => {
    expect(
      getHostHeaderMismatches('https://evil.example/x', [
        ['Accept', '*/*'],
        ['Host', 'sts.amazonaws.com'],
      ]),
    ).toEqual([{ index: 1, headerHost: 'sts.amazonaws.com', urlHost: 'evil.example' }]);
  });

  it('accepts the same host in another case, with the default port, or padded', () => {
    for (const value of ['Example.COM', 'example.com:443', ' example.com ']) {
      expect(getHostHeaderMismatches('https://example.com/', [['host', value]])).toEqual([]);
    }
    expect(
      getHostHeaderMismatches('http://127.0.0.1:5174/a', [['HOST', '127.0.0.1:5174']]),
    ).toEqual([]);
  });

  it('reports another port, a path or user information smuggled into the value', () => {
    for (const value of ['example.com:8443', 'example.com/x', 'me@example.com', '']) {
      expect(getHostHeaderMismatches('https://example.com/', [['Host', value]])).toHaveLength(1);
    }
  });

  it('says nothing without a Host header or without a host in the URL', () => {
    expect(getHostHeaderMismatches('https://example.com/', [['x-host', 'other']])).toEqual([]);
    expect(getHostHeaderMismatches('not a url', [['Host', 'other']])).toEqual([]);
  });
});
