import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../../test-support/arbitraries';
import { locateJsonMistake, readJsonText } from './readJsonText';

const error = (text: string) => {
  const result = readJsonText(text, 'The file');
  if (result.ok) throw new Error('parsed');
  return result.error;
};

describe('readJsonText', () => {
  it('parses JSON, a byte-order mark before it included', () => {
    expect(readJsonText('{"a":[1,2]}', 'x')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(readJsonText('\uFEFF{"a":1}', 'x')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('says what is wrong, and at which line and column', () => {
    expect(error('{\n  "info": {,\n}')).toBe(
      "The file is not valid JSON: expected a property name in double quotes, found ',' (line 2, column 12).",
    );
    expect(error('{"a": 1,}')).toBe(
      "The file is not valid JSON: a comma before '}': JSON allows no trailing comma (line 1, column 9).",
    );
    expect(error('[1, 2,]')).toBe(
      "The file is not valid JSON: a comma before ']': JSON allows no trailing comma (line 1, column 7).",
    );
    expect(error("{'a': 1}")).toMatch(
      /expected a property name in double quotes, found "'" \(line 1, column 2\)/,
    );
    expect(error('{"a": \'x\'}')).toMatch(/JSON strings take double quotes \(line 1, column 7\)/);
    expect(error('{"a": 1 // note\n}')).toMatch(
      /expected ',' or '}', found '\/' \(line 1, column 9\)/,
    );
    expect(error('{"a": "line\nbreak"}')).toMatch(
      /a string holds a line break.*\(line 1, column 12\)/,
    );
    expect(error('{"a": "\\q"}')).toMatch(
      /'q' cannot follow a backslash in a string \(line 1, column 8\)/,
    );
    expect(error('{"a": "open')).toMatch(/this string is never closed \(line 1, column 7\)/);
    expect(error('{"a": [1, 2')).toMatch(
      /the file ends before the closing '\]' \(line 1, column 12\)/,
    );
    expect(error('{"a": 1} x')).toMatch(
      /unexpected 'x' after the end of the JSON value \(line 1, column 10\)/,
    );
    expect(error('{"a": tru}')).toMatch(/expected a value, found 't' \(line 1, column 7\)/);
    expect(error('{"a": 01}')).toMatch(/expected ',' or '}', found '1' \(line 1, column 8\)/);
    expect(error('')).toBe('The file is not valid JSON: the file is empty (line 1, column 1).');
  });

  it('finds a mistake under nesting far deeper than any stack', () => {
    const deep = '['.repeat(200_000) + '}' + ']'.repeat(200_000);
    expect(error(deep)).toMatch(/expected a value, found '\}' \(line 1, column 200001\)/);
  });

  it('never throws, and always names a place inside the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText(60),
          fc.json().map((json) => json.slice(0, -1)),
          fc.json().map((json) => `${json},`),
        ),
        (text) => {
          const result = readJsonText(text, 'The file');
          if (result.ok) return;
          const mistake = locateJsonMistake(text.startsWith('\uFEFF') ? text.slice(1) : text);
          expect(mistake.at).toBeGreaterThanOrEqual(0);
          expect(mistake.at).toBeLessThanOrEqual(text.length);
          expect(result.error).toMatch(
            /^The file is not valid JSON: .+ \(line \d+, column \d+\)\.$/s,
          );
        },
      ),
    );
  });
});
