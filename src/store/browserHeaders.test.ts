import { describe, expect, it } from 'vitest';
import { withBrowserHeaders } from './browserHeaders';

describe('withBrowserHeaders', () => {
  it('joins a name given on several lines as fetch does, with ", "', () => {
    expect(
      withBrowserHeaders([
        ['X-A', ' a '],
        ['content-type', 'text/plain'],
        ['x-a', 'b'],
      ]),
    ).toEqual([
      ['content-type', 'text/plain'],
      ['x-a', 'a, b'],
    ]);
  });

  it('changes nothing fetch sends as typed, nor lines it refuses', () => {
    expect(withBrowserHeaders([['X-A', 'a']])).toBeUndefined();
    expect(
      withBrowserHeaders([
        ['X-A', '\u20ac'],
        ['X-A', 'b'],
      ]),
    ).toBeUndefined();
  });
});
