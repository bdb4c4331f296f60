import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { canonicalizeWireRequest, createSigner, EMPTY_SHA256 } from '../signing';
import { diagnoseMismatch } from './diagnoseMismatch';

const BODY_HASH = '9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e';

const canonical = (parts: {
  method?: string;
  uri?: string;
  query?: string;
  headers?: string[];
  payload?: string;
}) => {
  const headers = parts.headers ?? ['host:api.example.com', 'x-amz-date:20260101T000000Z'];
  return [
    parts.method ?? 'POST',
    parts.uri ?? '/prod/a%2520b',
    parts.query ?? 'a=1&b=x%20y',
    ...headers,
    '',
    headers.map((line) => line.split(':')[0]).join(';'),
    parts.payload ?? BODY_HASH,
  ].join('\n');
};

const stringToSign = (scope = '20260101/ca-central-1/execute-api/aws4_request', hash = 'ab') =>
  `AWS4-HMAC-SHA256\n${scope.slice(0, 8)}T000000Z\n${scope}\n${hash}`;

const ours = (overrides: Parameters<typeof canonical>[0] = {}, s3PathRules = false) => ({
  canonicalRequest: canonical(overrides),
  stringToSign: stringToSign(),
  s3PathRules,
});

const ids = (diagnosis: ReturnType<typeof diagnoseMismatch>) => diagnosis.causes.map((c) => c.id);

