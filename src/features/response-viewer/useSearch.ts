import { useEffect, useState } from 'react';

/**
 * A search that can stop and go on: each `next()` does a bounded piece of the work, the last one
 * returns the matches. A tree of a million values is searched in pieces (searchTreeSteps), so
 * typing in the search box never waits for the search of the previous keystroke.
 */
export type SearchSteps<T> = Iterator<unknown, T[], undefined>;

/** How long the search may hold the page before it lets typing, scrolling and painting in. */
const SLICE_MS = 8;

/** A search done in one step, for what is fast enough to search whole. */
export function wholeSearch<T>(matches: () => T[]): SearchSteps<T> {
  return { next: () => ({ done: true, value: matches() }) };
}

/** The last complete search's matches, and the search they came from (another body: stale). */
interface Found<T> {
  find: (query: string) => SearchSteps<T>;
  matches: T[];
}

/**
 * A query, its matches (found by `find` in slices of a few milliseconds after the keystroke; the
 * previous matches stay until the new ones are complete) and the current one, moved by Next and
 * Previous with wrap-around.
 */
export function useSearch<T>(find: (query: string) => SearchSteps<T>) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [found, setFound] = useState<Found<T>>({ find, matches: [] });
  useEffect(() => {
    const steps = find(query);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const run = () => {
      const stopAt = performance.now() + SLICE_MS;
      for (;;) {
        const step = steps.next();
        if (step.done) {
          setFound({ find, matches: step.value });
          return;
        }
        if (performance.now() >= stopAt) {
          timer = setTimeout(run, 0);
          return;
        }
      }
    };
    // Started after the keystroke has been drawn; a newer query or body stops it.
    timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  }, [find, query]);
  // An emptied box, or another body: no stale matches.
  const matches = query === '' || found.find !== find ? [] : found.matches;
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
