import { describe, expect, it } from 'vitest';
import { differenceOfMediansInterval, lowerMedian, quantile } from './medianInterval';

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

describe('differenceOfMediansInterval', () => {
  it('is a point when neither side varies', () => {
    expect(differenceOfMediansInterval([10, 10, 10], [4, 4])).toEqual({ low: 6, high: 6 });
  });

  it('holds the measured difference, and is the same for the same samples', () => {
    const app = [412, 440, 388, 460, 420, 436, 404, 452, 396, 428];
    const blank = [268, 300, 252, 284, 276, 292, 260, 288, 264, 280];
    const interval = differenceOfMediansInterval(app, blank);
    const measured = lowerMedian(app) - lowerMedian(blank);
    expect(interval.low).toBeLessThanOrEqual(measured);
    expect(interval.high).toBeGreaterThanOrEqual(measured);
    expect(interval.high - interval.low).toBeGreaterThan(0);
    expect(differenceOfMediansInterval(app, blank)).toEqual(interval);
  });

  it('widens as the samples spread', () => {
    const tight = differenceOfMediansInterval([100, 101, 99, 100, 102], [50, 51, 49, 50, 50]);
    const loose = differenceOfMediansInterval([100, 160, 40, 130, 70], [50, 110, 0, 80, 20]);
    expect(loose.high - loose.low).toBeGreaterThan(tight.high - tight.low);
  });

  it('says nothing about empty sides', () => {
    const interval = differenceOfMediansInterval([], [1, 2]);
    expect(interval.low).toBeNaN();
    expect(interval.high).toBeNaN();
  });
});
