import { describe, expect, it } from 'vitest';
import { getAmzDate } from './signingDate';

describe('getAmzDate', () => {
  it("writes the suite's timestamp in ISO 8601 basic format", () => {
    expect(getAmzDate(new Date('2015-08-30T12:36:00Z'))).toEqual({
      amzDate: '20150830T123600Z',
      dateStamp: '20150830',
    });
  });

  it('uses UTC, not the local time zone, for both the time and the date', () => {
    // 23:30 at UTC-05:00 is already the next day in UTC.
    expect(getAmzDate(new Date('2015-08-30T23:30:00-05:00'))).toEqual({
      amzDate: '20150831T043000Z',
      dateStamp: '20150831',
    });
  });

  it('pads every field with zeros', () => {
    expect(getAmzDate(new Date(Date.UTC(2001, 0, 2, 3, 4, 5))).amzDate).toBe('20010102T030405Z');
    expect(getAmzDate(new Date('0999-01-01T00:00:00Z')).dateStamp).toBe('09990101');
  });

  it('drops milliseconds instead of rounding them', () => {
    expect(getAmzDate(new Date('2015-08-30T12:36:59.999Z')).amzDate).toBe('20150830T123659Z');
  });

  it('handles the last second of a year and a leap day', () => {
    expect(getAmzDate(new Date('2015-12-31T23:59:59Z')).amzDate).toBe('20151231T235959Z');
    expect(getAmzDate(new Date('2016-02-29T00:00:00Z')).dateStamp).toBe('20160229');
  });

  it('throws a TypeError that says what to do for an invalid Date', () => {
    expect(() => getAmzDate(new Date('not a date'))).toThrow(TypeError);
    expect(() => getAmzDate(new Date(NaN))).toThrow(
      'signingDate is an invalid Date: parse and validate the signing time before calling signRequest.',
    );
  });
});
