// IAM's wildcard match for Action, Resource and the String/ArnLike operators, without regular
// expressions: the resource ARN carries the request's path, and a pattern built into a RegExp
// ('*' → '.*') backtracks exponentially in the number of stars. Besides the answer it says how far
// a failed match got, so the page can point at the part that differs (`GET` against `POST`).
import type { IamPatternTry } from '../../../src/diagnosis/iamDecisionTrace';

/**
 * Whether `value` matches `pattern` as a whole: '*' matches any run of characters ('/' included),
 * '?' exactly one. The two-pointer walk remembers only the last star: on a mismatch that star
 * takes one more character and the walk retries, since an earlier star could not do better.
 * Time O(pattern × value) at worst. Characters are code points, so '?' takes an astral character.
 * `ignoreCase`: actions compare case-insensitively in IAM, resources case-sensitively.
 */
export function tryIamPattern(pattern: string, value: string, ignoreCase = false): IamPatternTry {
  const p = Array.from(ignoreCase ? pattern.toLowerCase() : pattern);
  const v = Array.from(ignoreCase ? value.toLowerCase() : value);
  let pi = 0;
  let vi = 0;
  let starAt = -1;
  let starValueAt = 0;
  // The furthest the pattern got before a character it could not take, and where the value was.
  let bestP = -1;
  let bestV = 0;
  const miss = () => {
    if (pi > bestP) {
      bestP = pi;
      bestV = vi;
    }
  };
  while (vi < v.length) {
    const char = p[pi];
    if (char === '*') {
      starAt = pi++;
      starValueAt = vi;
    } else if (char !== undefined && (char === '?' || char === v[vi])) {
      pi++;
      vi++;
    } else {
      miss();
      if (starAt < 0) return failed(pattern, value, p, v, bestP, bestV);
      pi = starAt + 1;
      vi = ++starValueAt;
    }
  }
  while (p[pi] === '*') pi++;
  if (pi === p.length) return { pattern, matched: true };
  miss();
  return failed(pattern, value, p, v, bestP, bestV);
}

/** A miss, its prefixes turned from code points into string indices of the original texts. */
function failed(
  pattern: string,
  value: string,
  p: string[],
  v: string[],
  bestP: number,
  bestV: number,
): IamPatternTry {
  const units = (chars: string[], count: number, text: string) =>
    Math.min(chars.slice(0, count).join('').length, text.length);
  return {
    pattern,
    matched: false,
    patternPrefix: units(p, bestP, pattern),
    valuePrefix: units(v, bestV, value),
  };
}

/** The yes/no of tryIamPattern, for callers that need no trace. */
export const matchesIamPattern = (pattern: string, value: string, ignoreCase = false): boolean =>
  tryIamPattern(pattern, value, ignoreCase).matched;
