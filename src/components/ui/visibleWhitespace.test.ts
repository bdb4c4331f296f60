import { describe, expect, it } from 'vitest';
import { describeCodePoint, markWhitespace } from './visibleWhitespace';

const kinds = (line: string) => markWhitespace(line).map(({ kind, text }) => `${kind}:${text}`);

describe('markWhitespace', () => {
  it('leaves single spaces between words as plain text', () => {
    expect(kinds('a b c')).toEqual(['text:a b c']);
  });

  it('marks leading, trailing and doubled spaces, one segment per space', () => {
    expect(kinds(' a  b ')).toEqual([
      'space: ',
      'text:a',
      'space: ',
      'space: ',
      'text:b',
      'space: ',
    ]);
  });

  it('marks tabs and invisible characters such as a non-breaking space', () => {
    expect(kinds('a\tb\u00a0c\u200bd')).toEqual([
      'text:a',
      'tab:\t',
      'text:b',
      'invisible:\u00a0',
      'text:c',
      'invisible:\u200b',
      'text:d',
    ]);
  });

  it('gives the line back unchanged when the segments are joined', () => {
    for (const line of ['', ' ', '  x  ', 'host:example.com', 'a\t \u00a0b  ', '😀 x']) {
      expect(
        markWhitespace(line)
          .map((s) => s.text)
          .join(''),
      ).toBe(line);
    }
  });

  it('marks a line of only spaces entirely', () => {
    expect(kinds('  ')).toEqual(['space: ', 'space: ']);
  });
});

describe('describeCodePoint', () => {
  it('names the code point in U+ form', () => {
    expect(describeCodePoint('\u00a0')).toBe('U+00A0');
    expect(describeCodePoint('😀')).toBe('U+1F600');
  });
});
