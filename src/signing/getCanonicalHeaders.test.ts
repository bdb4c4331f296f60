import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  getCanonicalHeaderEntries,
  getCanonicalHeaders,
  getSignedCanonicalHeaders,
  trimHeaderValue,
  type HeaderList,
} from './getCanonicalHeaders';
import { getSignedHeaderNames } from './signedHeaderNames';

/** Header text made of what trimall looks at: blanks of every kind, and a little else. */
const headerText = fc
  .array(fc.constantFrom(' ', '  ', '\t', '\r\n', '\n', '\u00a0', 'a', 'B', '"', ',', 'é'), {
    maxLength: 10,
  })
  .map((pieces) => pieces.join(''));

/** Trimall as two replacements, with no shortcut: trimHeaderValue must answer as this does. */
const trimAll = (value: string) => value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '');

const signAll = () => true;

describe('trimHeaderValue', () => {
  it('trims leading and trailing spaces (get-header-value-trim: " value1" → "value1")', () => {
    expect(trimHeaderValue(' value1 ')).toBe('value1');
  });

  it('folds runs of spaces to one, even inside quotes (get-header-value-trim)', () => {
    expect(trimHeaderValue('"a   b   c"')).toBe('"a b c"');
  });

  it('folds obs-fold line breaks with their indentation (get-header-value-multiline)', () => {
    expect(trimHeaderValue('value1\n  value2\n     value3')).toBe('value1 value2 value3');
    expect(trimHeaderValue('value1\r\n\tvalue2')).toBe('value1 value2');
  });

  it('folds tabs like spaces', () => {
    expect(trimHeaderValue('\ta\t\tb \t c \t')).toBe('a b c');
  });

  it('keeps the case of the value (post-header-value-case)', () => {
    expect(trimHeaderValue('VALUE1')).toBe('VALUE1');
  });

  it('gives the empty string for a whitespace-only value', () => {
    expect(trimHeaderValue(' \t\n ')).toBe('');
  });

  // Browsers strip only HTTP whitespace from a header value, so a value ending in U+00A0 reaches
  // AWS with that byte; String.prototype.trim() would drop it and break the signature.
  it('keeps a non-breaking space at either end (only HTTP whitespace is trimmed)', () => {
    expect(trimHeaderValue('\u00a0a\u00a0b\u00a0')).toBe('\u00a0a\u00a0b\u00a0');
    expect(trimHeaderValue(' \ufeffa ')).toBe('\ufeffa');
  });

  it('keeps a non-breaking space inside the value', () => {
    expect(trimHeaderValue('a\u00a0\u00a0b')).toBe('a\u00a0\u00a0b');
  });

  it('answers as the two replacements do, for values it gives back unchanged too', () => {
    fc.assert(
      fc.property(fc.oneof(headerText, fc.string()), (value) => {
        expect(trimHeaderValue(value)).toBe(trimAll(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('getCanonicalHeaderEntries', () => {
  it('gives one entry per signed name, sorted, values joined in request order', () => {
    // Built as the step describes it: group, sort the names, join each group.
    const byGrouping = (headers: HeaderList, isSigned: (name: string) => boolean) => {
      const groups = new Map<string, string[]>();
      for (const [name, value] of headers) {
        const key = name.toLowerCase();
        if (isSigned(key)) groups.set(key, [...(groups.get(key) ?? []), trimAll(value)]);
      }
      return [...groups.keys()].sort().map((name) => [name, groups.get(name)!.join(',')]);
    };
    const name = fc.constantFrom('Host', 'host', 'X-Amz-Date', 'a', 'B', 'b', 'Z', '', 'é');
    fc.assert(
      fc.property(fc.array(fc.tuple(name, headerText), { maxLength: 8 }), (headers) => {
        const isSigned = (key: string) => key !== 'b';
        expect(getCanonicalHeaderEntries(headers, isSigned)).toEqual(byGrouping(headers, isSigned));
      }),
    );
  });
});

describe('getCanonicalHeaders', () => {
  it('lower-cases names and sorts them (post-header-key-sort)', () => {
    const result = getCanonicalHeaders(
      [
        ['Host', 'example.amazonaws.com'],
        ['My-Header1', 'value1'],
        ['X-Amz-Date', '20150830T123600Z'],
        ['Content-Type', 'text/plain'],
      ],
      signAll,
    );
    expect(result.canonicalHeaders).toBe(
      'content-type:text/plain\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n',
    );
    expect(result.signedHeaders).toBe('content-type;host;my-header1;x-amz-date');
  });

  it('sorts names byte-wise after lower-casing (x-amz-* after host, "a-b" after "a")', () => {
    const result = getCanonicalHeaders(
      [
        ['a-b', '2'],
        ['A', '1'],
        ['B', '3'],
      ],
      signAll,
    );
    expect(result.signedHeaders).toBe('a;a-b;b');
  });

  it('joins duplicate headers with "," in request order (get-header-key-duplicate)', () => {
    const result = getCanonicalHeaders(
      [
        ['Host', 'example.amazonaws.com'],
        ['My-Header1', 'value2'],
        ['My-Header1', 'value2'],
        ['My-Header1', 'value1'],
      ],
      signAll,
    );
    expect(result.canonicalHeaders).toBe(
      'host:example.amazonaws.com\nmy-header1:value2,value2,value1\n',
    );
    expect(result.signedHeaders).toBe('host;my-header1');
  });

  it('merges duplicates whose names differ only in case', () => {
    const result = getCanonicalHeaders(
      [
        ['x-a', 'one'],
        ['X-A', ' two '],
      ],
      signAll,
    );
    expect(result.canonicalHeaders).toBe('x-a:one,two\n');
  });

  it('keeps the order of the values of a list header (get-header-value-order)', () => {
    const result = getCanonicalHeaders([['My-Header1', 'value4,value1,value3,value2']], signAll);
    expect(result.canonicalHeaders).toBe('my-header1:value4,value1,value3,value2\n');
  });

  it('trims and folds each value (get-header-value-trim, get-header-value-multiline)', () => {
    const result = getCanonicalHeaders(
      [
        ['My-Header1', ' value1'],
        ['My-Header2', ' "a   b   c"'],
        ['My-Header3', 'value1\n  value2\n     value3'],
      ],
      signAll,
    );
    expect(result.canonicalHeaders).toBe(
      'my-header1:value1\nmy-header2:"a b c"\nmy-header3:value1 value2 value3\n',
    );
  });

  it('keeps an empty value as "name:"', () => {
    expect(getCanonicalHeaders([['X-Empty', '  ']], signAll).canonicalHeaders).toBe('x-empty:\n');
  });

  it('leaves out the headers the filter rejects, and passes it the lower-case name', () => {
    const seen: string[] = [];
    const result = getCanonicalHeaders(
      [
        ['Host', 'h'],
        ['User-Agent', 'ua'],
        ['X-Skip', 's'],
      ],
      (name) => {
        seen.push(name);
        return name !== 'user-agent' && name !== 'x-skip';
      },
    );
    expect(seen).toEqual(['host', 'user-agent', 'x-skip']);
    expect(result).toEqual({ canonicalHeaders: 'host:h\n', signedHeaders: 'host' });
  });

  it('gives empty strings when nothing is signed', () => {
    expect(getCanonicalHeaders([['A', '1']], () => false)).toEqual({
      canonicalHeaders: '',
      signedHeaders: '',
    });
  });
});

describe('getSignedCanonicalHeaders', () => {
  it('gives the block getCanonicalHeaders gives for the same signed names', () => {
    const name = fc.constantFrom('Host', 'host', 'X-Amz-Date', 'a', 'B', 'b', 'Z', '', 'é', 'A-');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, headerText), { maxLength: 8 }),
        fc.array(name, { maxLength: 6 }),
        (headers, signedNames) => {
          const signed = getSignedHeaderNames(signedNames.join(';'));
          expect(getSignedCanonicalHeaders(headers, signed)).toBe(
            getCanonicalHeaders(headers, (key) => signed.lowerCase.has(key)).canonicalHeaders,
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});
