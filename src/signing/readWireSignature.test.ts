import { describe, expect, it } from 'vitest';
import { parseQuery } from './getCanonicalQuery';
import { decodeQueryValue, getHeaderValues, readWireSignature } from './readWireSignature';

const AUTH =
  'AWS4-HMAC-SHA256 Credential=AKID/20260115/ca-central-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc';
const AUTH_V4A =
  'AWS4-ECDSA-P256-SHA256 Credential=AKID/20260115/execute-api/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=3045';
const DATE = '20260115T102030Z';

const header = (headers: Array<[string, string]>) => readWireSignature(headers, []);
const query = (text: string) => readWireSignature([['Host', 'h']], parseQuery(text));

describe('readWireSignature, Authorization header', () => {
  it('reads the signature, X-Amz-Date and the session token', () => {
    expect(
      header([
        ['Host', 'h'],
        ['x-amz-date', DATE],
        ['X-Amz-Security-Token', 'token'],
        ['authorization', AUTH],
      ]),
    ).toEqual({
      ok: true,
      signature: {
        source: 'header',
        algorithm: 'AWS4-HMAC-SHA256',
        credential: 'AKID/20260115/ca-central-1/execute-api/aws4_request',
        signedHeaders: 'host;x-amz-date',
        signature: 'abc',
        amzDate: DATE,
        sessionToken: 'token',
      },
    });
  });

  it('reads SigV4A, its region set lines joined as canonical headers join them', () => {
    expect(
      header([
        ['X-Amz-Date', DATE],
        ['X-Amz-Region-Set', 'us-*'],
        ['x-amz-region-set', 'ca-central-1'],
        ['Authorization', AUTH_V4A],
      ]),
    ).toMatchObject({
      ok: true,
      signature: { algorithm: 'AWS4-ECDSA-P256-SHA256', regionSet: 'us-*,ca-central-1' },
    });
  });

  it('falls back on the Date header: an IMF-fixdate converted, anything else kept as sent', () => {
    expect(
      header([
        ['Date', 'Thu, 15 Jan 2026 10:20:30 GMT'],
        ['Authorization', AUTH],
      ]),
    ).toMatchObject({
      ok: true,
      signature: { amzDate: DATE, dateHeader: 'Thu, 15 Jan 2026 10:20:30 GMT' },
    });
    expect(
      header([
        ['Date', '2026'],
        ['Authorization', AUTH],
      ]),
    ).toMatchObject({ ok: true, signature: { amzDate: '2026', dateHeader: '2026' } });
    // X-Amz-Date wins over Date.
    expect(
      header([
        ['Date', 'Thu, 15 Jan 2026 10:20:30 GMT'],
        ['X-Amz-Date', 'x'],
        ['Authorization', AUTH],
      ]),
    ).toEqual({
      ok: true,
      signature: expect.not.objectContaining({ dateHeader: expect.anything() }),
    });
  });

  it('refuses two Authorization lines rather than pick one', () => {
    expect(
      header([
        ['Authorization', AUTH],
        ['authorization', AUTH],
      ]),
    ).toEqual({ ok: false, problem: { kind: 'duplicate-authorization', count: 2 } });
  });

  it('says the request is unsigned without a header or query signature', () => {
    expect(header([['Host', 'h']])).toEqual({ ok: false, problem: { kind: 'unsigned' } });
    expect(query('a=1&X-Amz-Date=1')).toEqual({ ok: false, problem: { kind: 'unsigned' } });
  });

  it('names another algorithm, and whether the date is missing too', () => {
    expect(header([['Authorization', 'Bearer abc']])).toEqual({
      ok: false,
      problem: {
        kind: 'unknown-algorithm',
        source: 'header',
        algorithm: 'Bearer',
        authorization: 'Bearer abc',
        dateMissing: true,
      },
    });
    expect(
      header([
        ['Date', 'x'],
        ['Authorization', 'Bearer abc'],
      ]),
    ).toMatchObject({ ok: false, problem: { dateMissing: false } });
  });

  it('refuses a part without "="', () => {
    const authorization = 'AWS4-HMAC-SHA256 Credential=a, Signature';
    expect(
      header([
        ['X-Amz-Date', DATE],
        ['Authorization', authorization],
      ]),
    ).toEqual({ ok: false, problem: { kind: 'authorization-not-key-value', authorization } });
  });

  it('names what is missing in the order AWS does: Credential, Signature, SignedHeaders, date', () => {
    expect(header([['Authorization', 'AWS4-HMAC-SHA256 X=1']])).toEqual({
      ok: false,
      problem: {
        kind: 'authorization-incomplete',
        authorization: 'AWS4-HMAC-SHA256 X=1',
        missing: ['Credential', 'Signature', 'SignedHeaders', 'X-Amz-Date'],
      },
    });
    expect(header([['Authorization', AUTH]])).toMatchObject({
      ok: false,
      problem: { kind: 'authorization-incomplete', missing: ['X-Amz-Date'] },
    });
  });

  it('reads the Authorization header before any query signature', () => {
    const read = readWireSignature(
      [
        ['X-Amz-Date', DATE],
        ['Authorization', AUTH],
      ],
      parseQuery('X-Amz-Signature=zzz'),
    );
    expect(read).toMatchObject({ ok: true, signature: { source: 'header', signature: 'abc' } });
  });
});

