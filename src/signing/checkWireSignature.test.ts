import { describe, expect, it } from 'vitest';
import { checkWireSignature, type WireCheckOptions } from './checkWireSignature';
import type { WireSignature } from './readWireSignature';

const NOW = Date.parse('2026-01-15T10:20:30Z');
const DATE = '20260115T102030Z';
const HEADERS: Array<[string, string]> = [
  ['Host', 'h'],
  ['X-Amz-Date', DATE],
  ['X-Amz-Region-Set', 'ca-*'],
];

const header: WireSignature = {
  source: 'header',
  algorithm: 'AWS4-HMAC-SHA256',
  credential: 'AKID/20260115/ca-central-1/execute-api/aws4_request',
  signedHeaders: 'host;x-amz-date',
  signature: 'abc',
  amzDate: DATE,
};
const v4a: WireSignature = {
  ...header,
  algorithm: 'AWS4-ECDSA-P256-SHA256',
  credential: 'AKID/20260115/execute-api/aws4_request',
  signedHeaders: 'host;x-amz-date;x-amz-region-set',
  regionSet: 'ca-*',
};
const query: WireSignature = { ...header, source: 'query', signedHeaders: 'host', expires: '60' };

const server = {
  region: 'ca-central-1',
  service: 'execute-api',
  regionSetIncludes: (set: string, region: string) =>
    set.split(',').includes(region) || set === 'ca-*',
};
const all: WireCheckOptions = { now: NOW, clockWindowMs: 300_000, firstProblemOnly: false };
const first: WireCheckOptions = { ...all, firstProblemOnly: true, expected: server };
const kinds = (signature: WireSignature, options = all, headers = HEADERS) =>
  checkWireSignature(signature, headers, options).problems.map((problem) => problem.kind);

