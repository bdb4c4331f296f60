import { describe, expect, it } from 'vitest';
import { differenceOfMediansInterval } from './medianInterval';
import { lowerMedian } from './quantiles';

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