describe('diagnoseMismatch', () => {
  it('says what it cannot tell from the short form', () => {
    const diagnosis = diagnoseMismatch(ours(), {});
    expect(ids(diagnosis)).toEqual(['cannot-tell']);
    expect(diagnosis.causes[0]!.detail).toMatch(/Lambda function URLs/);
    expect(diagnosis.causes[0]!.detail).toMatch(/curl/);
    expect(diagnosis.canonicalRequest).toBeUndefined();
    expect(ids(diagnoseMismatch(ours(), { canonicalRequest: '', stringToSign: '' }))).toEqual([
      'cannot-tell',
    ]);
  });

  it('blames the secret key when everything AWS signed is what we signed', () => {
    const mine = ours();
    const diagnosis = diagnoseMismatch(mine, {
      canonicalRequest: mine.canonicalRequest,
      stringToSign: mine.stringToSign,
    });
    expect(ids(diagnosis)).toEqual(['secret-key', 'access-key']);
    expect(diagnosis.causes[0]!.fix?.action).toEqual({
      kind: 'focus-field',
      field: 'secretAccessKey',
    });
    expect(diagnosis.canonicalRequest!.every((line) => line.same)).toBe(true);
  });

  it('sees a path encoded once where we encoded it twice, and offers the S3 rules', () => {
    const diagnosis = diagnoseMismatch(ours(), {
      canonicalRequest: canonical({ uri: '/prod/a%20b' }),
    });
    expect(ids(diagnosis)).toEqual(['path-encoding']);
    expect(diagnosis.causes[0]!.fix?.action).toEqual({ kind: 'set-s3-path-rules', value: true });
  });

  it('sees a path encoded twice where we encoded it once', () => {
    const diagnosis = diagnoseMismatch(ours({ uri: '/a%20b' }, true), {
      canonicalRequest: canonical({ uri: '/a%2520b' }),
    });
    expect(diagnosis.causes[0]!.fix?.action).toEqual({ kind: 'set-s3-path-rules', value: false });
  });

  it('explains a plus that became a space, and other query differences', () => {
    const plus = diagnoseMismatch(ours({ query: 'q=a%2Bb' }), {
      canonicalRequest: canonical({ query: 'q=a%20b' }),
    });
    expect(ids(plus)).toEqual(['query-encoding']);
    expect(plus.causes[0]!.detail).toMatch(/%2B/);
    const repeated = diagnoseMismatch(ours({ query: 'a=1&a=2' }), {
      canonicalRequest: canonical({ query: 'a=2' }),
    });
    expect(repeated.causes[0]!.detail).toMatch(/repeated/);
    const order = diagnoseMismatch(ours({ query: 'b=1&a=2' }), {
      canonicalRequest: canonical({ query: 'a=2&b=1' }),
    });
    expect(order.causes[0]!.detail).toMatch(/order/);
  });

  it('sees a header changed on the way', () => {
    const diagnosis = diagnoseMismatch(
      ours({ headers: ['content-type:application/json', 'host:h'] }),
      {
        canonicalRequest: canonical({
          headers: ['content-type:application/json; charset=utf-8', 'host:h'],
        }),
      },
    );
    expect(ids(diagnosis)).toEqual(['header-value-changed']);
    expect(diagnosis.causes[0]!.detail).toMatch(/charset=utf-8/);
  });

  it('sees a signed header dropped on the way, and offers to stop signing it', () => {
    const dropped = diagnoseMismatch(ours({ headers: ['host:h', 'x-custom:1'] }), {
      canonicalRequest: canonical({ headers: ['host:h', 'x-custom:'] }),
    });
    expect(ids(dropped)).toEqual(['header-missing-on-server']);
    expect(dropped.causes[0]!.fix?.action).toEqual({ kind: 'unsign-header', name: 'x-custom' });
    const absent = diagnoseMismatch(ours({ headers: ['host:h', 'x-custom:1'] }), {
      canonicalRequest: canonical({ headers: ['host:h'] }).replace('\nhost\n', '\nhost;x-custom\n'),
    });
    expect(ids(absent)).toEqual(['header-missing-on-server']);
  });

  it('says a hop-by-hop header must not be signed', () => {
    const diagnosis = diagnoseMismatch(ours({ headers: ['connection:keep-alive', 'host:h'] }), {
      canonicalRequest: canonical({ headers: ['connection:close', 'host:h'] }),
    });
    expect(ids(diagnosis)).toEqual(['header-should-not-be-signed']);
    expect(diagnosis.causes[0]!.fix?.action).toEqual({
      kind: 'unsign-header',
      name: 'connection',
    });
  });

  it('sees the body hash differ, and a body that did not arrive', () => {
    const changed = diagnoseMismatch(ours(), { canonicalRequest: canonical({ payload: 'ff' }) });
    expect(ids(changed)).toEqual(['payload-changed']);
    const dropped = diagnoseMismatch(ours(), {
      canonicalRequest: canonical({ payload: EMPTY_SHA256 }),
    });
    expect(dropped.causes[0]!.sentence).toMatch(/no body/);
  });

  it('offers to sign the payload when we signed UNSIGNED-PAYLOAD and AWS hashed the body', () => {
    const diagnosis = diagnoseMismatch(ours({ payload: 'UNSIGNED-PAYLOAD' }), {
      canonicalRequest: canonical({}),
    });
    expect(ids(diagnosis)).toEqual(['payload-changed']);
    expect(diagnosis.causes[0]!.sentence).toMatch(
      /We signed UNSIGNED-PAYLOAD, but AWS hashed the body/,
    );
    expect(diagnosis.causes[0]!.fix).toEqual({
      label: 'Sign the payload',
      action: { kind: 'set-payload', value: 'signed' },
    });
  });

  it('sees another method', () => {
    const diagnosis = diagnoseMismatch(ours(), { canonicalRequest: canonical({ method: 'GET' }) });
    expect(ids(diagnosis)).toEqual(['method']);
  });

  it('sees another region, service or date in the string to sign, with fixes', () => {
    const diagnosis = diagnoseMismatch(ours(), {
      stringToSign: stringToSign('20260102/us-east-1/lambda/aws4_request'),
    });
    expect(ids(diagnosis)).toEqual(['scope-date', 'scope-region', 'scope-service']);
    expect(diagnosis.causes[1]!.fix?.action).toEqual({ kind: 'set-region', value: 'us-east-1' });
    expect(diagnosis.causes[2]!.fix?.action).toEqual({ kind: 'set-service', value: 'lambda' });
    expect(diagnosis.stringToSign).toBeDefined();
  });

  it('finds the S3 path difference between our signer and a gateway rebuilding from the wire', async () => {
    const signer = createSigner({ crypto: nodeSigningCrypto });
    const signed = await signer.signRequest({
      method: 'GET',
      url: 'https://bucket.s3.us-east-1.amazonaws.com/my%20key',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 's' },
      region: 'us-east-1',
      service: 'execute-api',
      signingDate: new Date('2026-01-01T00:00:00Z'),
    });
    const server = canonicalizeWireRequest({
      method: 'GET',
      target: '/my%20key',
      headers: signed.headers,
      signedHeaders: signed.signedHeaders,
      payloadHash: signed.payloadHash,
      normalizePath: false,
      doubleEncodePath: false,
    });
    const diagnosis = diagnoseMismatch(
      {
        canonicalRequest: signed.canonicalRequest,
        stringToSign: signed.stringToSign,
        s3PathRules: false,
      },
      { canonicalRequest: server.canonicalRequest },
    );
    expect(ids(diagnosis)).toEqual(['path-encoding']);
  });

  it('never throws and always names a cause', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.option(fc.string()),
        fc.option(fc.string()),
        fc.boolean(),
        (a, b, c, d, s3) => {
          const diagnosis = diagnoseMismatch(
            { canonicalRequest: a, stringToSign: b, s3PathRules: s3 },
            {
              ...(c === null ? {} : { canonicalRequest: c }),
              ...(d === null ? {} : { stringToSign: d }),
            },
          );
          expect(diagnosis.causes.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
