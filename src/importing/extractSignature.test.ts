import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createSigner, type SigningInput } from '../signing';
import { extractSignature } from './extractSignature';
import { importCurl } from './importCurl';

const signer = createSigner({ crypto: nodeSigningCrypto });
const sign = (overrides: Partial<SigningInput> = {}) =>
  signer.signRequest({
    method: 'GET',
    url: 'https://h.example/prod/hello?lang=fr',
    headers: [['Accept', 'application/json']],
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'tok' },
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date('2026-01-15T10:20:30Z'),
    ...overrides,
  });

describe('extractSignature', () => {
  it('takes a SigV4 Authorization header, its X-Amz-Date and the session token out', async () => {
    const signed = await sign();
    const extracted = extractSignature(signed.url, signed.headers);
    expect(extracted.headers).toEqual([
      ['host', 'h.example'],
      ['Accept', 'application/json'],
    ]);
    expect(extracted).toMatchObject({
      existingSignature: { kind: 'authorization-header', algorithm: 'sigv4' },
      sessionToken: 'tok',
      accessKeyId: 'AKIDEXAMPLE',
      region: 'ca-central-1',
      service: 'execute-api',
    });
    expect(extracted.notes[0]).toBe(
      'The request was already signed (Authorization: AWS4-HMAC-SHA256 …): its Authorization and X-Amz-Date headers were taken out, so the page can check that signature or sign again.',
    );
  });

  it('takes a SigV4A Authorization header out with its X-Amz-Region-Set, and says so', async () => {
    const signed = await sign({ algorithm: 'sigv4a', regionSet: ['us-*', 'ca-central-1'] });
    const extracted = extractSignature(signed.url, signed.headers);
    // The signer writes these again: kept, they would go out twice.
    expect(extracted.headers.map(([name]) => name.toLowerCase())).toEqual(['host', 'accept']);
    expect(extracted.existingSignature).toEqual({
      kind: 'authorization-header',
      detail: signed.authorization,
      algorithm: 'sigv4a',
      regionSet: 'us-*,ca-central-1',
    });
    // A SigV4A scope has no region.
    expect(extracted).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', service: 'execute-api' });
    expect(extracted.region).toBeUndefined();
    expect(extracted.notes.join('\n')).toMatch(/X-Amz-Date and X-Amz-Region-Set headers/);
    expect(extracted.notes.join('\n')).toMatch(/SigV4A .* “us-\*,ca-central-1”/);
  });

  it('takes a SigV4A presigned URL’s parameters out, X-Amz-Region-Set included', async () => {
    const signed = await sign({ algorithm: 'sigv4a', mode: 'query', regionSet: ['ca-central-1'] });
    expect(signed.url).toContain('X-Amz-Region-Set=');
    const extracted = extractSignature(signed.url, [['Host', 'h.example']]);
    expect(extracted.url).toBe('https://h.example/prod/hello?lang=fr');
    expect(extracted).toMatchObject({
      existingSignature: { kind: 'presigned-url', algorithm: 'sigv4a', regionSet: 'ca-central-1' },
      accessKeyId: 'AKIDEXAMPLE',
      service: 'execute-api',
      sessionToken: 'tok',
    });
  });

  it('keeps the rest of a presigned URL’s query exactly as written', () => {
    const extracted = extractSignature('https://h/p?a=%2f&X-Amz-Signature=00&b&&c=1+2#frag', []);
    expect(extracted.url).toBe('https://h/p?a=%2f&b&&c=1+2#frag');
    expect(extracted.notes[0]).toMatch(/its X-Amz-Signature parameters were taken out/);
  });

  it('still takes out a malformed SigV4 header, but keeps any other Authorization', () => {
    const malformed = extractSignature('https://h/', [
      ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKID/20260115/us-east-1/s3/aws4_request'],
    ]);
    expect(malformed.headers).toEqual([]);
    expect(malformed).toMatchObject({ accessKeyId: 'AKID', region: 'us-east-1', service: 's3' });
    const bearer = extractSignature('https://h/', [['Authorization', 'Bearer abc']]);
    expect(bearer.headers).toEqual([['Authorization', 'Bearer abc']]);
    expect(bearer.existingSignature).toBeUndefined();
  });

  it('is what Import does with a pasted SigV4A curl command', async () => {
    const signed = await sign({ algorithm: 'sigv4a' });
    const command = [
      `curl '${signed.url}'`,
      ...signed.headers.map(([name, value]) => `-H '${name}: ${value}'`),
    ].join(' ');
    const result = importCurl(command);
    expect(result.ok && result.request.headers.map(([name]) => name.toLowerCase())).toEqual([
      'host',
      'accept',
    ]);
    expect(result.ok && result.request.existingSignature?.algorithm).toBe('sigv4a');
  });
});
