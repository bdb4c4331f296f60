import { describe, expect, it } from 'vitest';
import { parseRegionSet } from './regionSet';

describe('parseRegionSet', () => {
  it('splits at commas and drops blanks', () => {
    expect(parseRegionSet('')).toEqual([]);
    expect(parseRegionSet(' , ')).toEqual([]);
    expect(parseRegionSet('ca-central-1')).toEqual(['ca-central-1']);
    expect(parseRegionSet('us-*, eu-west-1,')).toEqual(['us-*', 'eu-west-1']);
  });
});
