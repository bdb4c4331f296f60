import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffChars, diffLines, type LineDiff } from './diffText';

const side = (diff: LineDiff[], key: 'ours' | 'theirs') =>
  diff.flatMap((line) => (line[key] === null ? [] : [line[key]]));

describe('diffLines', () => {
  it('marks equal texts line by line as the same', () => {
    expect(diffLines('a\n\nb', 'a\n\nb')).toEqual([
      { ours: 'a', theirs: 'a', same: true },
      { ours: '', theirs: '', same: true },
      { ours: 'b', theirs: 'b', same: true },
    ]);
  });

  it('pairs a changed line and shows the changed characters', () => {
    const diff = diffLines('GET\n/a%2520b\nq', 'GET\n/a%20b\nq');
    expect(diff[1]).toEqual({
      ours: '/a%2520b',
      theirs: '/a%20b',
      same: false,
      oursSpans: [
        { text: '/a%2', changed: false },
        { text: '52', changed: true },
        { text: '0b', changed: false },
      ],
      theirsSpans: [{ text: '/a%20b', changed: false }],
    });
  });

  it('shows a line only one side has', () => {
    const diff = diffLines('host:h\nx-a:1\nx-b:2', 'host:h\nx-b:2');
    expect(diff).toEqual([
      { ours: 'host:h', theirs: 'host:h', same: true },
      { ours: 'x-a:1', theirs: null, same: false },
      { ours: 'x-b:2', theirs: 'x-b:2', same: true },
    ]);
  });

  it('pairs header lines by name rather than by position', () => {
    const diff = diffLines('x-a:1\nx-b:2', 'x-b:3');
    expect(diff.map((line) => [line.ours, line.theirs])).toEqual([
      ['x-a:1', null],
      ['x-b:2', 'x-b:3'],
    ]);
  });

  it('counts spaces and empty lines', () => {
    expect(diffLines('a b', 'a  b')[0]!.same).toBe(false);
    expect(diffLines('a\n', 'a').map((line) => line.same)).toEqual([true, false]);
  });

  it('keeps every line of both sides, in order', () => {
    const text = fc.array(fc.constantFrom('', 'a', 'b', 'host:x', 'host:y', ' '), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const diff = diffLines(a.join('\n'), b.join('\n'));
        expect(side(diff, 'ours')).toEqual(a.length === 0 ? [''] : a);
        expect(side(diff, 'theirs')).toEqual(b.length === 0 ? [''] : b);
        for (const line of diff) {
          expect(line.same).toBe(line.ours !== null && line.ours === line.theirs);
          if (line.oursSpans)
            expect(line.oursSpans.map((span) => span.text).join('')).toBe(line.ours);
          if (line.theirsSpans)
            expect(line.theirsSpans.map((span) => span.text).join('')).toBe(line.theirs);
        }
      }),
    );
  });
});

describe('diffChars', () => {
  it('shows two unrelated hashes as one changed run', () => {
    const spans = diffChars('e3b0c442', '9095672b');
    expect(spans.ours).toEqual([{ text: 'e3b0c442', changed: true }]);
    expect(spans.theirs).toEqual([{ text: '9095672b', changed: true }]);
  });

  it('rebuilds both strings from their spans', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const spans = diffChars(a, b);
        expect(spans.ours.map((span) => span.text).join('')).toBe(a);
        expect(spans.theirs.map((span) => span.text).join('')).toBe(b);
      }),
    );
  });

  it('never cuts a character outside the BMP in half', () => {
    const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const text = fc.string({ unit: fc.constantFrom('a', '\u{1F600}', '\u{1F601}', '\u{10000}') });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const spans = diffChars(a, b);
        for (const span of [...spans.ours, ...spans.theirs]) {
          expect(span.text).not.toMatch(loneSurrogate);
        }
        expect(spans.ours.map((span) => span.text).join('')).toBe(a);
        expect(spans.theirs.map((span) => span.text).join('')).toBe(b);
      }),
    );
  });
});

// A pasted megabyte is answered at once, if less finely. No time is asserted (the timeout is only
// room for a loaded machine): without the work bound, the first case runs for hours.
describe('huge inputs', { timeout: 60_000 }, () => {
  /** Deterministic pseudo-random lowercase hex, so every run diffs the same megabyte. */
  const hex = (length: number, seed: number) => {
    let state = seed;
    let text = '';
    while (text.length < length) {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      text += state.toString(16).padStart(8, '0');
    }
    return text.slice(0, length);
  };
  const MB = 1024 * 1024;
  /** A pasted "canonical request" of about 1 MB in lines of `width` characters. */
  const pasted = (width: number, seed: number) =>
    (hex(MB, seed).match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');

  const expectWhole = (diff: LineDiff[], ours: string, theirs: string) => {
    expect(side(diff, 'ours').join('\n')).toBe(ours);
    expect(side(diff, 'theirs').join('\n')).toBe(theirs);
    for (const line of diff) {
      if (line.oursSpans) expect(line.oursSpans.map((span) => span.text).join('')).toBe(line.ours);
      if (line.theirsSpans)
        expect(line.theirsSpans.map((span) => span.text).join('')).toBe(line.theirs);
    }
  };

  it('answers for a megabyte of short lines that differ throughout', () => {
    const ours = pasted(32, 1);
    const theirs = pasted(32, 2);
    expectWhole(diffLines(ours, theirs), ours, theirs);
  });

  it('answers for a small canonical request against a pasted megabyte', () => {
    const ours =
      'POST\n/prod/hello\n\nhost:example.com\nx-amz-date:20250601T120000Z\n\nhost;x-amz-date\ne3b0';
    const theirs = pasted(100, 3);
    expectWhole(diffLines(ours, theirs), ours, theirs);
  });

  it('answers for one megabyte line against another with a change every hundred characters', () => {
    const ours = hex(MB, 4);
    const theirs = Array.from(ours.match(/.{1,100}/g)!, (chunk) => `${chunk}!`).join('');
    const diff = diffLines(ours, theirs);
    expectWhole(diff, ours, theirs);
    expect(diff).toHaveLength(1);
  });

  it('answers for two unrelated megabyte lines', () => {
    const ours = hex(MB, 5);
    const theirs = hex(MB, 6);
    const { ours: oursSpans, theirs: theirsSpans } = diffChars(ours, theirs);
    expect(oursSpans.map((span) => span.text).join('')).toBe(ours);
    expect(theirsSpans.map((span) => span.text).join('')).toBe(theirs);
  });
});
