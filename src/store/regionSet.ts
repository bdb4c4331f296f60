import type { ValidationIssue } from '../signing';

/**
 * The region set as typed (`ca-central-1, us-*`): split at commas, trimmed, empty parts dropped.
 * Empty means the signer's default, the request's region alone.
 */
export function parseRegionSet(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const REGION_PATTERN = /^[a-z0-9*-]+$/;

/** Entries of a region set that cannot name a region: a warning, with the lower-cased set as fix. */
export function regionSetIssues(text: string): ValidationIssue[] {
  const odd = parseRegionSet(text).filter((entry) => !REGION_PATTERN.test(entry));
  if (odd.length === 0) return [];
  const lowered = parseRegionSet(text).map((entry) => entry.toLowerCase());
  const fixable = lowered.every((entry) => REGION_PATTERN.test(entry));
  return [
    {
      field: 'regionSet',
      severity: 'warning',
      message: `${odd.map((entry) => `“${entry}”`).join(', ')} ${odd.length === 1 ? 'is' : 'are'} not a region name or a pattern such as us-*: only lower-case letters, digits, '-' and '*'.`,
      ...(fixable ? { fix: lowered.join(',') } : {}),
    },
  ];
}
