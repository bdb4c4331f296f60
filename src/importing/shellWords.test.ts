import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { cmdWords, commandWords, looksLikeCmd, shellWords } from './shellWords';

describe('shellWords', () => {
  it('reads quotes, escapes and continuations', () => {
    expect(shellWords(`a 'b c' "d \\" e" f\\ g $'h\\ni' \\\n j`)).toEqual([
      'a',
      'b c',
      'd " e',
      'f g',
      'h\ni',
      'j',
    ]);
  });

  it("reads $'…' escapes as Chrome writes them (\\uHHHH, \\xHH, \\')", () => {
    expect(shellWords(`$'it\\'s \\u0021 \\x41\\t\\\\'`)).toEqual(["it's ! A\t\\"]);
  });
});

describe('cmdWords', () => {
  it('reads Chrome\'s ^"…^" quoting with ^\\^" for quotes and ^ continuations', () => {
    const command =
      'curl ^"https://h.example/a?b=1^&c=2^" ^\n  -H ^"x: ^\\^"q^\\^"^" ^\n  --data-raw ^"^{^\\^"a^\\^":^\\^"100^% sure^\\^"^}^"';
    expect(cmdWords(command)).toEqual([
      'curl',
      'https://h.example/a?b=1&c=2',
      '-H',
      'x: "q"',
      '--data-raw',
      '{"a":"100% sure"}',
    ]);
  });

  it('reads plain double quotes (docs style) and %^ escapes', () => {
    expect(cmdWords('curl "https://h.example/x" ^\n -d a=%^41 -H "b: c^d"')).toEqual([
      'curl',
      'https://h.example/x',
      '-d',
      'a=%41',
      '-H',
      // Inside double quotes cmd leaves ^ alone.
      'b: c^d',
    ]);
  });

  it('reads a line break written as ^ and two line breaks', () => {
    expect(cmdWords('curl -d ^"a^\n\nb^"')).toEqual(['curl', '-d', 'a\nb']);
  });
});

describe('commandWords', () => {
  it('tells cmd from bash', () => {
    expect(looksLikeCmd('curl ^"x^"')).toBe(true);
    expect(looksLikeCmd("curl 'x' \\\n -H 'a: b'")).toBe(false);
    expect(commandWords('curl ^"x^"')).toEqual(['curl', 'x']);
  });

  it('never throws, and ends on long hostile input', () => {
    fc.assert(
      fc.property(anyText(500), (text) => {
        expect(Array.isArray(shellWords(text))).toBe(true);
        expect(Array.isArray(cmdWords(text))).toBe(true);
      }),
    );
    // A hang fails on the test's timeout, not on a clock here.
    for (const piece of ['^', '\\', '"', "$'", '^\n', '\\"', ' ', '\n']) {
      const text = piece.repeat(200_000);
      expect(shellWords(text).join('').length).toBeLessThanOrEqual(text.length);
      expect(cmdWords(text).join('').length).toBeLessThanOrEqual(text.length);
    }
  });
});
