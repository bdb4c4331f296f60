import fc from 'fast-check';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SECRET as SECRET, signJsonPost } from '../../test-support/signJsonPost';
import { loadVectorCaseTexts } from '../../test-support/vectors/loadVectorCases';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import type { SigningInput } from '../signing';
import { checkSignature, parsePastedRequest } from './checkSignature';

const NOW = new Date('2026-01-01T00:00:00Z');
const options = { now: NOW, crypto: nodeSigningCrypto };

const sign = (overrides: Partial<SigningInput> = {}) =>
  signJsonPost({
    url: 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/a%20b?x=1&y=a+b',
    signingDate: NOW,
    ...overrides,
  });

/** The signed request as raw HTTP. */
const asHttp = (method: string, url: string, headers: Array<[string, string]>, body: string) => {
  const target = url.replace(/^https:\/\/[^/]+/, '');
  return `${method} ${target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
};

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * Checks the signed requests (header and presigned) of every vector of one of AWS's test suites
 * that the gateway accepts (not the normalize: false ones) with the vector's secret at the suite's
 * time: each must be valid, over the suite's canonical request. Returns how many were checked.
 */
async function checkSuite(folder: 'v4' | 'v4a'): Promise<number> {
  const suite = fileURLToPath(new URL(`../../test-vectors/aws/${folder}`, import.meta.url));
  let checked = 0;
  for (const vector of loadVectorCaseTexts(suite)) {
    const context = JSON.parse(vector.files['context.json']!) as {
      credentials: { secret_access_key: string };
      normalize?: boolean;
    };
    if (context.normalize === false) continue;
    for (const mode of ['header', 'query'] as const) {
      const signedRequest = vector.files[`${mode}-signed-request.txt`];
      if (signedRequest === undefined) continue;
      // Its token is added after signing: the presigned URL carries a parameter it did not sign.
      if (vector.name.endsWith('post-sts-header-after') && mode === 'query') continue;
      const check = await checkSignature(signedRequest, context.credentials.secret_access_key, {
        ...options,
        now: new Date('2015-08-30T12:36:00Z'),
      });
      expect
        .soft(check.canonicalRequest, `${vector.name} ${mode}`)
        .toBe(vector.files[`${mode}-canonical-request.txt`]);
      expect.soft(check.valid, `${vector.name} ${mode}`).toBe(true);
      checked++;
    }
  }
  return checked;
}

describe('parsePastedRequest', () => {
  it('sends HTTPie, fetch and PowerShell to Import instead of reading them as raw HTTP', () => {
    expect(parsePastedRequest('Invoke-WebRequest -Uri "https://h.example/"')).toEqual({
      error:
        'This is a PowerShell command: this panel reads raw HTTP, a curl command or a presigned URL. Import reads it; Export then gives the request as curl.',
    });
    expect(parsePastedRequest('http POST https://h.example/ a=1')).toMatchObject({
      error: expect.stringMatching(/^This is an HTTPie command/),
    });
    expect(parsePastedRequest('fetch("https://h.example/")')).toMatchObject({
      error: expect.stringMatching(/^This is a fetch\(…\) snippet/),
    });
  });

  it('reads raw HTTP, the Host header giving the URL', () => {
    expect(parsePastedRequest('GET /a?b=1 HTTP/1.1\nHost: h.example\nX-A:  1 \n\nbody')).toEqual({
      format: 'http',
      method: 'GET',
      url: 'https://h.example/a?b=1',
      headers: [
        ['Host', 'h.example'],
        ['X-A', '1'],
      ],
      body: 'body',
    });
    expect(parsePastedRequest('GET / HTTP/1.1\nX-A: 1')).toEqual({
      error: expect.stringMatching(/Host/),
    });
  });

  it('reads a curl command with quotes and line continuations', () => {
    const parsed = parsePastedRequest(
      `curl -X PUT 'https://h.example/p?q=1' \\\n  -H "X-Amz-Date: 20260101T000000Z" \\\n  -H 'x-b: it'\\''s' \\\n  --data-raw '{"a": 1}'`,
    );
    expect(parsed).toMatchObject({
      format: 'curl',
      method: 'PUT',
      url: 'https://h.example/p?q=1',
      body: '{"a": 1}',
    });
    expect(!('error' in parsed) && parsed.headers).toEqual([
      ['Host', 'h.example'],
      ['X-Amz-Date', '20260101T000000Z'],
      ['x-b', "it's"],
      ['Accept', '*/*'],
      ['Content-Length', '8'],
      ['Content-Type', 'application/x-www-form-urlencoded'],
    ]);
    expect(parsePastedRequest('curl -XPOST -d a=1 -d b=2 h.example')).toMatchObject({
      method: 'POST',
      url: 'http://h.example',
      body: 'a=1&b=2',
    });
    expect(parsePastedRequest('curl -sSI https://h.example/')).toMatchObject({ method: 'HEAD' });
  });

  it('reads a presigned URL, and refuses one without a signature', () => {
    expect(parsePastedRequest('https://h.example/a?X-Amz-Signature=ab')).toMatchObject({
      format: 'presigned-url',
      method: 'GET',
      headers: [['Host', 'h.example']],
    });
    expect(parsePastedRequest('https://h.example/a?b=1')).toEqual({
      error: expect.stringMatching(/X-Amz-Signature/),
    });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        parsePastedRequest(text);
        parsePastedRequest(`curl ${text}`);
        parsePastedRequest(`GET ${text}`);
      }),
    );
  });
});

