import { describe, expect, it } from 'vitest';
import type { RequestSnapshot } from './playgroundState';
import { reviewSharedRequest, type ReviewSide } from './reviewSharedRequest';
import { FIRST_RUN_SNAPSHOT_OPTIONS } from './storeTestSupport';

const CURRENT: RequestSnapshot = {
  method: 'POST',
  url: 'http://127.0.0.1:5174/prod/hello',
  headers: [{ name: 'content-type', value: 'application/json', signed: true }],
  body: '{"hello":"world"}',
  bodyDropped: false,
  region: 'ca-central-1',
  service: 'execute-api',
  options: FIRST_RUN_SNAPSHOT_OPTIONS,
};
const side = (snapshot: RequestSnapshot, signingTime = ''): ReviewSide => ({
  snapshot,
  signingTime,
});

/** A value unlike the current one for every field a link can set. */
const CHANGED: { [K in keyof RequestSnapshot]-?: RequestSnapshot[K] } = {
  method: 'GET',
  url: 'http://127.0.0.1:5174/prod/other',
  headers: [{ name: 'x-other', value: '1', signed: false }],
  withheldFromUrl: ['token'],
  body: '',
  bodyDropped: true,
  region: 'us-east-1',
  service: 'sts',
  options: CURRENT.options,
  profile: 'other',
};
const CHANGED_OPTIONS: RequestSnapshot['options'] = {
  mode: 'query',
  expiresIn: '60',
  payload: 'unsigned',
  contentSha256Header: true,
  s3PathRules: false,
  signSessionToken: false,
  algorithm: 'sigv4a',
  regionSet: 'us-*',
};

describe('reviewSharedRequest', () => {
  it('shows no difference for the same request', () => {
    const review = reviewSharedRequest(side(CURRENT), side(CURRENT));
    expect(review.rows.filter((row) => row.differs)).toEqual([]);
    expect(review.warnings).toEqual([]);
  });

  it('shows every field a link can set: changing any one of them changes a row', () => {
    for (const key of Object.keys(CHANGED) as Array<keyof RequestSnapshot>) {
      if (key === 'options') continue;
      const link = { ...CURRENT, [key]: CHANGED[key] };
      const review = reviewSharedRequest(side(link), side(CURRENT));
      expect(
        review.rows.some((row) => row.differs),
        key,
      ).toBe(true);
    }
    for (const key of Object.keys(CHANGED_OPTIONS) as Array<keyof RequestSnapshot['options']>) {
      const link = { ...CURRENT, options: { ...CURRENT.options, [key]: CHANGED_OPTIONS[key] } };
      const review = reviewSharedRequest(side(link), side(CURRENT));
      expect(
        review.rows.some((row) => row.differs),
        key,
      ).toBe(true);
    }
    // Restoring also signs with the clock again: that shows too.
    const fixed = reviewSharedRequest(side(CURRENT), side(CURRENT, '2015-08-30T12:36:00Z'));
    expect(fixed.rows.find((row) => row.differs)).toMatchObject({
      label: 'Signing time',
      current: '2015-08-30T12:36:00Z',
    });
  });

  it('warns about the request a hostile link swapped in: another host, a Host header, 7 days', () => {
    const hostile: RequestSnapshot = {
      ...CURRENT,
      url: 'https://attacker.example/',
      headers: [{ name: 'Host', value: 'sts.amazonaws.com', signed: true }],
      options: { ...CURRENT.options, mode: 'query', expiresIn: '604800' },
    };
    const review = reviewSharedRequest(side(hostile), side(CURRENT));
    expect(review.warnings).toEqual([
      expect.stringContaining('Host header (sts.amazonaws.com)'),
      expect.stringContaining('sends to attacker.example, not to 127.0.0.1:5174'),
      expect.stringContaining('604800 s (7 days)'),
    ]);
    expect(review.rows.find((row) => row.label === 'Sent to (host)')).toMatchObject({
      link: 'attacker.example',
      current: '127.0.0.1:5174',
      differs: true,
    });
  });

  it('says which header values and URL parts were not taken from the link', () => {
    const review = reviewSharedRequest(
      side({
        ...CURRENT,
        headers: [{ name: 'Cookie', value: '', signed: true, withheld: true }],
        withheldFromUrl: ['X-Amz-Security-Token'],
      }),
      side(CURRENT),
    );
    const text = (label: string) => review.rows.find((row) => row.label === label)!.link;
    expect(text('Headers')).toBe('Cookie: (value not taken: it carries a credential)');
    expect(text('URL')).toContain('not taken, they carry credentials: X-Amz-Security-Token');
  });
});
