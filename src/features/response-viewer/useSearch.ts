import { useDeferredValue, useMemo, useState } from 'react';

/**
 * A query, its matches (found by `find`, deferred so typing stays responsive on a large body) and
 * the current one, moved by Next and Previous with wrap-around.
 */
export function useSearch<T>(find: (query: string) => T[]) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const deferred = useDeferredValue(query);
  const matches = useMemo(() => find(deferred), [find, deferred]);
  const index = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);
  return {
    query,
    setQuery: (next: string) => {
      setQuery(next);
      setCurrent(0);
    },
    matches,
    current: index,
    currentMatch: matches[index],
    /** The index it moved to, so the caller can bring that match into view. */
    move: (step: 1 | -1): T | undefined => {
      if (matches.length === 0) return undefined;
      const next = (index + step + matches.length) % matches.length;
      setCurrent(next);
      return matches[next];
    },
  };
}
