import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadVectorCases } from './loadVectorCases';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createSigner, verifySigV4aSignature, type SigningResult } from '../../src/signing';
import { parseRequestText } from './parseRequestText';
import {
  compareSignedRequest,
  isSigV4aCase,
  runVectorCase,
  runVectorSuite,
  shortDiff,
  vectorSigningInput,
  type VectorCase,
} from './runVectorCase';

const sign = createSigner({ crypto: nodeSigningCrypto }).signRequest;

// aws-c-auth v4/get-vanilla, byte for byte.
const CONTEXT = {
  credentials: {
    access_key_id: 'AKIDEXAMPLE',
    secret_access_key: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  },
  expiration_in_seconds: 3600,
  normalize: true,
  region: 'us-east-1',
  service: 'service',
  sign_body: false,
  timestamp: '2015-08-30T12:36:00Z',
};
const SCOPE = '20150830/us-east-1/service/aws4_request';
const CREDENTIAL_PARAM = 'AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request';
const HEADER_SIGNATURE = '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';
const QUERY_SIGNATURE = 'e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d';
const utf8 = (text: string) => new TextEncoder().encode(text);

/** A case from its files' texts, each stored as its UTF-8 bytes (as loadVectorCases reads them). */
const textCase = (name: string, texts: Record<string, string | undefined>): VectorCase => {
  const files: Record<string, Uint8Array> = {};
  for (const [file, text] of Object.entries(texts))
    if (text !== undefined) files[file] = utf8(text);
  return { name, files };
};

