// Differential property test: our signer against @smithy/signature-v4 (the AWS SDK for
// JavaScript v3 signer, a dev dependency only) on thousands of random requests. Smithy runs on
// @aws-crypto/sha256-js and ours on node:crypto, so the hash implementations are independent too.
//
// Options are aligned where the two signers differ by design, never to hide a disagreement:
// - smithy never signs a longer list of headers (ALWAYS_UNSIGNABLE_HEADERS, proxy-*, sec-*): we
//   pass those names as `unsignedHeaders`;
// - smithy's presign hoists x-amz-* headers into the query: we mark them unhoistable;
// - smithy takes headers as a record, so repeated headers are given to it as one comma-joined
//   value (what the canonical form is by definition), and the query as decoded values;
// - in S3 mode (uriEscapePath false) both sign the wire path exactly as given, in any encoding.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createSigner } from './index';
import type { SigningInput } from './types';
import { uriEncode } from './uriEncode';

const SMITHY_NEVER_SIGNED = [
  'cache-control',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
];

const tricky = fc.constantFrom(
  ' ',
  '+',
  '%',
  '&',
  '=',
  '/',
  '?',
  '#',
  '~',
  '*',
  "'",
  '(',
  ')',
  '!',
  '$',
  ',',
  ';',
  ':',
  '@',
  '[',
  ']',
  '.',
  '-',
  '_',
  'é',
  'ß',
  'ሴ',
  '😀',
  '\u00a0',
  'A',
  'z',
  '0',
  '9',
);
const plain = fc.constantFrom(...'abcXYZ019'.split(''));
const decodedText = (maxLength: number) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: plain }, { weight: 2, arbitrary: tricky }), {
      maxLength,
    })
    .map((chars) => chars.join(''));

type WireStyle = 'raw' | 'browser' | 'browser-lower' | 'aws';
const wireStyle = fc.constantFrom<WireStyle>('raw', 'browser', 'browser-lower', 'aws');

/** Writes a decoded component in one of the encodings clients put on the wire. */
function toWire(decoded: string, style: WireStyle, mustEncode: RegExp): string {
  switch (style) {
    case 'raw':
      // Only what would change the meaning is escaped: spaces and non-ASCII stay raw.
      return decoded.replace(mustEncode, (char) => encodeURIComponent(char));
    case 'browser':
      return encodeURIComponent(decoded);
    case 'browser-lower':
      return encodeURIComponent(decoded).replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    case 'aws':
      return uriEncode(decoded);
  }
}

const segment = fc.oneof(
  { weight: 6, arbitrary: decodedText(8) },
  { weight: 1, arbitrary: fc.constantFrom('.', '..', '') },
);
const queryParam = fc.record({
  name: decodedText(6).filter((name) => !name.toLowerCase().startsWith('x-amz-')),
  value: decodedText(8),
  withEquals: fc.boolean(),
  style: wireStyle,
});

const headerName = fc.oneof(
  fc.constantFrom(
    'Content-Type',
    'content-type',
    'X-Custom',
    'x-custom',
    'My-Header',
    'accept',
    'Content-Length',
    'User-Agent',
    'cache-control',
    'X-Amzn-Trace-Id',
    'sec-fetch-mode',
    'proxy-thing',
    'connection',
    'x-amz-meta-note',
    'X-Amz-Target',
    'referer',
    'Pragma',
  ),
  fc
    .stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/)
    .filter(
      (name) =>
        !['host', 'date', 'authorization', 'expect'].includes(name.toLowerCase()) &&
        !/^x-amz-(date|security-token|content-sha256)$/i.test(name),
    ),
);
const headerValue = fc.stringMatching(/^[ \t]{0,2}[!-~]{0,6}( {1,3}[!-~\t]{0,6}){0,3}[ \t]{0,2}$/);

