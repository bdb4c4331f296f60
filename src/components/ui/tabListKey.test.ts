import { describe, expect, it } from 'vitest';
import { tabListTarget } from './tabListKey';

describe('tabListTarget', () => {
  it('moves with the arrows, wrapping at both ends', () => {
    expect(tabListTarget('ArrowRight', 0, 3)).toBe(1);
    expect(tabListTarget('ArrowRight', 2, 3)).toBe(0);
    expect(tabListTarget('ArrowLeft', 0, 3)).toBe(2);
    expect(tabListTarget('ArrowLeft', 2, 3)).toBe(1);
  });

  it('goes to the ends with Home and End, and ignores every other key', () => {
    expect(tabListTarget('Home', 2, 3)).toBe(0);
    expect(tabListTarget('End', 0, 3)).toBe(2);
    expect(tabListTarget('Enter', 1, 3)).toBeNull();
    expect(tabListTarget('ArrowDown', 1, 3)).toBeNull();
  });
});
