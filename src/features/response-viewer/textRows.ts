// Text cut into rows for a virtualized view: one row per line, and a line longer than
// `maxRowChars` (a minified 10 MiB JSON is one line) split into several rows, so that no row is
// too long to lay out. Only offsets are kept; the rows on screen are sliced from the text.

export const MAX_ROW_CHARS = 1000;

export interface TextRows {
  count: number;
  /** Offsets into the text: row i is text.slice(start[i], end[i]). */
  start: Int32Array;
  end: Int32Array;
  /** The 1-based line number on the line's first row; 0 on the rows that continue it. */
  line: Int32Array;
}

class IntList {
  values = new Int32Array(1024);
  length = 0;
  push(value: number) {
    if (this.length === this.values.length) {
      const bigger = new Int32Array(this.values.length * 2);
      bigger.set(this.values);
      this.values = bigger;
    }
    this.values[this.length] = value;
    this.length += 1;
  }
  done(): Int32Array {
    return this.values.subarray(0, this.length);
  }
}

/** The rows of `text`; a final line break does not make an empty last row. */
export function textRows(text: string, maxRowChars = MAX_ROW_CHARS): TextRows {
  const start = new IntList();
  const end = new IntList();
  const line = new IntList();
  let lineNumber = 0;
  let lineStart = 0;
  while (lineStart < text.length || lineNumber === 0) {
    lineNumber += 1;
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    // A CRLF line ends before its CR.
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    let rowStart = lineStart;
    do {
      const rowEnd = Math.min(contentEnd, rowStart + maxRowChars);
      start.push(rowStart);
      end.push(rowEnd);
      line.push(rowStart === lineStart ? lineNumber : 0);
      rowStart = rowEnd;
    } while (rowStart < contentEnd);
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return { count: start.length, start: start.done(), end: end.done(), line: line.done() };
}

/** The row holding the character at `offset`. */
export function rowAt(rows: TextRows, offset: number): number {
  let low = 0;
  let high = rows.count - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (rows.start[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Search stops after this many matches. */
export const MAX_TEXT_MATCHES = 10_000;

/**
 * Where `query` occurs in `text`, ignoring case (Unicode simple case folding, so the offsets are
 * those of the text itself); at most `maxMatches`, not overlapping.
 */
export function findInText(text: string, query: string, maxMatches = MAX_TEXT_MATCHES): number[] {
  if (query === '') return [];
  // A literal pattern: the regular expression engine searches for it in one pass.
  const pattern = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  const found: number[] = [];
  for (
    let match = pattern.exec(text);
    match !== null && found.length < maxMatches;
    match = pattern.exec(text)
  ) {
    found.push(match.index);
  }
  return found;
}