const requestArbitrary = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
  host: fc.constantFrom(
    'example.amazonaws.com',
    'abc123.execute-api.ca-central-1.amazonaws.com',
    '127.0.0.1:5174',
    'localhost:8080',
  ),
  segments: fc.array(segment, { minLength: 0, maxLength: 5 }),
  trailingSlash: fc.boolean(),
  pathStyle: wireStyle,
  query: fc.array(queryParam, { maxLength: 5 }),
  repeatKey: fc.boolean(),
  headers: fc.array(fc.tuple(headerName, headerValue), { maxLength: 6 }),
  body: fc.oneof(
    fc.constant(undefined),
    fc.constant(''),
    decodedText(40),
    fc.uint8Array({ maxLength: 300 }),
  ),
  s3Rules: fc.boolean(),
  mode: fc.constantFrom<'header' | 'query'>('header', 'query'),
  unsignedPayload: fc.boolean(),
  contentSha256Header: fc.boolean(),
  sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,60}$/), { nil: undefined }),
  signSessionToken: fc.boolean(),
  accessKeyId: fc.constantFrom('AKIDEXAMPLE', 'AKIAIOSFODNN7EXAMPLE', 'ASIAIOSFODNN7EXAMPLE'),
  secretAccessKey: fc.stringMatching(/^[A-Za-z0-9+/]{40}$/),
  region: fc.constantFrom('us-east-1', 'ca-central-1', 'eu-west-3', 'ap-southeast-2'),
  service: fc.constantFrom('execute-api', 'service', 'lambda', 'es'),
  signingDate: fc
    .date({
      min: new Date('1971-01-01T00:00:00Z'),
      max: new Date('2099-12-31T23:59:59Z'),
      noInvalidDate: true,
    })
    .map((date) => new Date(Math.floor(date.getTime() / 1000) * 1000)),
  expiresIn: fc.integer({ min: 1, max: 604800 }),
});
type RandomRequest = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

