// Differential property test: our signer against @smithy/signature-v4 (the AWS SDK for
// JavaScript v3 signer, a dev dependency only) on thousands of random requests, from the generator
// the awscrt and botocore differential tests share (test-support/differential/requestShapes.ts).
// Smithy runs on @aws-crypto/sha256-js and ours on node:crypto, so the hash implementations are
// independent too.
//
// Options are aligned where the two signers differ by design, never to hide a disagreement:
// - smithy never signs a longer list of headers (ALWAYS_UNSIGNABLE_HEADERS, proxy-*, sec-*): we
//   pass those names as `unsignedHeaders`;
// - smithy's presign hoists x-amz-* headers into the query: we mark them unhoistable;
// - smithy takes headers as a record, so repeated headers are given to it as one comma-joined
//   value (what the canonical form is by definition), and the query as decoded values;
// - in S3 mode (uriEscapePath false) both sign the wire path exactly as given, in any encoding;
// - SigV4 only: smithy's SigV4a signer is another package (@smithy/signature-v4a), not a
//   dependency; awscrt.differential.test.ts compares SigV4a.
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import {
  differentialRuns,
  requestShape,
  sentHeaderLines,
  toSigningInput,
  wirePath,
  type RequestShape,
} from '../../test-support/differential/requestShapes';
import { createSigner } from './index';
import type { SigningInput } from './types';

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
const SMITHY_NEVER_SIGNED_PREFIX = /^(sec|proxy)-/i;
const HTTP_EDGE_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;

const smithyShape = requestShape.map((shape): RequestShape => ({ ...shape, algorithm: 'sigv4' }));

interface Pair {
  ours: SigningInput;
  smithy: {
    signer: SignatureV4;
    request: HttpRequest;
    unsignableHeaders: Set<string>;
    unhoistableHeaders: Set<string>;
  };
}

function buildPair(shape: RequestShape): Pair {
  const smithyQuery: Record<string, string | string[]> = {};
  for (const { name, value } of shape.query) {
    const existing = smithyQuery[name];
    if (existing === undefined) smithyQuery[name] = value;
    else smithyQuery[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }

  const smithyHeaders: Record<string, string> = {};
  for (const [name, value] of sentHeaderLines(shape)) {
    const key = name.toLowerCase();
    const trimmed = value.replace(HTTP_EDGE_WHITESPACE, '');
    smithyHeaders[key] = key in smithyHeaders ? `${smithyHeaders[key]},${trimmed}` : trimmed;
  }
  const unsigned = shape.payload === 'unsigned';

  const ours: SigningInput = {
    ...toSigningInput(shape),
    unsignedHeaders: [
      ...SMITHY_NEVER_SIGNED,
      ...shape.headers
        .map(([name]) => name)
        .filter((name) => SMITHY_NEVER_SIGNED_PREFIX.test(name)),
    ],
  };

  // smithy always signs the session token; signing "after" equals signing without one.
  const smithyToken = shape.signSessionToken ? shape.sessionToken : undefined;
  const s3 = shape.rules === 's3';
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: shape.accessKeyId,
      secretAccessKey: shape.secretAccessKey,
      ...(smithyToken ? { sessionToken: smithyToken } : {}),
    },
    region: shape.region,
    service: shape.service,
    sha256: Sha256,
    uriEscapePath: !s3,
    applyChecksum: shape.contentSha256Header,
  });
  const [hostname, port] = shape.host.split(':');
  const request = new HttpRequest({
    method: shape.method,
    protocol: 'https:',
    hostname: hostname ?? '',
    ...(port ? { port: Number(port) } : {}),
    // The request target: '/' for a URL without a path.
    path: wirePath(shape) || '/',
    query: smithyQuery,
    headers: smithyHeaders,
    // smithy signs UNSIGNED-PAYLOAD for a body it cannot hash (a stream): an object stands in for one.
    body: unsigned ? {} : ours.body,
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
  const runs = differentialRuns(2000);
  const seed = process.env.DIFFERENTIAL_SEED ? Number(process.env.DIFFERENTIAL_SEED) : undefined;

  it(
    `agrees on the signature of ${runs} random requests in both modes`,
    async () => {
      let compared = 0;
      await fc.assert(
        fc.asyncProperty(smithyShape, async (shape) => {
          const pair = buildPair(shape);
          const result = await ours.signRequest(pair.ours);
          const theirs = await smithySignature(
            pair,
            shape.mode,
            shape.expiresIn,
            shape.signingDate,
          );
          compared++;
          expect(
            { signedHeaders: result.signedHeaders, signature: result.signature },
            `canonical request:\n${result.canonicalRequest}\n(url ${pair.ours.url})`,
          ).toEqual(theirs);
        }),
        { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
      );
      expect(compared).toBe(runs);
    },
    120_000 + runs * 20,
  );
});
