import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmzDate, httpDateToAmzDate, parseAmzDate } from './amzDate';

describe('formatAmzDate', () => {
  it('writes an instant in ISO 8601 basic format, UTC, whole seconds', () => {
    expect(formatAmzDate(Date.parse('2015-08-30T12:36:00Z'))).toBe('20150830T123600Z');
    expect(formatAmzDate(Date.parse('2015-08-30T23:30:00-05:00'))).toBe('20150831T043000Z');
    expect(formatAmzDate(Date.parse('2015-08-30T12:36:59.999Z'))).toBe('20150830T123659Z');
    expect(formatAmzDate(Date.UTC(2001, 0, 2, 3, 4, 5))).toBe('20010102T030405Z');
  });
});

describe('parseAmzDate', () => {
  it('reads ISO 8601 basic format', () => {
    expect(parseAmzDate('20150830T123600Z')).toBe(Date.parse('2015-08-30T12:36:00Z'));
    expect(parseAmzDate('20160229T235959Z')).toBe(Date.parse('2016-02-29T23:59:59Z'));
    // Years below 100 are years, not 1900 plus the year (Date.UTC's reading).
    expect(parseAmzDate('00500101T000000Z')).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  it.each([
    ['an extended form', '2015-08-30T12:36:00Z'],
    ['no Z', '20150830T123600'],
    ['a lower-case t', '20150830t123600Z'],
    ['milliseconds', '20150830T123600.000Z'],
    ['a date only', '20150830'],
    ['surrounding blanks', ' 20150830T123600Z'],
    ['month 13', '20151330T123600Z'],
    ['month 00', '20150030T123600Z'],
    ['February 30', '20150230T123600Z'],
    ['February 29 of a common year', '20150229T123600Z'],
    ['hour 24', '20150830T243600Z'],
    ['minute 60', '20150830T126000Z'],
    ['second 60', '20150830T123660Z'],
    ['the empty string', ''],
  ])('refuses %s', (_, text) => {
    expect(parseAmzDate(text)).toBeUndefined();
  });

  it('reads back what formatAmzDate writes, for any instant of years 1-9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800, max: 253_402_300_799 }), (seconds) => {
        expect(parseAmzDate(formatAmzDate(seconds * 1000))).toBe(seconds * 1000);
      }),
    );
  });
});

describe('httpDateToAmzDate', () => {
  it('reads an IMF-fixdate', () => {
    expect(httpDateToAmzDate('Thu, 15 Jan 2026 10:20:30 GMT')).toBe('20260115T102030Z');
    expect(httpDateToAmzDate('Sun, 29 Feb 2032 00:00:00 GMT')).toBe('20320229T000000Z');
  });

  it.each([
    '2026',
    '2026-01-15',
    'Jan 15 2026',
    '2026-01-15T10:20:30Z',
    'Thu, 15 Jan 2026 10:20:30 +0000',
    'Thu, 15 Jan 26 10:20:30 GMT',
    'Thursday, 15-Jan-26 10:20:30 GMT',
    'Thu Jan 15 10:20:30 2026',
    'Mon, 30 Feb 2026 10:20:30 GMT',
    'Thu, 15 Jan 2026 24:00:00 GMT',
  ])('refuses %s', (text) => {
    expect(httpDateToAmzDate(text)).toBeUndefined();
  });
});
