import { describe, expect, it } from 'vitest';
import { planSigning, withSigningDate } from './planSigning';
import { sameRequestApartFromDate } from './sameRequest';
import { createTestStore } from './storeTestSupport';

describe('sameRequestApartFromDate', () => {
  it('ignores the date and compares everything else', () => {
    const plan = planSigning(createTestStore().getState());
    const a = withSigningDate(plan, 0);
    const b = withSigningDate(plan, 1_000_000);
    expect(sameRequestApartFromDate(a, b)).toBe(true);
    expect(sameRequestApartFromDate(a, { ...b, url: b.url + '/x' })).toBe(false);
    expect(sameRequestApartFromDate(a, { ...b, headers: [['a', 'b']] })).toBe(false);
    expect(
      sameRequestApartFromDate(a, {
        ...b,
        credentials: { ...b.credentials, secretAccessKey: 'x' },
      }),
    ).toBe(false);
    expect(sameRequestApartFromDate(a, { ...b, unsignedHeaders: ['x'] })).toBe(false);
    expect(sameRequestApartFromDate(a, { ...b, algorithm: 'sigv4a' })).toBe(false);
  });

  it('compares region sets by their regions, not by identity', () => {
    const a = {
      ...withSigningDate(planSigning(createTestStore().getState()), 0),
      algorithm: 'sigv4a' as const,
    };
    expect(
      sameRequestApartFromDate(
        { ...a, regionSet: ['us-*', 'ca-central-1'] },
        { ...a, regionSet: ['us-*', 'ca-central-1'] },
      ),
    ).toBe(true);
    expect(
      sameRequestApartFromDate({ ...a, regionSet: ['us-*'] }, { ...a, regionSet: ['eu-*'] }),
    ).toBe(false);
  });
});
