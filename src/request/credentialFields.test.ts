import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import {
  isCredentialHeader,
  isCredentialQueryParam,
  onlyNamesCredential,
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

describe('onlyNamesCredential', () => {
  it.each([
    '{{token}}',
    '{{ apiKey }}',
    'Bearer {{token}}',
    '  Bearer   {{token}}  ',
    'Basic {{basicAuth}}',
    'SSWS {{oktaToken}}',
    '{{scheme}} {{token}}',
    '{{a}}{{b}}',
    `{{${'n'.repeat(63)}}}`,
  ])('%s only names a variable', (value) => {
    expect(onlyNamesCredential(value)).toBe(true);
  });

  it.each([
    ['a literal token', 'abc123'],
    ['a literal bearer token', 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig'],
    ['no text at all', ''],
    ['a key beside a reference', '{{prefix}}sk_live_4eC39HqLyjWD'],
    ['a reference beside a key', 'Bearer {{token}} abc123'],
    ['a word glued to a reference', 'Bearer{{token}}'],
    ['two words before a reference', 'my secret {{token}}'],
    ['a scheme word with digits', 'AWS4-HMAC-SHA256 {{signature}}'],
    ['user:password of references', '{{user}}:{{password}}'],
    ['a cookie of references', 'session={{session}}'],
    ['a token pasted between braces', `{{${'t'.repeat(64)}}}`],
    ['an unclosed reference', '{{token'],
    ['a mark of its own', '{}'],
    ['a mark beside a reference', '{{token}} {}'],
    ['braces beside a reference', '{{token}}}'],
  ])('%s is a credential', (_label, value) => {
    expect(onlyNamesCredential(value)).toBe(false);
  });

  it('never takes a value with a literal secret beside its references for names', () => {
    // A secret: a run without spaces that is no scheme word (a digit, a symbol, or too long).
    const secret = fc
      .string({ minLength: 1, maxLength: 60 })
      .map((text) => text.replace(/[\s{}]/g, ''))
      .filter((text) => text !== '' && !/^[A-Za-z][A-Za-z-]{0,19}$/.test(text));
    const value = fc
      .tuple(secret, fc.constantFrom('{{token}}', 'Bearer {{token}}', '{{a}} {{b}}'))
      .chain(([literal, names]) =>
        fc.constantFrom(
          literal,
          `${literal} ${names}`,
          `${names} ${literal}`,
          `${names}${literal}`,
          `Bearer ${literal}`,
        ),
      );
    fc.assert(
      fc.property(value, (text) => {
        expect(onlyNamesCredential(text)).toBe(false);
        const [row] = withoutCredentialHeaders([{ name: 'Authorization', value: text }]);
        expect(row).toEqual({ name: 'Authorization', value: '', withheld: true });
      }),
    );
  });

  it('answers any text, at once, however long', () => {
    fc.assert(fc.property(anyText(200), (text) => void onlyNamesCredential(text)));
    expect(onlyNamesCredential(`Bearer ${'{{t}} '.repeat(200_000)}`)).toBe(true);
    expect(onlyNamesCredential(`${' '.repeat(200_000)}{{t}}x`)).toBe(false);
    expect(onlyNamesCredential(`${'{{'.repeat(100_000)}x`)).toBe(false);
  });
});

describe('credentials named through variables', () => {
  it('keeps a credential header whose value only names variables', () => {
    const rows = [
      { name: 'Authorization', value: 'Bearer {{token}}' },
      { name: 'x-api-key', value: '{{apiKey}}' },
      { name: 'X-Auth-Token', value: 'Bearer abc{{token}}' },
    ];
    const cleaned = withoutCredentialHeaders(rows);
    expect(cleaned).toEqual([rows[0], rows[1], { ...rows[2], value: '', withheld: true }]);
    expect(withheldHeaderNames(cleaned)).toEqual(['X-Auth-Token']);
  });

  it('keeps a credential parameter whose value only names a variable, or is empty', () => {
    expect(
      withoutCredentialsInUrl('https://h.example/p?api_key={{apiKey}}&token=&sig=abc&page=2'),
    ).toEqual({ url: 'https://h.example/p?api_key={{apiKey}}&token=&page=2', withheld: ['sig'] });
  });

  it('still takes out user:password@ written with references', () => {
    expect(withoutCredentialsInUrl('https://{{user}}:{{password}}@h.example/p')).toEqual({
      url: 'https://h.example/p',
      withheld: ['user:password@'],
    });
  });
});
