import { describe, expect, it } from 'vitest';
import { interpolatedQuantile, lowerMedian, median, quantile } from './quantiles';

describe('quantile', () => {
  it('takes the nearest rank of sorted samples', () => {
    const sorted = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(sorted, 0.5)).toBe(10);
    expect(quantile(sorted, 0.95)).toBe(19);
    expect(quantile(sorted, 1)).toBe(20);
    expect(quantile(sorted, 0)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('lowerMedian', () => {
  it('takes the middle value, the lower of the two middles for an even count', () => {
    expect(lowerMedian([3, 1, 2])).toBe(2);
    expect(lowerMedian([4, 1, 3, 2])).toBe(2);
    expect(lowerMedian([])).toBeNaN();
  });
});

describe('interpolatedQuantile', () => {
  it('interpolates between the two nearest ranks', () => {
    expect(interpolatedQuantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(interpolatedQuantile([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(interpolatedQuantile([0, 10], 0.75)).toBe(7.5);
    expect(interpolatedQuantile([7], 0.9)).toBe(7);
    expect(interpolatedQuantile([], 0.5)).toBeNaN();
  });
});

describe('median', () => {
  it('takes the middle value, the mean of the two middles for an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