const PATH_MUST_ENCODE = /[%/?#]/g;
const QUERY_MUST_ENCODE = /[%&=#]/g;
const HTTP_EDGE_WHITESPACE = /^[ \t]+|[ \t]+$/g;

interface Pair {
  ours: SigningInput;
  smithy: {
    signer: SignatureV4;
    request: HttpRequest;
    unsignableHeaders: Set<string>;
    unhoistableHeaders: Set<string>;
  };
}

function buildPair(random: RandomRequest): Pair {
  const segments = [...random.segments];
  const wireSegments = segments.map((s) =>
    s === '.' || s === '..' || s === '' ? s : toWire(s, random.pathStyle, PATH_MUST_ENCODE),
  );
  const wirePath =
    '/' + wireSegments.join('/') + (random.trailingSlash && segments.length > 0 ? '/' : '');
  const smithyPath = wirePath;

  const params = [...random.query];
  if (random.repeatKey && params.length > 0)
    params.push({ ...params[0]!, value: params[0]!.value + 'x', withEquals: true });
  const wirePieces = params.map((p) => {
    const name = toWire(p.name, p.style, QUERY_MUST_ENCODE);
    // A parameter without '=' must have a name to exist at all.
    return p.withEquals || p.value !== '' || name === ''
      ? `${name}=${toWire(p.value, p.style, QUERY_MUST_ENCODE)}`
      : name;
  });
  const smithyQuery: Record<string, string | string[]> = {};
  for (const p of params) {
    const existing = smithyQuery[p.name];
    if (existing === undefined) smithyQuery[p.name] = p.value;
    else
      smithyQuery[p.name] = Array.isArray(existing) ? [...existing, p.value] : [existing, p.value];
  }
  const query = wirePieces.length > 0 ? `?${wirePieces.join('&')}` : '';

  const hostValue = random.host;
  const smithyHeaders: Record<string, string> = { host: hostValue };
  for (const [name, value] of random.headers) {
    const key = name.toLowerCase();
    const trimmed = value.replace(HTTP_EDGE_WHITESPACE, '');
    smithyHeaders[key] = key in smithyHeaders ? `${smithyHeaders[key]},${trimmed}` : trimmed;
  }
  const isS3Payload = random.unsignedPayload;
  const body = random.body;

  const ours: SigningInput = {
    method: random.method,
    url: `https://${random.host}${wirePath}${query}`,
    headers: random.headers,
    body,
    credentials: {
      accessKeyId: random.accessKeyId,
      secretAccessKey: random.secretAccessKey,
      sessionToken: random.sessionToken,
    },
    region: random.region,
    service: random.service,
    signingDate: random.signingDate,
    mode: random.mode,
    expiresIn: random.expiresIn,
    payload: isS3Payload ? 'unsigned' : 'signed',
    contentSha256Header: random.contentSha256Header,
    normalizePath: !random.s3Rules,
    doubleEncodePath: !random.s3Rules,
    signSessionToken: random.signSessionToken,
    unsignedHeaders: [
      ...SMITHY_NEVER_SIGNED,
      ...random.headers.map(([name]) => name).filter((name) => /^(sec|proxy)-/i.test(name)),
    ],
  };

  // smithy always signs the session token; signing "after" equals signing without one.
  const smithyToken = random.signSessionToken ? random.sessionToken : undefined;
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: random.accessKeyId,
      secretAccessKey: random.secretAccessKey,
      ...(smithyToken ? { sessionToken: smithyToken } : {}),
    },
    region: random.region,
    service: random.service,
    sha256: Sha256,
    uriEscapePath: !random.s3Rules,
    applyChecksum: random.contentSha256Header,
  });
  const [hostname, port] = random.host.split(':');
  const request = new HttpRequest({
    method: random.method,
    protocol: 'https:',
    hostname,
    ...(port ? { port: Number(port) } : {}),
    path: smithyPath,
    query: smithyQuery,
    headers: smithyHeaders,
    // smithy signs UNSIGNED-PAYLOAD for a body it cannot hash (a stream): an object stands in for one.
    body: isS3Payload ? {} : body,
  });
  const unhoistableHeaders = new Set(
    Object.keys(smithyHeaders).filter((name) => name.startsWith('x-amz-')),
  );
  return {
    ours,
    smithy: {
      signer,
      request,
      unsignableHeaders: new Set(SMITHY_NEVER_SIGNED),
      unhoistableHeaders,
    },
  };
}

async function smithySignature(
  pair: Pair,
  mode: 'header' | 'query',
  expiresIn: number,
  signingDate: Date,
) {
  const { signer, request, unsignableHeaders, unhoistableHeaders } = pair.smithy;
  if (mode === 'header') {
    const signed = await signer.sign(request, { signingDate, unsignableHeaders });
    const match = /SignedHeaders=([^,]*), Signature=([0-9a-f]{64})$/.exec(
      signed.headers.authorization ?? '',
    );
    return { signedHeaders: match?.[1], signature: match?.[2] };
  }
  const presigned = await signer.presign(request, {
    signingDate,
    expiresIn,
    unsignableHeaders,
    unhoistableHeaders,
  });
  return {
    signedHeaders: presigned.query?.['X-Amz-SignedHeaders'] as string,
    signature: presigned.query?.['X-Amz-Signature'] as string,
  };
}

describe('signRequest against @smithy/signature-v4', () => {
  const ours = createSigner({ crypto: nodeSigningCrypto });

  it('agrees on the signature of 2,000 random requests in both modes', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (random) => {
        const pair = buildPair(random);
        const result = await ours.signRequest(pair.ours);
        const theirs = await smithySignature(
          pair,
          random.mode,
          random.expiresIn,
          random.signingDate,
        );
        compared++;
        expect(
          { signedHeaders: result.signedHeaders, signature: result.signature },
          `canonical request:\n${result.canonicalRequest}\n(url ${pair.ours.url})`,
        ).toEqual(theirs);
      }),
      { numRuns: Number(process.env.DIFFERENTIAL_RUNS ?? 2000) },
    );
    expect(compared).toBeGreaterThanOrEqual(2000);
  }, 120_000);
});
