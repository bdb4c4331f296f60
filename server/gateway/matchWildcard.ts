// Wildcard matching for IAM resource patterns and SigV4a region sets, without regular expressions:
// a pattern built into a RegExp from input ('*' → '.*') backtracks exponentially in the number of
// stars, and region sets come from unauthenticated requests.

export interface WildcardOptions {
  /** Whether '?' matches exactly one character (IAM) or only itself (region sets). */
  questionMark: boolean;
}

/**
 * Whether `value` matches `pattern` as a whole, where '*' matches any run of characters (the
 * empty run and '/' included). The two-pointer walk remembers only the last star: on a mismatch
 * it lets that star take one more character and retries, since an earlier star could not do
 * better than the later one. Time O(pattern × value) at worst, memory O(pattern + value);
 * characters are code points, so '?' takes a whole astral character.
 */
export function matchesWildcard(pattern: string, value: string, options: WildcardOptions): boolean {
  const p = Array.from(pattern);
  const v = Array.from(value);
  let pi = 0;
  let vi = 0;
  let starAt = -1;
  let starValueAt = 0;
  while (vi < v.length) {
    const char = p[pi];
    if (char === '*') {
      starAt = pi++;
      starValueAt = vi;
    } else if (char !== undefined && (char === v[vi] || (options.questionMark && char === '?'))) {
      pi++;
      vi++;
    } else if (starAt >= 0) {
      pi = starAt + 1;
      vi = ++starValueAt;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi++;
  return pi === p.length;
}
