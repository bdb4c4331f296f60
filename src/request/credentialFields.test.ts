import { describe, expect, it } from 'vitest';
import {
  isCredentialHeader,
  isCredentialQueryParam,
  withheldHeaderNames,
  withoutCredentialHeaders,
  withoutCredentialsInUrl,
} from './credentialFields';

describe('isCredentialHeader', () => {
  it.each([
    'Authorization',
    'authorization',
    'Proxy-Authorization',
    'Cookie',
    'Set-Cookie',
    'X-Api-Key',
    'api-key',
    'apikey',
    'X-API-KEY',
    'x-goog-api-key',
    'Ocp-Apim-Subscription-Key',
    'X-Amz-Security-Token',
    'x-amz-server-side-encryption-customer-key',
    'X-Auth-Token',
    'X-CSRF-Token',
    'X-Access-Token',
    'X-Client-Secret',
    'X-Password',
    'X-Vault-Secret-Id',
    'X-Session',
    'X-Session-Id',
    'X-Signature',
    'X-Jwt',
  ])('%s carries a credential', (name) => {
    expect(isCredentialHeader(name)).toBe(true);
  });

  it.each([
    'Content-Type',
    'Accept',
    'Host',
    'User-Agent',
    'X-Amz-Date',
    'X-Amz-Content-Sha256',
    'X-Amz-Target',
    'X-Amz-Region-Set',
    'X-Amzn-Trace-Id',
    'x-amz-meta-author',
    'x-amz-server-side-encryption-customer-key-MD5',
    'x-amz-server-side-encryption-aws-kms-key-id',
    'Idempotency-Key',
    'Sec-WebSocket-Key',
    'Content-MD5',
    'Cache-Control',
    'If-None-Match',
    '',
  ])('%s is harmless', (name) => {
    expect(isCredentialHeader(name)).toBe(false);
  });

  it('reads a very long name without trouble', () => {
    expect(isCredentialHeader(`${'x-'.repeat(100_000)}token`)).toBe(true);
    expect(isCredentialHeader(`secret${'-x'.repeat(100_000)}`)).toBe(true);
  });
});

describe('isCredentialQueryParam', () => {
  it.each([
    'X-Amz-Signature',
    'X-Amz-Credential',
    'X-Amz-Security-Token',
    'X-Goog-Signature',
    'api_key',
    'apiKey',
    'key',
    'access_token',
    'id_token',
    'token',
    'sig',
    'Signature',
    'password',
    'client_secret',
    'X%2DAmz%2DSignature',
  ])('%s carries a credential', (name) => {
    expect(isCredentialQueryParam(name)).toBe(true);
  });

  it.each([
    'X-Amz-Algorithm',
    'X-Amz-Date',
    'X-Amz-Expires',
    'X-Amz-SignedHeaders',
    'SignatureVersion',
    'SignatureMethod',
    'AWSAccessKeyId',
    'Action',
    'Version',
    'RoleSessionName',
    'DurationSeconds',
    'NextToken',
    'continuation-token',
    'pageToken',
    'ClientToken',
    'key-marker',
    'prefix',
    'a',
    '%zz',
  ])('%s is harmless', (name) => {
    expect(isCredentialQueryParam(name)).toBe(false);
  });
});

describe('withoutCredentialsInUrl', () => {
  it('takes out credential parameters and names them, keeping the rest as written', () => {
    expect(
      withoutCredentialsInUrl(
        'https://h.example/p%20q?a=1&X-Amz-Security-Token=tok%2F&b=&api_key=k&X-Amz-Date=2#frag',
      ),
    ).toEqual({
      url: 'https://h.example/p%20q?a=1&b=&X-Amz-Date=2#frag',
      withheld: ['X-Amz-Security-Token', 'api_key'],
    });
  });

  it('takes out a user name and password', () => {
    expect(withoutCredentialsInUrl('https://me:pa55@h.example/x?token=t')).toEqual({
      url: 'https://h.example/x',
      withheld: ['user:password@', 'token'],
    });
  });

  it('takes the user information up to the last @ of the authority, as the signer reads it', () => {
    expect(withoutCredentialsInUrl('https://a@b:c@h.example/p@q').url).toBe(
      'https://h.example/p@q',
    );
    expect(withoutCredentialsInUrl(`https://${'@'.repeat(50_000)}x`).url).toBe('https://x');
  });

  it('returns a URL without credentials as it is', () => {
    const url = 'http://127.0.0.1:5174/prod/hello?NextToken=abc&b';
    expect(withoutCredentialsInUrl(url)).toEqual({ url, withheld: [] });
  });
});

describe('withoutCredentialHeaders', () => {
  it('empties credential values, marks them, and keeps the other rows untouched', () => {
    const rows = [
      { id: '1', name: 'Cookie', value: 'a=b', signed: true },
      { id: '2', name: 'Accept', value: '*/*', signed: false },
      { id: '3', name: 'X-Api-Key', value: '', signed: true },
    ];
    const cleaned = withoutCredentialHeaders(rows);
    expect(cleaned).toEqual([
      { id: '1', name: 'Cookie', value: '', signed: true, withheld: true },
      rows[1],
      rows[2],
    ]);
    expect(cleaned[1]).toBe(rows[1]);
    expect(withheldHeaderNames(cleaned)).toEqual(['Cookie']);
  });
});
