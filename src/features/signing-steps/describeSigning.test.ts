import { describe, expect, it } from 'vitest';
import {
  createSigner,
  createWebCryptoSigning,
  signRequest,
  type SigningInput,
} from '../../signing';
import { describeCanonicalRequest, describeStringToSign } from './describeSigning';

const base: SigningInput = {
  method: 'POST',
  url: 'https://abc.execute-api.ca-central-1.amazonaws.com/prod/a%20b/hello?b=2&a=1',
  headers: [
    ['content-type', 'application/json'],
    ['X-Padded', '  a   b  '],
  ],
  body: '{"hello":"world"}',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'tok' },
  region: 'ca-central-1',
  service: 'execute-api',
  signingDate: new Date('2015-08-30T12:36:00Z'),
};

// SigV4A needs ECDSA: WebCrypto, which Node has (the default crypto here is the pure-JS one).
const sigv4aSigner = createSigner({ crypto: createWebCryptoSigning(globalThis.crypto.subtle) });
const sigv4a: SigningInput = { ...base, algorithm: 'sigv4a', regionSet: ['us-*', 'ca-central-1'] };

describe('describeCanonicalRequest', () => {
  it("labels every line, and the lines joined are the signer's canonical request", async () => {
    const result = await signRequest(base);
    const lines = describeCanonicalRequest(result);
    expect(lines.map((line) => line.text).join('\n')).toBe(result.canonicalRequest);
    expect(lines.map((line) => line.label)).toEqual([
      'method',
      'path',
      'query',
      'header',
      'header',
      'header',
      'header',
      'header',
      'empty line',
      'signed headers',
      'payload hash',
    ]);
    expect(lines[1]).toMatchObject({ text: '/prod/a%2520b/hello' });
    expect(lines[1]!.rule).toContain('URI-encoded twice');
    // The double encoding shown happening, on the first segment it changed.
    expect(lines[1]!.rule).toContain('(a b → a%20b → a%2520b)');
    expect(lines[2]).toMatchObject({ text: 'a=1&b=2' });
    expect(lines[2]!.rule).toContain('sorted by name then value');
    expect(lines.find((line) => line.text.startsWith('x-amz-date:'))!.rule).toContain(
      'added by the signer',
    );
    expect(lines.find((line) => line.text.startsWith('x-padded:'))).toMatchObject({
      text: 'x-padded:a b',
      rule: 'name lower-cased, value trimmed, spaces folded',
    });
  });

  it('shows no double-encoding example when no segment changes', async () => {
    const result = await signRequest({ ...base, url: 'https://h.example/prod/hello' });
    expect(describeCanonicalRequest(result)[1]!.rule).not.toContain('→');
  });

  it('names the S3 path rule and UNSIGNED-PAYLOAD', async () => {
    const result = await signRequest({
      ...base,
      url: 'https://bucket.s3.us-east-1.amazonaws.com/a%20b/./c',
      service: 's3',
      region: 'us-east-1',
      payload: 'unsigned',
    });
    const lines = describeCanonicalRequest(result);
    expect(lines[1]!.rule).toContain('the S3 rule');
    expect(lines.at(-1)).toMatchObject({ text: 'UNSIGNED-PAYLOAD', label: 'UNSIGNED-PAYLOAD' });
  });

  it('says which form of an S3 path was signed when it is not the canonical one', async () => {
    const signed = (path: string) =>
      signRequest({ ...base, url: `https://s3.us-east-1.amazonaws.com${path}`, service: 's3' });
    const odd = describeCanonicalRequest(await signed('/bucket/a*b%2a%41'))[1]!;
    expect(odd.text).toBe('/bucket/a*b%2a%41');
    expect(odd.rule).toContain(
      "signed as written, not in AWS's canonical encoding (/bucket/a%2Ab%2AA)",
    );
    const canonical = describeCanonicalRequest(await signed('/bucket/a%2Ab%2AA'))[1]!;
    expect(canonical.rule).not.toContain('canonical encoding');
  });

  it('labels the headers the signer added by the options it applied', async () => {
    const lines = describeCanonicalRequest(await signRequest({ ...base, service: 's3' }));
    const rule = (name: string) => lines.find((line) => line.text.startsWith(`${name}:`))!.rule;
    expect(rule('x-amz-content-sha256')).toContain('added by the signer');
    expect(rule('x-amz-security-token')).toContain('added by the signer');
    const own = describeCanonicalRequest(
      await signRequest({
        ...base,
        headers: [['X-Amz-Security-Token', 'mine']],
        credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      }),
    );
    expect(own.find((line) => line.text.startsWith('x-amz-security-token:'))!.rule).not.toContain(
      'added by the signer',
    );
  });

  it("says when a final '/' survives normalization", async () => {
    const result = await signRequest({ ...base, url: 'https://example.com/a/b/..' });
    const path = describeCanonicalRequest(result)[1]!;
    expect(path).toMatchObject({ text: '/a' });
    expect(path.rule).toContain("a final '/' kept only where the path ends in one");
  });

  it('calls the hash of no body what it is', async () => {
    const result = await signRequest({ ...base, method: 'GET', body: undefined });
    expect(describeCanonicalRequest(result).at(-1)!.rule).toBe('hex SHA-256 of the empty body');
  });

  it('labels the x-amz-region-set line of SigV4A', async () => {
    const result = await sigv4aSigner.signRequest(sigv4a);
    const lines = describeCanonicalRequest(result);
    expect(lines.map((line) => line.text).join('\n')).toBe(result.canonicalRequest);
    const regionSet = lines.find((line) => line.text.startsWith('x-amz-region-set:'))!;
    expect(regionSet).toMatchObject({
      text: 'x-amz-region-set:us-*,ca-central-1',
      label: 'region set',
    });
    expect(regionSet.rule).toContain('added by the signer');
  });

  it('says a SigV4A presigned URL signs X-Amz-Region-Set in the query', async () => {
    const result = await sigv4aSigner.signRequest({ ...sigv4a, mode: 'query' });
    const lines = describeCanonicalRequest(result);
    expect(lines[2]!.text).toContain('X-Amz-Region-Set=us-%2A%2Cca-central-1');
    expect(lines[2]!.rule).toContain('X-Amz-Region-Set');
  });

  it('falls back to unlabelled lines rather than label bytes the signer did not produce', async () => {
    const result = await signRequest(base);
    const tampered = { ...result, canonicalQuery: 'not-what-was-signed' };
    const lines = describeCanonicalRequest(tampered);
    expect(lines.every((line) => line.label === '')).toBe(true);
    expect(lines.map((line) => line.text).join('\n')).toBe(result.canonicalRequest);
  });
});

describe('describeStringToSign', () => {
  it('labels the four lines', async () => {
    const result = await signRequest(base);
    const lines = describeStringToSign(result);
    expect(lines.map((line) => line.text).join('\n')).toBe(result.stringToSign);
    expect(lines.map((line) => line.label)).toEqual([
      'algorithm',
      'request date',
      'credential scope',
      'canonical request hash',
    ]);
    expect(lines[0]!.text).toBe('AWS4-HMAC-SHA256');
  });

  it('labels SigV4A’s algorithm and its scope without a region', async () => {
    const result = await sigv4aSigner.signRequest(sigv4a);
    const lines = describeStringToSign(result);
    expect(lines.map((line) => line.text).join('\n')).toBe(result.stringToSign);
    expect(lines[0]).toMatchObject({ text: 'AWS4-ECDSA-P256-SHA256', label: 'algorithm' });
    expect(lines[2]).toMatchObject({ text: '20150830/execute-api/aws4_request' });
    expect(lines[2]!.rule).toContain('no region');
  });
});
