import { describe, expect, it } from 'vitest';
import { getSignedHeaderNames } from './signedHeaderNames';

describe('getSignedHeaderNames', () => {
  it('gives each name as written once, and the lower-case set', () => {
    const read = getSignedHeaderNames('Host;x-amz-date;host;Host');
    expect(read.names).toEqual(['Host', 'x-amz-date', 'host']);
    expect([...read.lowerCase]).toEqual([
      ['host', 0],
      ['x-amz-date', 1],
    ]);
  });

  it('reads an empty list as one empty name', () => {
    expect(getSignedHeaderNames('').names).toEqual(['']);
    expect([...getSignedHeaderNames(';').lowerCase.keys()]).toEqual(['']);
  });
});
