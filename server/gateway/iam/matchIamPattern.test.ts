import { describe, expect, it } from 'vitest';
import { matchesIamPattern, tryIamPattern } from './matchIamPattern';

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
const INVOKE = 'execute-api:Invoke';

describe('matchesIamPattern', () => {
  it('matches literally when the pattern has no wildcard', () => {
    expect(matchesIamPattern(`${API}/prod/GET/hello`, `${API}/prod/GET/hello`)).toBe(true);
    expect(matchesIamPattern(`${API}/prod/GET/hello`, `${API}/prod/GET/hello2`)).toBe(false);
    expect(matchesIamPattern(`${API}/prod/GET/hello`, `${API}/prod/GET/hell`)).toBe(false);
  });

  it("lets '*' match any run of characters, '/' included, and the empty run", () => {
    expect(matchesIamPattern(`${API}/*`, `${API}/prod/POST/items/7/parts`)).toBe(true);
    expect(matchesIamPattern(`${API}/*/POST/*`, `${API}/prod/POST/hello`)).toBe(true);
    expect(matchesIamPattern(`${API}/*/POST/*`, `${API}/prod/v2/POST/a/b`)).toBe(true);
    expect(matchesIamPattern(`${API}/*/POST/*`, `${API}/prod/GET/hello`)).toBe(false);
    expect(matchesIamPattern(`${API}/prod/GET/*`, `${API}/prod/GET/`)).toBe(true);
    expect(matchesIamPattern('*', '')).toBe(true);
  });

  it("lets '?' match exactly one character, '/' included", () => {
    expect(matchesIamPattern(`${API}/prod/???/hello`, `${API}/prod/GET/hello`)).toBe(true);
    expect(matchesIamPattern(`${API}/prod/???/hello`, `${API}/prod/POST/hello`)).toBe(false);
    expect(matchesIamPattern(`${API}/prod?GET/hello`, `${API}/prod/GET/hello`)).toBe(true);
    expect(matchesIamPattern('a?c', 'ac')).toBe(false);
    expect(matchesIamPattern('a?c', 'a\nc')).toBe(true);
  });

  it('treats regular-expression characters in the pattern literally', () => {
    expect(matchesIamPattern('a.c', 'abc')).toBe(false);
    expect(matchesIamPattern('a+(b)[c]{d}|^$\\', 'a+(b)[c]{d}|^$\\')).toBe(true);
    expect(
      matchesIamPattern(
        'arn:aws:execute-api:*:*:*/$default/*',
        'arn:aws:execute-api:r:a:i/$default/GET/',
      ),
    ).toBe(true);
  });

  it('compares resources case-sensitively unless asked not to (actions)', () => {
    expect(matchesIamPattern(`${API}/prod/get/hello`, `${API}/prod/GET/hello`)).toBe(false);
    expect(matchesIamPattern('execute-api:invoke', INVOKE)).toBe(false);
    expect(matchesIamPattern('execute-api:invoke', INVOKE, true)).toBe(true);
    expect(matchesIamPattern('EXECUTE-API:*', INVOKE, true)).toBe(true);
  });

  it('keeps the case-sensitive and case-insensitive compilations of one pattern apart', () => {
    expect(matchesIamPattern('ABC', 'abc', true)).toBe(true);
    expect(matchesIamPattern('ABC', 'abc')).toBe(false);
    expect(matchesIamPattern('ABC', 'abc', true)).toBe(true);
  });
});

describe('tryIamPattern', () => {
  it('says how far a failed match got, so the page can point at the difference', () => {
    const pattern = `${API}/*/POST/*`;
    const value = `${API}/prod/GET/hello`;
    const tried = tryIamPattern(pattern, value);
    expect(tried.matched).toBe(false);
    expect(pattern.slice(tried.patternPrefix)).toBe('POST/*');
    expect(value.slice(tried.valuePrefix)).toBe('GET/hello');
  });

  it('gives no prefixes for a match, and string indices for astral characters', () => {
    expect(tryIamPattern('a*', 'abc')).toEqual({ pattern: 'a*', matched: true });
    const tried = tryIamPattern('\u{1F600}x', '\u{1F600}y');
    expect(tried).toMatchObject({ matched: false, patternPrefix: 2, valuePrefix: 2 });
  });

  it('points at the first character of a pattern that matches nothing', () => {
    expect(tryIamPattern('sts:AssumeRole', INVOKE, true)).toMatchObject({
      patternPrefix: 0,
      valuePrefix: 0,
    });
  });
});
