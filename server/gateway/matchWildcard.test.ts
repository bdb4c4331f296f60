import { describe, expect, it } from 'vitest';
import { matchesWildcard } from './matchWildcard';
import { MAX_REGION_SET_ENTRIES, MAX_REGION_SET_LENGTH, regionSetIncludes } from './verifyRequest';

const IAM = { questionMark: true };
const STARS_ONLY = { questionMark: false };

describe('matchesWildcard', () => {
  it("lets '*' match any run, the empty one and '/' included", () => {
    expect(matchesWildcard('*', '', IAM)).toBe(true);
    expect(matchesWildcard('a*', 'a', IAM)).toBe(true);
    expect(matchesWildcard('a*c', 'ab/bc', IAM)).toBe(true);
    expect(matchesWildcard('a*c', 'ab/bd', IAM)).toBe(false);
    expect(matchesWildcard('*a*b*', 'xxaxxbxx', IAM)).toBe(true);
    expect(matchesWildcard('*a*b', 'xxbxxa', IAM)).toBe(false);
    expect(matchesWildcard('us-*', 'us-east-1', STARS_ONLY)).toBe(true);
    expect(matchesWildcard('us-*', 'ca-central-1', STARS_ONLY)).toBe(false);
  });

  it("lets '?' match one character (a whole astral one) only when asked to", () => {
    expect(matchesWildcard('a?c', 'abc', IAM)).toBe(true);
    expect(matchesWildcard('a?c', 'ac', IAM)).toBe(false);
    expect(matchesWildcard('a?c', 'a😀c', IAM)).toBe(true);
    expect(matchesWildcard('a?c', 'abc', STARS_ONLY)).toBe(false);
    expect(matchesWildcard('a?c', 'a?c', STARS_ONLY)).toBe(true);
  });

  it('matches the whole value, literally otherwise', () => {
    expect(matchesWildcard('abc', 'abcd', IAM)).toBe(false);
    expect(matchesWildcard('bcd', 'abcd', IAM)).toBe(false);
    expect(matchesWildcard('a.c', 'abc', IAM)).toBe(false);
    expect(matchesWildcard('(a)+$', '(a)+$', IAM)).toBe(true);
  });

  // What a regular expression built from the pattern ('*' → '.*') took minutes or more for.
  it('answers adversarial inputs of 100,000 characters at once', () => {
    expect(matchesWildcard(`${'*'.repeat(100_000)}x`, 'ca-central-1', STARS_ONLY)).toBe(false);
    expect(matchesWildcard(`${'*a'.repeat(50_000)}*x`, 'ca-central-1', STARS_ONLY)).toBe(false);
    expect(matchesWildcard(`${'*'.repeat(100_000)}1`, 'ca-central-1', STARS_ONLY)).toBe(true);
    const arn = `arn:aws:execute-api:r:a:api/prod/GET/${'a/'.repeat(50_000)}`;
    expect(matchesWildcard(`arn:*/${'*a/'.repeat(20)}*b`, arn, IAM)).toBe(false);
    expect(matchesWildcard(`arn:*/${'*a/'.repeat(20)}*`, arn, IAM)).toBe(true);
  });
});

describe('regionSetIncludes', () => {
  it('finds the region by name or pattern among comma-separated entries', () => {
    expect(regionSetIncludes('ca-central-1', 'ca-central-1')).toBe(true);
    expect(regionSetIncludes('us-east-1, ca-*', 'ca-central-1')).toBe(true);
    expect(regionSetIncludes('*', 'ca-central-1')).toBe(true);
    expect(regionSetIncludes('us-east-1,,eu-*', 'ca-central-1')).toBe(false);
    expect(regionSetIncludes('', 'ca-central-1')).toBe(false);
  });

  it('includes nothing past its bounds, even the region', () => {
    const long = `ca-central-1,${'x'.repeat(MAX_REGION_SET_LENGTH)}`;
    expect(regionSetIncludes(long, 'ca-central-1')).toBe(false);
    const many = `${'a,'.repeat(MAX_REGION_SET_ENTRIES)}ca-central-1`;
    expect(regionSetIncludes(many, 'ca-central-1')).toBe(false);
    const atBounds = `${'a,'.repeat(MAX_REGION_SET_ENTRIES - 1)}ca-central-1`;
    expect(regionSetIncludes(atBounds, 'ca-central-1')).toBe(true);
    expect(regionSetIncludes(`${'*'.repeat(100_000)}x`, 'ca-central-1')).toBe(false);
    expect(regionSetIncludes(`${'*,'.repeat(50_000)}x`, 'ca-central-1')).toBe(false);
  });
});
