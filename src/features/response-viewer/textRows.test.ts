import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInText, rowAt, textRows } from './textRows';

function rowTexts(text: string, max?: number): Array<[number, string]> {
  const rows = textRows(text, max);
  return Array.from({ length: rows.count }, (_, index) => [
    rows.line[index]!,
    text.slice(rows.start[index], rows.end[index]),
  ]);
}

describe('textRows', () => {
  it('numbers lines, drops CR of CRLF and splits long lines into continuation rows', () => {
    expect(rowTexts('ab\r\ncdefg\n', 3)).toEqual([
      [1, 'ab'],
      [2, 'cde'],
      [0, 'fg'],
    ]);
    expect(rowTexts('')).toEqual([[1, '']]);
    expect(rowTexts('\n\n')).toEqual([
      [1, ''],
      [2, ''],
    ]);
  });

  it('on random text: the rows, joined by line, give back the lines', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 20 }), (text, max) => {
        const rows = rowTexts(text, max);
        const lines: string[] = [];
        for (const [line, part] of rows) {
          expect(part.length).toBeLessThanOrEqual(max);
          if (line === 0) lines[lines.length - 1] += part;
          else lines.push(part);
        }
        const expected = text.split('\n').map((line) => line.replace(/\r$/, ''));
        if (text.endsWith('\n')) expected.pop();
        expect(lines).toEqual(expected.length === 0 ? [''] : expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rowAt', () => {
  it('finds the row of an offset', () => {
    const rows = textRows('abc\ndefgh\ni', 3);
    expect([0, 2, 3, 4, 7, 9, 10].map((offset) => rowAt(rows, offset))).toEqual([
      0, 0, 0, 1, 2, 2, 3,
    ]);
  });
});

describe('findInText', () => {
  it('finds every occurrence ignoring case, regular expression characters taken literally', () => {
    expect(findInText('a.b A.B axb', 'a.b')).toEqual([0, 4]);
    expect(findInText('aaa', '')).toEqual([]);
    expect(findInText('x'.repeat(100), 'x', 7)).toHaveLength(7);
  });
});
