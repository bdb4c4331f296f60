import { describe, expect, it } from 'vitest';
import { memoizeByText } from './memoizeByText';

/** A memo of String.length that counts how often it really computes. */
function countingMemo(maxEntries: number, maxTextLength: number) {
  const counter = { computed: 0 };
  const memo = memoizeByText(
    (text) => {
      counter.computed++;
      return text === 'none' ? undefined : { length: text.length };
    },
    { maxEntries, maxTextLength },
  );
  return { memo, counter };
}

describe('memoizeByText', () => {
  it('computes a text once and gives the same answer again', () => {
    const { memo, counter } = countingMemo(4, 100);
    const first = memo('abc');
    expect(first).toEqual({ length: 3 });
    expect(memo('abc')).toBe(first);
    expect(counter.computed).toBe(1);
  });

  it('remembers an undefined answer too', () => {
    const { memo, counter } = countingMemo(4, 100);
    expect(memo('none')).toBeUndefined();
    expect(memo('none')).toBeUndefined();
    expect(counter.computed).toBe(1);
  });

  it('keeps at most maxEntries texts, forgetting the oldest first', () => {
    const { memo, counter } = countingMemo(3, 100);
    for (let i = 0; i < 50; i++) {
      memo(`text ${i}`);
      expect(memo.size).toBeLessThanOrEqual(3);
    }
    expect(memo.size).toBe(3);
    counter.computed = 0;
    memo('text 49');
    expect(counter.computed).toBe(0);
    memo('text 0');
    expect(counter.computed).toBe(1);
  });

  it('never keeps a text longer than maxTextLength, and still answers it', () => {
    const { memo, counter } = countingMemo(3, 8);
    const long = 'x'.repeat(10_000);
    expect(memo(long)).toEqual({ length: 10_000 });
    expect(memo(long)).toEqual({ length: 10_000 });
    expect(memo.size).toBe(0);
    expect(counter.computed).toBe(2);
    expect(memo('12345678')).toEqual({ length: 8 });
    expect(memo.size).toBe(1);
  });
});
