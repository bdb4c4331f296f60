import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { importCurl } from '../importing/importCurl';
import { createSigner, type SigningInput } from '../signing';
import { buildExports, withheldExportHeaders, type ExportContext } from './exports';

const SECRET = 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY';
const TOKEN = 'FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=';
const signedAt = new Date('2026-11-26T10:00:00Z');

async function context(
  overrides: Partial<SigningInput> = {},
  inlineSecret = false,
): Promise<ExportContext> {
  const input: SigningInput = {
    method: 'POST',
    url: 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?a=1',
    headers: [['Content-Type', 'application/json']],
    body: '{"a":"it\'s"}',
    credentials: {
      accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
    },
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: signedAt,
    ...overrides,
  };
  const signed = await createSigner({ crypto: nodeSigningCrypto }).signRequest(input);
  return { signed, input, signedAt, inlineSecret };
}

describe('buildExports', () => {
  it('lists every export, the presigned URL only in presigned mode', async () => {
    expect(buildExports(await context()).map(({ id }) => id)).toEqual([
      'curl-signed',
      'curl-sigv4',
      'awscurl',
      'python',
      'javascript',
      'http',
    ]);
    const presigned = buildExports(await context({ mode: 'query', expiresIn: 60 }));
    const url = presigned.find(({ id }) => id === 'presigned-url')!;
    expect(url.code).toMatch(/X-Amz-Signature=[0-9a-f]{64}/);
    expect(url.note).toMatch(/2026-11-26T10:01:00Z/);
  });

  it('never shows the secret unless asked to, and then where each tool takes it', async () => {
    for (const snippet of buildExports(await context()))
      expect(snippet.code, snippet.id).not.toContain(SECRET);
    const inline = buildExports(await context({}, true));
    for (const id of ['curl-sigv4', 'awscurl', 'python', 'javascript'])
      expect(inline.find((snippet) => snippet.id === id)!.code, id).toContain(SECRET);
    for (const id of ['curl-signed', 'http'])
      expect(inline.find((snippet) => snippet.id === id)!.code, id).not.toContain(SECRET);
  });

  it('says when the signed curl stops working, and keeps the URL exact', async () => {
    const curl = buildExports(await context())[0]!;
    expect(curl.code.split('\n')[0]).toBe(
      '# Signed 2026-11-26T10:00:00Z; stops working at 2026-11-26T10:05:00Z (5 minutes after signing at execute-api).',
    );
    expect(curl.code).toContain('curl --path-as-is -g -X POST');
    expect(curl.code).toContain(`--data-raw $'{"a":"it\\'s"}'`);
  });

  it('writes a signed curl that imports back as the same request', async () => {
    const exported = await context({}, true);
    const curl = buildExports(exported)[0]!.code;
    const result = importCurl(curl);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.request).toMatchObject({
      method: 'POST',
      url: exported.input.url,
      body: exported.input.body,
      sessionToken: TOKEN,
      existingSignature: { kind: 'authorization-header', detail: exported.signed.authorization },
    });
  });

  it('keeps the session token and credential headers out unless asked to, and says so', async () => {
    const headers: Array<[string, string]> = [
      ['Content-Type', 'application/json'],
      ['Cookie', 'session=cookie-mine'],
      ['X-Api-Key', 'api-key-mine'],
    ];
    const withheld = await context({ headers });
    expect(withheldExportHeaders(withheld)).toEqual([
      { name: 'Cookie', variable: 'COOKIE' },
      { name: 'X-Api-Key', variable: 'X_API_KEY' },
      { name: 'X-Amz-Security-Token', variable: 'AWS_SESSION_TOKEN' },
    ]);
    for (const snippet of buildExports(withheld)) {
      for (const secret of [TOKEN, 'cookie-mine', 'api-key-mine'])
        expect(snippet.code, snippet.id).not.toContain(secret);
    }
    const byId = (id: string) => buildExports(withheld).find((snippet) => snippet.id === id)!;
    expect(byId('curl-signed').code).toContain(`-H 'X-Api-Key: '"$X_API_KEY"`);
    expect(byId('curl-signed').code).toContain(`-H 'X-Amz-Security-Token: '"$AWS_SESSION_TOKEN"`);
    expect(byId('curl-signed').note).toContain('Cookie from COOKIE');
    expect(byId('python').code).toContain(`"X-Api-Key": os.environ["X_API_KEY"]`);
    expect(byId('javascript').code).toContain(`["X-Api-Key", process.env["X_API_KEY"]]`);
    expect(byId('http').code).toContain('Cookie: <left out: $COOKIE>');
    // The signature itself is what the signed curl and raw HTTP carry.
    expect(byId('http').code).toContain(`Authorization: ${withheld.signed.authorization!}`);

    const inline = await context({ headers }, true);
    expect(withheldExportHeaders(inline)).toEqual([]);
    for (const id of ['curl-signed', 'curl-sigv4', 'python', 'javascript', 'http'])
      expect(buildExports(inline).find((snippet) => snippet.id === id)!.code, id).toContain(
        'api-key-mine',
      );
  });

  it('hands code that signs by itself none of the headers a signer writes', async () => {
    const stale: Array<[string, string]> = [
      ['Host', 'stale.example.com'],
      ['Authorization', 'AWS4-HMAC-SHA256 Credential=STALE/20000101/x/y/aws4_request'],
      ['X-Amz-Date', '20000101T000000Z'],
      ['X-Amz-Security-Token', 'STALE-TOKEN'],
      ['x-amz-content-sha256', 'UNSIGNED-PAYLOAD'],
      ['X-Amz-Region-Set', 'us-west-2'],
    ];
    const exports = buildExports(
      await context({ headers: [['Content-Type', 'application/json'], ...stale] }, true),
    );
    for (const id of ['curl-sigv4', 'awscurl', 'python', 'javascript']) {
      const code = exports.find((snippet) => snippet.id === id)!.code;
      expect(code, id).toContain('application/json');
      for (const [, value] of stale) expect(code, id).not.toContain(value);
    }
  });

  it('uses the environment for the token in curl --aws-sigv4', async () => {
    const code = buildExports(await context())[1]!.code;
    expect(code).toContain(`--aws-sigv4 aws:amz:ca-central-1:execute-api`);
    expect(code).toContain('--user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
    expect(code).toContain(`-H 'X-Amz-Security-Token: '"$AWS_SESSION_TOKEN"`);
    const withoutToken = buildExports(
      await context({ credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET } }),
    )[1]!.code;
    expect(withoutToken).not.toContain('X-Amz-Security-Token');
  });

  it('handles HEAD, bodies starting with @ and binary bodies', async () => {
    const head = buildExports(await context({ method: 'HEAD', body: '' }))[0]!.code;
    expect(head).toContain('--head');
    expect(head).not.toContain('--data');
    const at = buildExports(await context({ body: '@/etc/passwd' }))[0]!.code;
    expect(at).toContain('--data-raw @/etc/passwd');
    const binary = buildExports(await context({ body: new Uint8Array([0xff, 0, 1]) }));
    expect(binary[0]!.code).toMatch(/^printf '%s' '\/wAB' \| base64 -d \| curl/m);
    expect(binary[3]!.code).toContain('base64.b64decode("/wAB")');
  });

  it('writes raw HTTP with the request line and signed headers', async () => {
    const http = buildExports(await context()).find(({ id }) => id === 'http')!.code;
    expect(http.split('\n')[0]).toBe('POST /prod/hello?a=1 HTTP/1.1');
    expect(http).toMatch(/\nAuthorization: AWS4-HMAC-SHA256 /);
    expect(http.endsWith('\n\n{"a":"it\'s"}')).toBe(true);
  });
});
