import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, parseUrl } from '../signing';
import { splitQuery, withQuery, type QueryParam } from './queryParams';

/** Characters that show up in real URLs, percent escapes and the delimiters among them. */
const urlChar = fc.constantFrom(..."aZ09-._~%20%2F+=?/:@!$'()*,;é €".split(''), '%E1%88%B4', '%');
const text = (exclude: RegExp, maxLength = 8) =>
  fc
    .array(urlChar, { maxLength })
    .map((chars) => chars.join(''))
    .filter((value) => !exclude.test(value));

/** A query piece as written: never empty, never holding '&' or '#'. */
const piece = text(/[&#]/).filter((value) => value !== '');
const base = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTPS://'),
    fc.constantFrom('example.amazonaws.com', '127.0.0.1:5174', 'user@h.example', 'h'),
    text(/[?#]/, 12),
  )
  .map(([scheme, host, path]) => `${scheme}${host}${path === '' ? '' : `/${path}`}`);
const fragment = fc.option(
  fc.array(urlChar, { maxLength: 6 }).map((chars) => `#${chars.join('')}?&x=#`),
  { nil: '' },
);
/** A URL whose query has no empty pieces ('&&', leading or trailing '&'); maybe no query at all. */
const url = fc
  .tuple(base, fc.option(fc.array(piece, { maxLength: 6 }), { nil: null }), fragment)
  .map(([start, pieces, end]) => `${start}${pieces === null ? '' : `?${pieces.join('&')}`}${end}`);

describe('splitQuery', () => {
  it('gives the parameters in order, in wire form, noting which had "="', () => {
    expect(
      splitQuery('https://h.example/p?Param-3=Value3&flag&x=a=b&%E1%88%B4=Value1&empty=#top'),
    ).toEqual([
      { name: 'Param-3', value: 'Value3', hasEquals: true },
      { name: 'flag', value: '', hasEquals: false },
      { name: 'x', value: 'a=b', hasEquals: true },
      { name: '%E1%88%B4', value: 'Value1', hasEquals: true },
      { name: 'empty', value: '', hasEquals: true },
    ]);
  });

  it('finds no query in the fragment, and none in a URL without "?"', () => {
    expect(splitQuery('https://h.example/p#a?b=c')).toEqual([]);
    expect(splitQuery('https://h.example/p')).toEqual([]);
    expect(splitQuery('https://h.example/p?')).toEqual([]);
  });

  it('skips empty pieces, as the signer does', () => {
    expect(splitQuery('https://h/?&a=1&&b&')).toEqual([
      { name: 'a', value: '1', hasEquals: true },
      { name: 'b', value: '', hasEquals: false },
    ]);
  });

  it("finds the query where the signer's parseUrl does, and splits it the same way", () => {
    fc.assert(
      fc.property(url, (value) => {
        const rows = splitQuery(value).map(({ name, value: v }) => ({ name, value: v }));
        expect(rows).toEqual(parseQuery(parseUrl(value).query));
      }),
    );
  });
});

describe('withQuery', () => {
  it('rebuilds the query and keeps path and fragment', () => {
    expect(
      withQuery('https://h.example/a%20b?old=1#frag', [
        { name: 'b', value: '%2F' },
        { name: 'flag', value: '', hasEquals: false },
        { name: 'e', value: '' },
      ]),
    ).toBe('https://h.example/a%20b?b=%2F&flag&e=#frag');
  });

  it('adds a query to a URL that had none, and removes it when the table is emptied', () => {
    expect(withQuery('https://h.example/p#f', [{ name: 'a', value: '1' }])).toBe(
      'https://h.example/p?a=1#f',
    );
    expect(withQuery('https://h.example/p?a=1#f', [])).toBe('https://h.example/p#f');
    expect(withQuery('https://h.example/p?', [])).toBe('https://h.example/p?');
  });

  it('escapes only what would split or end a row: "&" and "#", and "=" in a name', () => {
    const rebuilt = withQuery('https://h/', [{ name: 'a=b&c', value: 'x&y=z#w %20' }]);
    expect(rebuilt).toBe('https://h/?a%3Db%26c=x%26y=z%23w %20');
    expect(splitQuery(rebuilt)).toEqual([
      { name: 'a%3Db%26c', value: 'x%26y=z%23w %20', hasEquals: true },
    ]);
  });

  it('round-trips every URL whose query has no empty pieces', () => {
    fc.assert(
      fc.property(url, (value) => {
        expect(withQuery(value, splitQuery(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  });

  it('reads back the rows it was given (rows free of delimiters)', () => {
    const row = fc.record(
      {
        name: text(/[&#=]/),
        value: text(/[&#]/),
        hasEquals: fc.boolean(),
      },
      { requiredKeys: ['name', 'value'] },
    );
    fc.assert(
      fc.property(base, fc.array(row, { minLength: 1, maxLength: 5 }), (start, rows) => {
        // A row with no name, no value and no '=' is an empty piece, which carries nothing.
        const meaningful = rows.filter(
          (r) => r.name !== '' || r.value !== '' || r.hasEquals !== false,
        );
        const expected: QueryParam[] = meaningful.map((r) => ({
          name: r.name,
          value: r.value,
          hasEquals: r.value !== '' || r.hasEquals !== false,
        }));
        expect(splitQuery(withQuery(start, rows))).toEqual(expected);
      }),
    );
  });
});
