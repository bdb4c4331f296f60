import { describe, expect, it } from 'vitest';
import { describeExpiry, NEAR_EXPIRY_MS } from './expiryCountdown';

const AT = '2030-01-01T00:00:00Z';
const at = Date.parse(AT);

describe('describeExpiry', () => {
  it('counts down minutes and seconds within the last five minutes', () => {
    expect(describeExpiry(AT, at - (4 * 60 + 12) * 1000)).toEqual({
      state: 'near',
      text: 'expires in 4:12',
      leftMs: 252_000,
    });
    expect(describeExpiry(AT, at - NEAR_EXPIRY_MS)?.text).toBe('expires in 5:00');
    expect(describeExpiry(AT, at - 1)?.text).toBe('expires in 0:01');
  });

  it('says how long ago keys expired, in the largest whole unit', () => {
    expect(describeExpiry(AT, at)).toMatchObject({
      state: 'expired',
      text: 'expired 0 seconds ago',
    });
    expect(describeExpiry(AT, at + 1_000)?.text).toBe('expired 1 second ago');
    expect(describeExpiry(AT, at + 3 * 60_000 + 59_000)?.text).toBe('expired 3 minutes ago');
    expect(describeExpiry(AT, at + 5 * 3_600_000)?.text).toBe('expired 5 hours ago');
    expect(describeExpiry(AT, at + 3 * 86_400_000)?.text).toBe('expired 3 days ago');
  });

  it('says how long valid keys have left, without a ticking countdown', () => {
    expect(describeExpiry(AT, at - NEAR_EXPIRY_MS - 1_000)).toMatchObject({
      state: 'valid',
      text: 'expires in 5 min',
    });
    expect(describeExpiry(AT, at - (3 * 60 + 7) * 60_000)?.text).toBe('expires in 3 h 7 min');
    expect(describeExpiry(AT, at - 10 * 86_400_000)?.text).toBe('expires in 10 days');
  });

  it('gives null for a text that is not a date', () => {
    expect(describeExpiry('tomorrow', at)).toBeNull();
  });
});