describe('checkWireSignature', () => {
  it('finds nothing wrong with a good signature, and gives its parsed credential', () => {
    for (const signature of [header, v4a, query]) {
      expect(checkWireSignature(signature, HEADERS, first)).toEqual({
        problems: [],
        credential: expect.objectContaining({ accessKeyId: 'AKID', dateStamp: '20260115' }),
      });
    }
  });

  it('refuses a malformed date, and skips the checks that need it', () => {
    expect(kinds({ ...header, amzDate: '2026-01-15T10:20:30Z' })).toEqual(['malformed-date']);
    expect(
      checkWireSignature({ ...header, amzDate: 'x', dateHeader: 'x' }, HEADERS, all).problems,
    ).toEqual([{ kind: 'malformed-date', amzDate: 'x', dateHeader: 'x' }]);
  });

  it('refuses a credential of the wrong length for its algorithm', () => {
    expect(checkWireSignature({ ...v4a, credential: header.credential }, HEADERS, all)).toEqual({
      problems: [{ kind: 'malformed-credential', credential: header.credential, expectedParts: 4 }],
    });
  });

  it('names a wrong terminator and a scope date other than X-Amz-Date', () => {
    expect(
      checkWireSignature(
        { ...header, credential: 'AKID/20260114/ca-central-1/execute-api/aws4_requests' },
        HEADERS,
        all,
      ).problems,
    ).toEqual([
      { kind: 'wrong-terminator', terminator: 'aws4_requests' },
      { kind: 'scope-date-mismatch', scopeDate: '20260114', amzDate: DATE },
    ]);
  });

  it('checks region and service only against a server that says what it is', () => {
    const other = { ...header, credential: 'AKID/20260115/us-east-1/lambda/aws4_request' };
    expect(kinds(other)).toEqual([]);
    expect(checkWireSignature(other, HEADERS, first).problems).toEqual([
      {
        kind: 'wrong-scope',
        region: { reason: 'other-region', region: 'us-east-1', expected: 'ca-central-1' },
        service: { service: 'lambda', expected: 'execute-api' },
      },
    ]);
  });

  it('wants a SigV4A region set, signed in header mode, that includes the server', () => {
    const region = (signature: WireSignature, options = all) =>
      checkWireSignature(signature, HEADERS, options).problems.map((problem) =>
        problem.kind === 'wrong-scope' ? problem.region : problem.kind,
      );
    const noRegionSet: WireSignature = { ...header, algorithm: v4a.algorithm };
    expect(region({ ...noRegionSet, credential: v4a.credential })).toEqual([
      { reason: 'region-set-missing' },
    ]);
    expect(region({ ...v4a, signedHeaders: 'host;x-amz-date' })).toEqual([
      { reason: 'region-set-unsigned', regionSet: 'ca-*' },
    ]);
    // A presigned URL signs its X-Amz-Region-Set as a query parameter.
    expect(region({ ...v4a, source: 'query', signedHeaders: 'host', expires: '60' })).toEqual([]);
    expect(region({ ...v4a, regionSet: 'us-east-1' }, first)).toEqual([
      { reason: 'region-set-excludes', regionSet: 'us-east-1', expected: 'ca-central-1' },
    ]);
  });

  it('wants host signed and every signed header present, names as written', () => {
    expect(
      checkWireSignature(
        { ...header, signedHeaders: 'x-amz-date;X-Missing;;x-missing' },
        HEADERS,
        all,
      ).problems,
    ).toEqual([
      { kind: 'host-not-signed' },
      { kind: 'signed-header-missing', names: ['X-Missing', '', 'x-missing'] },
    ]);
  });

  it('finds a missing signed header among few names and among many (up to 30, and past)', () => {
    for (const count of [1, 27, 28, 29, 40]) {
      const extra = Array.from({ length: count }, (_, i) => `X-Extra-${i}`);
      const headers: Array<[string, string]> = [
        ...HEADERS,
        ...extra.map((name) => [name, 'v'] as [string, string]),
      ];
      const signedHeaders = ['host', 'X-AMZ-DATE', ...extra, 'x-extra-0'].join(';');
      expect(checkWireSignature({ ...header, signedHeaders }, headers, all).problems).toEqual([]);
      const last = extra[count - 1]!;
      const without = headers.filter(([name]) => name !== last);
      expect(checkWireSignature({ ...header, signedHeaders }, without, all).problems).toEqual([
        { kind: 'signed-header-missing', names: count === 1 ? [last, 'x-extra-0'] : [last] },
      ]);
    }
  });

  it('keeps a header signature within the clock window either way', () => {
    const at = (now: number) => checkWireSignature(header, HEADERS, { ...all, now }).problems;
    expect(at(NOW + 300_000)).toEqual([]);
    expect(at(NOW - 300_000)).toEqual([]);
    expect(at(NOW + 300_001)).toEqual([
      {
        kind: 'expired',
        source: 'header',
        amzDate: DATE,
        signedAt: NOW,
        now: NOW + 300_001,
        windowMs: 300_000,
      },
    ]);
    expect(at(NOW - 300_001)).toEqual([
      {
        kind: 'not-yet-current',
        amzDate: DATE,
        signedAt: NOW,
        now: NOW - 300_001,
        windowMs: 300_000,
      },
    ]);
  });

  it('keeps a presigned URL within X-Amz-Expires of X-Amz-Date', () => {
    const at = (now: number, expires?: string) => {
      const { source, algorithm, credential, signedHeaders, signature, amzDate } = query;
      const signed: WireSignature = {
        source,
        algorithm,
        credential,
        signedHeaders,
        signature,
        amzDate,
      };
      if (expires !== undefined) signed.expires = expires;
      return checkWireSignature(signed, HEADERS, { ...all, now }).problems;
    };
    expect(at(NOW + 60_000, '60')).toEqual([]);
    expect(at(NOW + 60_001, '60')).toMatchObject([
      { kind: 'expired', source: 'query', windowMs: 60_000 },
    ]);
    expect(at(NOW)).toEqual([{ kind: 'malformed-expires' }]);
    for (const expires of ['0', '-1', '1.5', ' 60', '6e1', ''])
      expect(at(NOW, expires)).toEqual([{ kind: 'malformed-expires', expires }]);
    expect(at(NOW, '604800')).toEqual([]);
    expect(at(NOW, '604801')).toEqual([{ kind: 'expires-too-long', expires: 604801 }]);
    // Ahead of the clock is refused whatever X-Amz-Expires says.
    expect(at(NOW - 300_001, '3600')).toMatchObject([{ kind: 'not-yet-current' }]);
    expect(at(NOW - 300_001, 'x').map((problem) => problem.kind)).toEqual([
      'malformed-expires',
      'not-yet-current',
    ]);
  });

  it('stops at the first problem in API Gateway’s order when asked, lists them all otherwise', () => {
    const bad: WireSignature = {
      ...header,
      credential: 'AKID/20260114/us-east-1/execute-api/aws4_request',
      signedHeaders: 'x-amz-date;x-missing',
    };
    expect(kinds(bad, { ...all, expected: server, now: NOW + 3_600_000 })).toEqual([
      'wrong-scope',
      'scope-date-mismatch',
      'host-not-signed',
      'signed-header-missing',
      'expired',
    ]);
    expect(kinds(bad, { ...first, now: NOW + 3_600_000 })).toEqual(['wrong-scope']);
    expect(kinds({ ...bad, amzDate: 'x', credential: 'x' }, first)).toEqual(['malformed-date']);
    expect(kinds({ ...bad, credential: 'x' }, first)).toEqual(['malformed-credential']);
  });
});