const GET_VANILLA_TEXTS: Record<string, string> = {
  'context.json': JSON.stringify(CONTEXT, null, 4) + '\n',
  'request.txt': 'GET / HTTP/1.1\nHost:example.amazonaws.com\n',
  'header-canonical-request.txt':
    'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'header-string-to-sign.txt': `AWS4-HMAC-SHA256\n20150830T123600Z\n${SCOPE}\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63`,
  'header-signature.txt': HEADER_SIGNATURE,
  'header-signed-request.txt': `GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Date:20150830T123600Z\nAuthorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/${SCOPE}, SignedHeaders=host;x-amz-date, Signature=${HEADER_SIGNATURE}\n\n`,
  'query-canonical-request.txt': `GET\n/\nX-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${CREDENTIAL_PARAM}&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host\nhost:example.amazonaws.com\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
  'query-string-to-sign.txt': `AWS4-HMAC-SHA256\n20150830T123600Z\n${SCOPE}\nbb7705b4aa3cb8e8f5e1e0b3d4c0b64030797a313c8ceee43e33117cc43eadc5`,
  'query-signature.txt': QUERY_SIGNATURE,
  'query-signed-request.txt': `GET /?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${CREDENTIAL_PARAM}&X-Amz-Date=20150830T123600Z&X-Amz-SignedHeaders=host&X-Amz-Expires=3600&X-Amz-Signature=${QUERY_SIGNATURE} HTTP/1.1\nHost:example.amazonaws.com\n\n`,
};
const GET_VANILLA = textCase('get-vanilla', GET_VANILLA_TEXTS);

const withFiles = (files: Record<string, string | undefined>): VectorCase =>
  textCase(GET_VANILLA.name, { ...GET_VANILLA_TEXTS, ...files });

describe('shortDiff', () => {
  it('gives the empty string for equal texts', () => {
    expect(shortDiff('a\nb', 'a\nb')).toBe('');
  });

  it('names the first differing line, 1-based, with both values quoted', () => {
    expect(shortDiff('GET\n/\nx', 'GET\n/a\ny')).toBe('line 2: expected "/", got "/a"');
  });

  it('reports a missing or extra line as (none)', () => {
    expect(shortDiff('a\nb', 'a')).toBe('line 2: expected "b", got (none)');
    expect(shortDiff('a', 'a\n')).toBe('line 2: expected (none), got ""');
  });

  it('shows invisible differences through JSON quoting', () => {
    expect(shortDiff('a b', 'a\tb')).toBe('line 1: expected "a b", got "a\\tb"');
  });
});

describe('vectorSigningInput', () => {
  const request = parseRequestText('POST /p?x=1 HTTP/1.1\nHost:example.amazonaws.com\n\nbody');

  it('maps the common context to an https URL on the Host header, with the suite defaults', () => {
    expect(vectorSigningInput(CONTEXT, request, 'header')).toEqual({
      method: 'POST',
      url: 'https://example.amazonaws.com/p?x=1',
      headers: [['Host', 'example.amazonaws.com']],
      body: undefined,
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
        sessionToken: undefined,
      },
      region: 'us-east-1',
      service: 'service',
      signingDate: new Date('2015-08-30T12:36:00Z'),
      mode: 'header',
      expiresIn: 3600,
      payload: 'signed',
      contentSha256Header: false,
      normalizePath: true,
      doubleEncodePath: true,
      signSessionToken: true,
    });
  });

  it('signs the body and adds x-amz-content-sha256 only with sign_body', () => {
    const input = vectorSigningInput({ ...CONTEXT, sign_body: true }, request, 'query');
    expect(input).toMatchObject({ body: utf8('body'), contentSha256Header: true, mode: 'query' });
    expect(
      vectorSigningInput(
        { ...CONTEXT, sign_body: true, payload_hash_header: false },
        request,
        'header',
      ).contentSha256Header,
    ).toBe(false);
  });

  it('maps normalize, double_uri_encode, omit_session_token, token and expiry', () => {
    const input = vectorSigningInput(
      {
        ...CONTEXT,
        credentials: { ...CONTEXT.credentials, token: 'TOKEN' },
        normalize: false,
        double_uri_encode: false,
        omit_session_token: true,
        expiration_in_seconds: 60,
      },
      request,
      'query',
    );
    expect(input).toMatchObject({
      normalizePath: false,
      doubleEncodePath: false,
      signSessionToken: false,
      expiresIn: 60,
      credentials: { sessionToken: 'TOKEN' },
    });
  });

  it('maps signed_body_value UNSIGNED-PAYLOAD and rejects other values', () => {
    expect(
      vectorSigningInput({ ...CONTEXT, signed_body_value: 'UNSIGNED-PAYLOAD' }, request, 'header')
        .payload,
    ).toBe('unsigned');
    expect(() =>
      vectorSigningInput({ ...CONTEXT, signed_body_value: 'STREAMING' }, request, 'header'),
    ).toThrow('signed_body_value "STREAMING" is not supported');
  });

  it('hands the body to the signer as the exact bytes of request.txt', () => {
    const body = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const binary = parseRequestText(
      new Uint8Array([...utf8('POST / HTTP/1.1\r\nHost:h\r\n\r\n'), ...body]),
    );
    expect(vectorSigningInput({ ...CONTEXT, sign_body: true }, binary, 'header').body).toEqual(
      body,
    );
  });

  it('uses localhost when the request has no Host header', () => {
    const noHost = parseRequestText('GET / HTTP/1.1\n');
    expect(vectorSigningInput(CONTEXT, noHost, 'header').url).toBe('https://localhost/');
  });
});

describe('compareSignedRequest', () => {
  const result = (url: string, headers: Array<[string, string]>) =>
    ({ url, headers }) as unknown as SigningResult;

  it('ignores the order of query parameters and headers and the case of their names', () => {
    expect(
      compareSignedRequest(
        parseRequestText('GET /p?b=2&A=1 HTTP/1.1\nHost:h\nX-Amz-Date:d\n\n'),
        result('https://h/p?a=1&b=2', [
          ['x-amz-date', 'd'],
          ['host', 'h'],
        ]),
        'GET',
      ),
    ).toBe('');
  });

  it('compares method, path, parameter values and header values exactly', () => {
    expect(
      compareSignedRequest(
        parseRequestText('GET /p?a=1 HTTP/1.1\nHost:h\n\n'),
        result('https://h/P?a=2', [['Host', 'H']]),
        'POST',
      ),
    ).toBe(
      'method: expected GET, got POST; path: expected "/p", got "/P"; query: missing "a=1", unexpected "a=2"; headers: missing "host:h", unexpected "host:H"',
    );
  });

  it('counts repeated headers (a multiset, not a set)', () => {
    expect(
      compareSignedRequest(
        parseRequestText('GET / HTTP/1.1\nA:1\nA:1\n\n'),
        result('https://h/', [['A', '1']]),
        'GET',
      ),
    ).toBe('headers: missing "a:1", unexpected ""');
  });

  it('compares query parameters as name/value pairs, so a bare k equals k= (as aws-c-auth parses them)', () => {
    expect(
      compareSignedRequest(
        parseRequestText('GET /?k&X-Amz-Signature=s HTTP/1.1\nHost:h\n\n'),
        result('https://h/?k=&X-Amz-Signature=s', [['Host', 'h']]),
        'GET',
      ),
    ).toBe('');
    expect(
      compareSignedRequest(
        parseRequestText('GET /?k= HTTP/1.1\nHost:h\n\n'),
        result('https://h/?k', [['Host', 'h']]),
        'GET',
      ),
    ).toBe('');
  });

  it('still tells an empty value from a missing parameter or another value', () => {
    expect(
      compareSignedRequest(
        parseRequestText('GET /?k HTTP/1.1\nHost:h\n\n'),
        result('https://h/?k=0', [['Host', 'h']]),
        'GET',
      ),
    ).toBe('query: missing "k=", unexpected "k=0"');
  });

  it('counts repeated query parameters (a multiset, not a set)', () => {
    expect(
      compareSignedRequest(
        parseRequestText('GET /?a=1&a=1 HTTP/1.1\nHost:h\n\n'),
        result('https://h/?a=1', [['Host', 'h']]),
        'GET',
      ),
    ).toBe('query: missing "a=1", unexpected ""');
  });
});

describe('runVectorCase', () => {
  it('passes get-vanilla in both modes', async () => {
    expect(await runVectorCase(GET_VANILLA, sign)).toEqual([
      { name: 'get-vanilla', mode: 'header', failures: [] },
      { name: 'get-vanilla', mode: 'query', failures: [] },
    ]);
  });

  it('fails on a wrong expected signature, with the differing values', async () => {
    const [header] = await runVectorCase(withFiles({ 'header-signature.txt': '00\n' }), sign);
    expect(header!.failures).toEqual([
      { check: 'signature', detail: `line 1: expected "00", got "${HEADER_SIGNATURE}"` },
    ]);
  });

  it('trims the newline at the end of a signature file', async () => {
    const results = await runVectorCase(
      withFiles({ 'header-signature.txt': `${HEADER_SIGNATURE}\n` }),
      sign,
    );
    expect(results[0]!.failures).toEqual([]);
  });

  it('fails on a canonical request that differs by one byte', async () => {
    const [header] = await runVectorCase(
      withFiles({
        'header-canonical-request.txt': GET_VANILLA_TEXTS['header-canonical-request.txt']!.replace(
          'host:',
          'Host:',
        ),
      }),
      sign,
    );
    expect(header!.failures).toEqual([
      {
        check: 'canonical request',
        detail: 'line 4: expected "Host:example.amazonaws.com", got "host:example.amazonaws.com"',
      },
    ]);
  });

  it('fails when the signed request misses a header', async () => {
    const [header] = await runVectorCase(
      withFiles({
        'header-signed-request.txt': `${GET_VANILLA_TEXTS['header-signed-request.txt']!.trimEnd()}\nX-Extra:1\n\n`,
      }),
      sign,
    );
    expect(header!.failures).toEqual([
      { check: 'signed request', detail: 'headers: missing "x-extra:1", unexpected ""' },
    ]);
  });

  it('reports a signer that throws as a signing failure', async () => {
    const results = await runVectorCase(GET_VANILLA, () => Promise.reject(new Error('boom')));
    expect(results.map(({ failures }) => failures)).toEqual([
      [{ check: 'signing', detail: 'boom' }],
      [{ check: 'signing', detail: 'boom' }],
    ]);
  });

  it('runs only the modes whose canonical request is given', async () => {
    const results = await runVectorCase(
      withFiles({ 'query-canonical-request.txt': undefined }),
      sign,
    );
    expect(results.map(({ mode }) => mode)).toEqual(['header']);
  });

  it('runs nothing for a case without context.json or request.txt (v4a leftovers)', async () => {
    expect(await runVectorCase(withFiles({ 'context.json': undefined }), sign)).toEqual([]);
    expect(await runVectorCase(withFiles({ 'request.txt': undefined }), sign)).toEqual([]);
  });
});

describe('runVectorSuite', () => {
  it('counts passed and failed sets and ends with the summary line', async () => {
    const broken = { ...withFiles({ 'query-signature.txt': 'bad' }), name: 'broken' };
    const { passed, failed, lines } = await runVectorSuite([GET_VANILLA, broken], sign);
    expect({ passed, failed }).toEqual({ passed: 3, failed: 1 });
    expect(lines).toEqual([
      `FAIL broken [query] signature: line 1: expected "bad", got "${QUERY_SIGNATURE}"`,
      '3 passed, 1 failed',
    ]);
  });
});

describe('runVectorCase on a SigV4a case (public-key.json present)', () => {
  const v4aCase = loadVectorCases(
    fileURLToPath(new URL('../../test-vectors/aws/v4a/get-vanilla', import.meta.url)),
  )[0]!;
  const verify = (publicKey: { x: string; y: string }, stringToSign: string, signature: string) =>
    verifySigV4aSignature(publicKey, stringToSign, signature, nodeSigningCrypto);

  it('passes both modes, verifying signatures instead of comparing them', async () => {
    expect(isSigV4aCase(v4aCase)).toBe(true);
    const results = await runVectorCase(v4aCase, sign, verify);
    expect(results.map(({ mode, failures }) => [mode, failures])).toEqual([
      ['header', []],
      ['query', []],
    ]);
  });

  it("fails when the suite's signature does not verify", async () => {
    const tampered = {
      ...v4aCase,
      files: { ...v4aCase.files, 'header-string-to-sign.txt': utf8('AWS4-ECDSA-P256-SHA256\nX') },
    };
    const [header] = await runVectorCase(tampered, sign, verify);
    expect(header!.failures.map(({ check }) => check)).toEqual([
      'string to sign',
      'suite signature',
      'suite signature',
    ]);
  });

  it('fails without a verifier', async () => {
    const [header] = await runVectorCase(v4aCase, sign);
    expect(header!.failures).toEqual([
      { check: 'signature', detail: 'a SigV4a case needs a signature verifier' },
    ]);
  });

  it('fails when the derived public key differs from public-key.json', async () => {
    const other = {
      ...v4aCase,
      files: { ...v4aCase.files, 'public-key.json': utf8(JSON.stringify({ X: '00', Y: '00' })) },
    };
    const [header] = await runVectorCase(other, sign, verify);
    expect(header!.failures.map(({ check }) => check)).toContain('public key');
  });
});

describe('runVectorCase on the byte-exact cases of v4-extra, read from disk', () => {
  const extra = (name: string) =>
    loadVectorCases(
      fileURLToPath(new URL(`../../test-vectors/v4-extra/${name}`, import.meta.url)),
    )[0]!;

  it.each([
    'post-body-every-byte-value',
    'post-json-body-crlf',
    'put-s3-body-ending-in-cr',
    'get-query-bare-key-presigned',
  ])('passes %s', async (name) => {
    const results = await runVectorCase(extra(name), sign);
    expect(results.length).toBeGreaterThan(0);
    expect(results.flatMap(({ failures }) => failures)).toEqual([]);
  });

  it('reads request.txt as bytes: the every-byte body is all 256 byte values', () => {
    const request = parseRequestText(extra('post-body-every-byte-value').files['request.txt']!);
    expect(request.body).toEqual(Uint8Array.from({ length: 256 }, (_, byte) => byte));
  });

  it('keeps the CRLF of the JSON body while the CRLF head parses like LF', () => {
    const file = extra('post-json-body-crlf').files['request.txt']!;
    const request = parseRequestText(file);
    expect(new TextDecoder().decode(request.body)).toMatch(/^\{\r\n {2}"note".*\r\n\}\r\n$/s);
    expect(request.headers.every(([, value]) => !value.includes('\r'))).toBe(true);
  });
});
