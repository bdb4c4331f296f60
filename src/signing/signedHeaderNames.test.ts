import { describe, expect, it } from 'vitest';
import { getSignedHeaderNames } from './signedHeaderNames';

describe('getSignedHeaderNames', () => {
  it('gives each name as written once, and the lower-case names sorted, each with its place', () => {
    const read = getSignedHeaderNames('x-amz-date;Host;host;Host');
    expect(read.names).toEqual(['x-amz-date', 'Host', 'host']);
    expect(read.sorted).toEqual(['host', 'x-amz-date']);
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
