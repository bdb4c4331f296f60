import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { findInText, MAX_TEXT_MATCHES, rowAt, textRows } from './textRows';
import { SearchBox } from './SearchBox';
import { useSearch, wholeSearch } from './useSearch';

/** Every row is this tall (CSS .text-row): rows are placed without measuring them. */
const ROW_HEIGHT = 18;

/** The first match at or after `offset` in the sorted `matches`. */
function firstAtOrAfter(matches: readonly number[], offset: number): number {
  let low = 0;
  let high = matches.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (matches[middle]! < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Text with line numbers, searchable, in a scrolling region that holds only the rows in view.
 * `label` names the region ("Response body").
 */
export function TextView({ text, label }: { text: string; label: string }) {
  const rows = useMemo(() => textRows(text), [text]);
  const find = useCallback((query: string) => wholeSearch(() => findInText(text, query)), [text]);
  const search = useSearch(find);
  const { currentMatch } = search;
  const queryLength = search.query.length;

  const scrollRef = useRef<HTMLDivElement>(null);
  // The page is not built with the React Compiler, and the virtualizer re-renders its component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  useEffect(() => {
    if (currentMatch === undefined) return;
    virtualizer.scrollToIndex(rowAt(rows, currentMatch), { align: 'center' });
    // Then sideways, once the row is drawn (a row can be 1,000 characters wide): only the region
    // scrolls, never the page (scrollIntoView would move the page too).
    let frame = 0;
    let tries = 0;
    const reveal = () => {
      const scroller = scrollRef.current;
      const mark = scroller?.querySelector<HTMLElement>('.text-current-match');
      if (scroller == null || mark == null) {
        tries += 1;
        if (tries < 10) frame = requestAnimationFrame(reveal);
        return;
      }
      const left = mark.offsetLeft;
      const right = left + mark.offsetWidth;
      if (left < scroller.scrollLeft || right > scroller.scrollLeft + scroller.clientWidth) {
        scroller.scrollLeft = Math.max(0, left - scroller.clientWidth / 2);
      }
    };
    frame = requestAnimationFrame(reveal);
    return () => cancelAnimationFrame(frame);
    // Only when the match changes: scrolling by hand afterwards is left alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentMatch]);

  // The last row may continue a line: the line count is the last numbered row's.
  let lastNumbered = rows.count - 1;
  while (lastNumbered > 0 && rows.line[lastNumbered] === 0) lastNumbered -= 1;
  const lineCount = rows.line[lastNumbered]!;
  const digits = String(lineCount).length;

  /** The row's text with the matches in it marked. */
  const rowContent = (row: number): ReactNode => {
    const start = rows.start[row]!;
    const end = rows.end[row]!;
    const parts: ReactNode[] = [];
    let at = start;
    if (queryLength > 0) {
      for (
        let index = firstAtOrAfter(search.matches, start);
        index < search.matches.length;
        index++
      ) {
        const match = search.matches[index]!;
        if (match >= end) break;
        const matchEnd = Math.min(end, match + queryLength);
        if (match > at) parts.push(text.slice(at, match));
        parts.push(
          <mark key={match} className={match === currentMatch ? 'text-current-match' : undefined}>
            {text.slice(match, matchEnd)}
          </mark>,
        );
        at = matchEnd;
      }
    }
    if (at < end) parts.push(text.slice(at, end));
    return parts;
  };

  return (
    <div className="text-view">
      <div className="viewer-toolbar">
        <SearchBox
          label={`Search the ${label.toLowerCase()}`}
          query={search.query}
          onQuery={search.setQuery}
          matches={search.matches.length}
          current={search.current}
          capped={search.matches.length >= MAX_TEXT_MATCHES}
          onMove={search.move}
        />
        <span className="muted viewer-note">
          {lineCount === 1 ? '1 line' : `${lineCount.toLocaleString('en-US')} lines`}
        </span>
      </div>
      {/* It scrolls: a Tab stop, so the keyboard can scroll it too. */}
      <div ref={scrollRef} className="viewer-scroll" role="region" aria-label={label} tabIndex={0}>
        <div className="viewer-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.index}
              className="text-row"
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <span className="line-number" aria-hidden="true" style={{ width: `${digits}ch` }}>
                {rows.line[item.index] || ''}
              </span>
              <span className="line-text">{rowContent(item.index)}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
