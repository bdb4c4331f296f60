import { describe, expect, it } from 'vitest';
import {
  clockSkewSeconds,
  formatCountdown,
  SKEW_WARN_SECONDS,
  signatureValidity,
} from './clockSkew';

describe('clockSkewSeconds', () => {
  const local = Date.parse('2026-01-01T00:00:00Z');

  it('is server minus local, in whole seconds', () => {
    expect(clockSkewSeconds('Thu, 01 Jan 2026 00:02:00 GMT', local)).toBe(120);
    expect(clockSkewSeconds('Wed, 31 Dec 2025 23:59:00 GMT', local + 400)).toBe(-60);
    expect(clockSkewSeconds('Thu, 01 Jan 2026 00:00:00 GMT', local + 400)).toBe(0);
    expect(SKEW_WARN_SECONDS).toBe(60);
  });

  it('is undefined without a readable Date header', () => {
    expect(clockSkewSeconds(undefined, local)).toBeUndefined();
    expect(clockSkewSeconds('yesterday', local)).toBeUndefined();
    // Only the HTTP-date servers send (IMF-fixdate), as the gateway reads a Date header.
    expect(clockSkewSeconds('2026-01-01T00:02:00Z', local)).toBeUndefined();
    expect(clockSkewSeconds('Fri, 30 Feb 2026 00:00:00 GMT', local)).toBeUndefined();
  });
});

describe('signatureValidity', () => {
  const signedAt = Date.parse('2026-01-01T00:00:00Z');

  it('is 5 minutes either side of X-Amz-Date for a header signature at API Gateway', () => {
    expect(signatureValidity('20260101T000000Z', 'header', 3600, 'execute-api')).toEqual({
      notBefore: signedAt - 300_000,
      notAfter: signedAt + 300_000,
    });
  });

  it("is S3's 15 minutes either side for a header signature at S3", () => {
    expect(signatureValidity('20260101T000000Z', 'header', 3600, 's3')).toEqual({
      notBefore: signedAt - 900_000,
      notAfter: signedAt + 900_000,
    });
  });

  it('runs from X-Amz-Date for X-Amz-Expires for a presigned URL', () => {
    expect(signatureValidity('20260101T000000Z', 'query', 3600, 'execute-api')).toEqual({
      notBefore: signedAt,
      notAfter: signedAt + 3_600_000,
    });
  });

  it('has NaN bounds for a malformed date', () => {
    expect(signatureValidity('2026-01-01', 'header', 0, 'execute-api').notBefore).toBeNaN();
    expect(signatureValidity('20260230T000000Z', 'query', 60, 'execute-api').notAfter).toBeNaN();
  });
});

describe('formatCountdown', () => {
  it('writes minutes, hours and days', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(4 * 60_000 + 5_999)).toBe('4:05');
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(2 * 86_400_000 + 3_723_000)).toBe('2d 01:02:03');
    expect(formatCountdown(-65_000)).toBe('-1:05');
    expect(formatCountdown(NaN)).toBe('—');
  });
});
