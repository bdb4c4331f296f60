import { describe, expect, it } from 'vitest';
import { parseSigningTime } from './parseSigningTime';

const fixed = (text: string) => {
  const parsed = parseSigningTime(text);
  if (parsed.kind !== 'fixed') throw new Error(`${text}: ${JSON.stringify(parsed)}`);
  return parsed.date.toISOString();
};

describe('parseSigningTime', () => {
  it('reads empty (or blank) as "now"', () => {
    expect(parseSigningTime('')).toEqual({ kind: 'now' });
    expect(parseSigningTime('  ')).toEqual({ kind: 'now' });
  });

  it('reads ISO 8601 in UTC, with seconds, fractions or minutes only', () => {
    expect(fixed('2015-08-30T12:36:00Z')).toBe('2015-08-30T12:36:00.000Z');
    expect(fixed('2015-08-30T12:36Z')).toBe('2015-08-30T12:36:00.000Z');
    expect(fixed('2015-08-30 12:36:00.250z')).toBe('2015-08-30T12:36:00.250Z');
  });

  it('applies an offset', () => {
    expect(fixed('2015-08-30T14:36:00+02:00')).toBe('2015-08-30T12:36:00.000Z');
    expect(fixed('2015-08-30T07:36:00-0500')).toBe('2015-08-30T12:36:00.000Z');
  });

  it("reads X-Amz-Date's basic format, so a failing request's date can be pasted", () => {
    expect(fixed('20150830T123600Z')).toBe('2015-08-30T12:36:00.000Z');
    expect(fixed('20150830t123600z')).toBe('2015-08-30T12:36:00.000Z');
    expect(fixed('00500101T000000Z')).toBe('0050-01-01T00:00:00.000Z');
    for (const text of ['20150230T123600Z', '20151330T123600Z', '20150830T240000Z']) {
      expect(parseSigningTime(text).kind, text).toBe('invalid');
    }
  });

  it('keeps years below 100 as written', () => {
    expect(fixed('0099-01-01T00:00:00Z')).toBe('0099-01-01T00:00:00.000Z');
  });

  it('refuses a time without a zone and offers the UTC reading as the fix', () => {
    expect(parseSigningTime('2015-08-30T12:36:00')).toMatchObject({
      kind: 'invalid',
      fix: '2015-08-30T12:36:00Z',
    });
  });

  it('refuses dates that do not exist', () => {
    for (const text of ['2015-02-29T00:00:00Z', '2015-13-01T00:00:00Z', '2015-08-30T24:00:00Z']) {
      expect(parseSigningTime(text).kind, text).toBe('invalid');
    }
    expect(fixed('2016-02-29T00:00:00Z')).toBe('2016-02-29T00:00:00.000Z');
  });

  it('refuses anything else with a message that shows the format', () => {
    const parsed = parseSigningTime('yesterday');
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' && parsed.message).toContain('2015-08-30T12:36:00Z');
  });
});
