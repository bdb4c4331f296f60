import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { DEFAULT_EXPIRES_IN, resolveSigningOptions } from './resolveSigningOptions';
import { createSigner } from './signRequest';
import type { SigningInput } from './types';

const base: SigningInput = {
  method: 'GET',
  url: 'https://example.amazonaws.com/a/./b',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  region: 'us-east-1',
  service: 'service',
  signingDate: new Date('2015-08-30T12:36:00Z'),
};

describe('resolveSigningOptions', () => {
  it('gives every service but S3 normalized, double-encoded paths and no x-amz-content-sha256', () => {
    expect(resolveSigningOptions(base)).toEqual({
      mode: 'header',
      payload: 'signed',
      normalizePath: true,
      doubleEncodePath: true,
      contentSha256Header: false,
      sessionToken: 'none',
    });
  });

  it('gives S3 its own rules: the path as sent, x-amz-content-sha256, unsigned presigned payloads', () => {
    const s3 = { ...base, service: 's3' };
    expect(resolveSigningOptions(s3)).toMatchObject({
      normalizePath: false,
      doubleEncodePath: false,
      contentSha256Header: true,
      payload: 'signed',
    });
    expect(resolveSigningOptions({ ...s3, mode: 'query' })).toMatchObject({
      payload: 'unsigned',
      contentSha256Header: false,
      expiresIn: DEFAULT_EXPIRES_IN,
    });
  });

  it('follows every option the input sets over the service’s default', () => {
    expect(
      resolveSigningOptions({
        ...base,
        service: 's3',
        mode: 'query',
        payload: 'signed',
        normalizePath: true,
        doubleEncodePath: true,
        expiresIn: 60,
      }),
    ).toEqual({
      mode: 'query',
      payload: 'signed',
      normalizePath: true,
      doubleEncodePath: true,
      contentSha256Header: false,
      sessionToken: 'none',
      expiresIn: 60,
    });
    expect(resolveSigningOptions({ ...base, contentSha256Header: true }).contentSha256Header).toBe(
      true,
    );
  });

  it('says whether the session token is signed, added after signing, or absent', () => {
    const withToken = { ...base, credentials: { ...base.credentials, sessionToken: 'token' } };
    expect(resolveSigningOptions(withToken).sessionToken).toBe('signed');
    expect(resolveSigningOptions({ ...withToken, signSessionToken: false }).sessionToken).toBe(
      'unsigned',
    );
    const emptyToken = { ...base, credentials: { ...base.credentials, sessionToken: '' } };
    expect(resolveSigningOptions(emptyToken).sessionToken).toBe('none');
  });

  it('has an expiry in query mode only', () => {
    expect(resolveSigningOptions({ ...base, expiresIn: 60 })).not.toHaveProperty('expiresIn');
  });
});

describe('SigningResult.options', () => {
  const signer = createSigner({ crypto: nodeSigningCrypto });

  it('is what resolveSigningOptions gives, and the artifacts follow it', async () => {
    for (const input of [
      base,
      { ...base, service: 's3' },
      { ...base, service: 's3', mode: 'query' as const },
    ]) {
      const result = await signer.signRequest(input);
      expect(result.options).toEqual(resolveSigningOptions(input));
      expect(result.canonicalUri).toBe(result.options.normalizePath ? '/a/b' : '/a/./b');
      expect(result.signedHeaders.includes('x-amz-content-sha256')).toBe(
        result.options.contentSha256Header,
      );
    }
  });
});
