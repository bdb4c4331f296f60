import type { KeyboardEvent } from 'react';

interface SearchBoxProps {
  /** The field's accessible name: "Search the JSON". */
  label: string;
  query: string;
  onQuery: (query: string) => void;
  /** How many matches, and which one is current (0-based); omitted for a filter. */
  matches: number;
  current?: number;
  /** Whether the search stopped at its limit: the count is then a lower bound. */
  capped?: boolean;
  onMove?: (step: 1 | -1) => void;
}

/** A search field with its match count and, for a search that moves, Previous and Next. */
export function SearchBox({
  label,
  query,
  onQuery,
  matches,
  current,
  capped,
  onMove,
}: SearchBoxProps) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' && onMove !== undefined) {
      event.preventDefault();
      onMove(event.shiftKey ? -1 : 1);
    }
  };
  const count = `${matches}${capped ? '+' : ''}`;
  return (
    <div className="viewer-search">
      <input
        type="search"
        aria-label={label}
        placeholder="Search"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <span className="viewer-search-count" role="status" aria-label={`${label}: matches`}>
        {query === ''
          ? ''
          : matches === 0
            ? 'No match'
            : current === undefined
              ? `${count} ${matches === 1 ? 'match' : 'matches'}`
              : `${current + 1} of ${count}`}
      </span>
      {onMove !== undefined && (
        <>
          <button
            type="button"
            className="small-button"
            aria-label="Previous match"
            disabled={matches === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="small-button"
            aria-label="Next match"
            disabled={matches === 0}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
        </>
      )}
    </div>
  );
}
