/**
 * Keys that move along a tab list (the ARIA tabs pattern: arrows wrap, Home and End go to the
 * ends), as the index they move to from `index`; null for any other key.
 */
export function tabListTarget(key: string, index: number, count: number): number | null {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}