describe('readWireSignature, presigned URL', () => {
  const PRESIGNED =
    'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260115%2Fca-central-1%2Fexecute-api%2Faws4_request&X-Amz-Date=20260115T102030Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Security-Token=a+b%2Bc&X-Amz-Signature=abc';

  it('reads every parameter, decoded ("+" stays "+", as AWS reads it)', () => {
    expect(query(PRESIGNED)).toEqual({
      ok: true,
      signature: {
        source: 'query',
        algorithm: 'AWS4-HMAC-SHA256',
        credential: 'AKID/20260115/ca-central-1/execute-api/aws4_request',
        signedHeaders: 'host',
        signature: 'abc',
        amzDate: DATE,
        expires: '60',
        sessionToken: 'a+b+c',
      },
    });
  });

  it('reads SigV4A and its region set', () => {
    expect(
      query(
        `${PRESIGNED.replace('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256')}&X-Amz-Region-Set=us-%2A%2Cca-central-1`,
      ),
    ).toMatchObject({
      ok: true,
      signature: { algorithm: 'AWS4-ECDSA-P256-SHA256', regionSet: 'us-*,ca-central-1' },
    });
  });

  it.each([
    'X-Amz-Algorithm',
    'X-Amz-Credential',
    'X-Amz-Signature',
    'X-Amz-Date',
    'X-Amz-SignedHeaders',
  ])('names a missing %s', (name) => {
    const without = PRESIGNED.split('&')
      .filter((piece) => !piece.startsWith(`${name}=`))
      .join('&');
    expect(query(without)).toEqual({
      ok: false,
      problem: { kind: 'query-incomplete', missing: [name] },
    });
  });

  it('refuses another algorithm', () => {
    expect(query(PRESIGNED.replace('AWS4-HMAC-SHA256', 'AWS4-HMAC-SHA512'))).toEqual({
      ok: false,
      problem: { kind: 'unknown-algorithm', source: 'query', algorithm: 'AWS4-HMAC-SHA512' },
    });
  });

  it('leaves X-Amz-Expires to the clock checks', () => {
    expect(query(PRESIGNED.replace('&X-Amz-Expires=60', ''))).toEqual({
      ok: true,
      signature: expect.not.objectContaining({ expires: expect.anything() }),
    });
  });
});

describe('decodeQueryValue and getHeaderValues', () => {
  it('decodes percent escapes, keeps "+", and keeps a malformed escape as written', () => {
    expect(decodeQueryValue('a%2Fb+c')).toBe('a/b+c');
    expect(decodeQueryValue('%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('finds every value of a header, whatever the case of its name', () => {
    expect(
      getHeaderValues(
        [
          ['X-A', '1'],
          ['x-b', '2'],
          ['x-a', '3'],
        ],
        'x-A',
      ),
    ).toEqual(['1', '3']);
  });
});