describe('checkSignature', () => {
  it('accepts a request signed right, pasted as raw HTTP', async () => {
    const signed = await sign();
    const check = await checkSignature(
      asHttp('POST', signed.url, signed.headers, '{"a":1}'),
      SECRET,
      options,
    );
    expect(check).toMatchObject({
      valid: true,
      format: 'http',
      canonicalRequest: signed.canonicalRequest,
      stringToSign: signed.stringToSign,
      expectedSignature: signed.signature,
      givenSignature: signed.signature,
      signedHeaders: signed.signedHeaders,
      credentialScope: signed.credentialScope,
    });
    expect(check.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('accepts the same request as a curl command', async () => {
    const signed = await sign();
    const command = [
      'curl',
      '-X POST',
      quote(signed.url),
      ...signed.headers
        .filter(([name]) => name.toLowerCase() !== 'host')
        .map(([name, value]) => `-H ${quote(`${name}: ${value}`)}`),
      `--data-raw ${quote('{"a":1}')}`,
    ].join(' \\\n  ');
    const check = await checkSignature(command, SECRET, options);
    expect(check.valid).toBe(true);
    expect(check.format).toBe('curl');
  });

  it('accepts a presigned URL', async () => {
    const signed = await sign({ method: 'GET', body: '', headers: [], mode: 'query' });
    const check = await checkSignature(signed.url, SECRET, options);
    expect(check).toMatchObject({ valid: true, format: 'presigned-url' });
    expect(check.canonicalRequest).toBe(signed.canonicalRequest);
  });

  it('rejects a wrong secret, and a body changed after signing', async () => {
    const signed = await sign();
    const wrong = await checkSignature(
      asHttp('POST', signed.url, signed.headers, '{"a":1}'),
      'x',
      options,
    );
    expect(wrong.valid).toBe(false);
    expect(wrong.findings[0]!.severity).toBe('error');
    const changed = await checkSignature(
      asHttp('POST', signed.url, signed.headers, '{"a":2}'),
      SECRET,
      options,
    );
    expect(changed.valid).toBe(false);
  });

  it('says when the signature has expired or is not yet valid', async () => {
    const signed = await sign();
    const text = asHttp('POST', signed.url, signed.headers, '{"a":1}');
    const later = await checkSignature(text, SECRET, {
      ...options,
      now: new Date('2026-01-01T00:06:00Z'),
    });
    expect(later).toMatchObject({ valid: false, signatureMatches: true });
    expect(later.findings.map((finding) => finding.message).join('\n')).toMatch(/Expired/);
    const earlier = await checkSignature(text, SECRET, {
      ...options,
      now: new Date('2025-12-31T23:50:00Z'),
    });
    expect(earlier.findings.map((finding) => finding.message).join('\n')).toMatch(/Not yet valid/);
    const presigned = await sign({
      method: 'GET',
      body: '',
      headers: [],
      mode: 'query',
      expiresIn: 60,
    });
    const expired = await checkSignature(presigned.url, SECRET, {
      ...options,
      now: new Date('2026-01-01T00:02:00Z'),
    });
    expect(expired.findings.map((finding) => finding.message).join('\n')).toMatch(
      /Expired: the URL was valid for 60 s/,
    );
  });

  it('finds headers sent unsigned, signed headers missing, and host not signed', async () => {
    const signed = await sign({ unsignedHeaders: ['content-type'] });
    const headers: Array<[string, string]> = [...signed.headers, ['X-Amz-Target', 'x']];
    const check = await checkSignature(
      asHttp('POST', signed.url, headers, '{"a":1}'),
      SECRET,
      options,
    );
    const messages = check.findings.map((finding) => finding.message).join('\n');
    expect(messages).toMatch(/not signed: x-amz-target/);
    expect(messages).toMatch(/not signed: content-type/);
    const dropped = await checkSignature(
      asHttp(
        'POST',
        signed.url,
        signed.headers
          .filter(([name]) => name !== 'X-Amz-Date')
          .concat([['Date', 'Thu, 01 Jan 2026 00:00:00 GMT']]),
        '{"a":1}',
      ),
      SECRET,
      options,
    );
    expect(dropped.findings.map((finding) => finding.message).join('\n')).toMatch(
      /Signed but not in the request: x-amz-date/,
    );
    const noHost = await checkSignature(
      'GET / HTTP/1.1\nHost: h\nX-Amz-Date: 20260101T000000Z\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/r/s/aws4_request, SignedHeaders=x-amz-date, Signature=00',
      SECRET,
      options,
    );
    expect(noHost.findings.map((finding) => finding.message).join('\n')).toMatch(
      /host is not signed/,
    );
  });

  it('finds a scope date other than X-Amz-Date, and session token problems', async () => {
    const text =
      'GET / HTTP/1.1\nHost: h\nX-Amz-Date: 20260101T000000Z\nX-Amz-Security-Token: t\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20251231/r/s/aws4_request, SignedHeaders=host;x-amz-date, Signature=00';
    const messages = (await checkSignature(text, SECRET, options)).findings
      .map((finding) => finding.message)
      .join('\n');
    expect(messages).toMatch(/not on the credential scope’s date/);
    expect(messages).toMatch(/session token .* sent but not signed/);
    const absent = await checkSignature(
      text
        .replace('X-Amz-Security-Token: t\n', '')
        .replace('host;x-amz-date', 'host;x-amz-date;x-amz-security-token'),
      SECRET,
      options,
    );
    expect(absent.findings.map((finding) => finding.message).join('\n')).toMatch(
      /x-amz-security-token is signed but/,
    );
  });

  it('compares x-amz-content-sha256 with the body', async () => {
    const signed = await sign({ contentSha256Header: true });
    const check = await checkSignature(
      asHttp('POST', signed.url, signed.headers, '{"a":2}'),
      SECRET,
      options,
    );
    expect(check.findings.map((finding) => finding.message).join('\n')).toMatch(
      /x-amz-content-sha256 says/,
    );
  });

  it('follows the S3 rules when asked', async () => {
    const signed = await sign({
      url: 'https://b.s3.us-east-1.amazonaws.com/a//b%20c',
      service: 's3',
      region: 'us-east-1',
    });
    const text = asHttp('POST', signed.url, signed.headers, '{"a":1}');
    expect((await checkSignature(text, SECRET, { ...options, s3PathRules: true })).valid).toBe(
      true,
    );
    expect((await checkSignature(text, SECRET, options)).valid).toBe(false);
  });

  it('recomputes without a secret, and says the secret is needed', async () => {
    const signed = await sign();
    const check = await checkSignature(
      asHttp('POST', signed.url, signed.headers, '{"a":1}'),
      '',
      options,
    );
    expect(check.canonicalRequest).toBe(signed.canonicalRequest);
    expect(check.expectedSignature).toBeUndefined();
    expect(check.findings.at(-1)!.message).toMatch(/secret access key/);
  });

  it('agrees with AWS on every test-suite vector the gateway accepts', async () => {
    expect(await checkSuite('v4')).toBeGreaterThan(40);
  });

  it('verifies SigV4A, in a header and in a presigned URL', async () => {
    const signed = await sign({ algorithm: 'sigv4a', regionSet: ['ca-*'] });
    const text = asHttp('POST', signed.url, signed.headers, '{"a":1}');
    const check = await checkSignature(text, SECRET, options);
    expect(check).toMatchObject({
      valid: true,
      canonicalRequest: signed.canonicalRequest,
      stringToSign: signed.stringToSign,
      givenSignature: signed.signature,
      credentialScope: signed.credentialScope,
    });
    // A SigV4A signature is random: verified, never recomputed.
    expect(check.expectedSignature).toBeUndefined();
    expect(check.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    expect(check.findings[0]!.message).toMatch(/verifies/);
    const wrong = await checkSignature(text, 'x', options);
    expect(wrong.valid).toBe(false);
    expect(wrong.findings[0]!.message).toMatch(/does not verify/);

    const presigned = await sign({
      algorithm: 'sigv4a',
      method: 'GET',
      body: '',
      headers: [],
      mode: 'query',
    });
    expect(await checkSignature(presigned.url, SECRET, options)).toMatchObject({
      valid: true,
      format: 'presigned-url',
      canonicalRequest: presigned.canonicalRequest,
    });
  });

  it('says what a SigV4A region set lacks, and asks for the secret to verify', async () => {
    const signed = await sign({ algorithm: 'sigv4a' });
    const unsigned = asHttp(
      'POST',
      signed.url,
      signed.headers.map(([name, value]) =>
        name === 'Authorization' ? [name, value.replace(';x-amz-region-set', '')] : [name, value],
      ),
      '{"a":1}',
    );
    const messages = (await checkSignature(unsigned, SECRET, options)).findings
      .map((finding) => finding.message)
      .join('\n');
    expect(messages).toMatch(/X-Amz-Region-Set \(ca-central-1\) is sent but not signed/);
    const missing = asHttp(
      'POST',
      signed.url,
      signed.headers.filter(([name]) => name !== 'X-Amz-Region-Set'),
      '{"a":1}',
    );
    expect(
      (await checkSignature(missing, SECRET, options)).findings.map((finding) => finding.message),
    ).toContain('A SigV4A signature needs X-Amz-Region-Set: the regions it is valid in.');
    const noSecret = await checkSignature(
      asHttp('POST', signed.url, signed.headers, '{"a":1}'),
      '',
      options,
    );
    expect(noSecret.stringToSign).toBe(signed.stringToSign);
    expect(noSecret.findings.at(-1)!.message).toMatch(/secret access key to verify/);
  });

  it('verifies AWS’s own signature on every SigV4A test-suite vector', async () => {
    expect(await checkSuite('v4a')).toBeGreaterThan(40);
  });

  it('never throws on any text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc
            .tuple(fc.constantFrom('AWS4-HMAC-SHA256', 'AWS4-ECDSA-P256-SHA256'), fc.string())
            .map(
              ([algorithm, text]) =>
                `GET /${text} HTTP/1.1\nHost: h\nX-Amz-Region-Set: ${text}\nAuthorization: ${algorithm} ${text}\n\n`,
            ),
          fc
            .string()
            .map(
              (text) =>
                `https://h/?X-Amz-Signature=1&X-Amz-Credential=${text}&X-Amz-SignedHeaders=host&X-Amz-Date=${text}`,
            ),
          fc.string().map((text) => `curl ${text}`),
        ),
        async (text) => {
          const check = await checkSignature(text, 'secret', options);
          expect(Array.isArray(check.findings)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('parsePastedRequest, HTTP/2', () => {
  it('reads the pseudo-headers developer tools copy', () => {
    expect(
      parsePastedRequest(
        ':authority: h.example\n:method: POST\n:path: /a?b=1\n:scheme: https\nx-amz-date: 1',
      ),
    ).toEqual({
      format: 'http',
      method: 'POST',
      url: 'https://h.example/a?b=1',
      headers: [
        ['host', 'h.example'],
        ['x-amz-date', '1'],
      ],
      body: '',
    });
  });
});

describe('checkSignature, the playground’s own exports', () => {
  it('reads the HTTP text form, whose request line has the whole URL', async () => {
    const signed = await sign();
    const text = [
      `POST ${signed.url}`,
      ...signed.headers.map(([n, v]) => `${n}: ${v}`),
      '',
      '{"a":1}',
    ].join('\n');
    expect(await checkSignature(text, SECRET, options)).toMatchObject({
      valid: true,
      format: 'http',
    });
  });

  it('warns when curl reads the body from a file or signs by itself', async () => {
    const check = await checkSignature(
      "curl --aws-sigv4 'aws:amz:us-east-1:execute-api' -X POST https://h/ --data-binary @body.bin",
      SECRET,
      options,
    );
    const messages = check.findings.map((finding) => finding.message).join('\n');
    expect(messages).toMatch(/from the file body\.bin/);
    expect(messages).toMatch(/signs this command itself/);
  });
});
