import { describe, expect, it } from 'vitest';
import { parseCredential } from './parseCredential';

describe('parseCredential', () => {
  it('reads a SigV4 credential: key ID, date, region, service, terminator', () => {
    expect(
      parseCredential('AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request', 'AWS4-HMAC-SHA256'),
    ).toEqual({
      ok: true,
      credential: {
        accessKeyId: 'AKIDEXAMPLE',
        dateStamp: '20150830',
        region: 'us-east-1',
        service: 'iam',
        terminator: 'aws4_request',
        scope: '20150830/us-east-1/iam/aws4_request',
      },
    });
  });

  it('reads a SigV4A credential, which has no region', () => {
    expect(
      parseCredential('AKIDEXAMPLE/20150830/iam/aws4_request', 'AWS4-ECDSA-P256-SHA256'),
    ).toEqual({
      ok: true,
      credential: {
        accessKeyId: 'AKIDEXAMPLE',
        dateStamp: '20150830',
        service: 'iam',
        terminator: 'aws4_request',
        scope: '20150830/iam/aws4_request',
      },
    });
  });

  it('gives the parts as written: the terminator and the date are for the verifier to judge', () => {
    expect(parseCredential('/x//s/aws4_requesT', 'AWS4-HMAC-SHA256')).toMatchObject({
      ok: true,
      credential: { accessKeyId: '', dateStamp: 'x', region: '', terminator: 'aws4_requesT' },
    });
  });

  it.each([
    ['AWS4-HMAC-SHA256', 'AKID/20150830/iam/aws4_request', 5],
    ['AWS4-HMAC-SHA256', 'AKID/20150830/us-east-1/iam/aws4_request/x', 5],
    ['AWS4-HMAC-SHA256', '', 5],
    ['AWS4-ECDSA-P256-SHA256', 'AKID/20150830/us-east-1/iam/aws4_request', 4],
    ['AWS4-ECDSA-P256-SHA256', 'AKID', 4],
  ] as const)('refuses a %s credential of another length: %j', (algorithm, text, expected) => {
    expect(parseCredential(text, algorithm)).toEqual({ ok: false, reason: 'parts', expected });
  });

  it('refuses a long credential without splitting all of it', () => {
    expect(parseCredential('/'.repeat(1_000_000), 'AWS4-HMAC-SHA256')).toMatchObject({
      ok: false,
    });
  });
});
