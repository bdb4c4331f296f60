// Fuzzing the local API Gateway: whatever arrives, an API Gateway-style 4xx, never a 5xx, a hang
// or a crash.
// The clients, the gateway harness, the identities, the signing and the answer checks are in
// gatewayTest*.ts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCanonicalUri, parseQuery } from '../../src/signing';
import { normalizeRequestPath } from './normalizeRequestPath';
import {
  expectApiGatewayStyleError,
  expectGatewayError,
  expectSuccess,
  helloBody,
} from './gatewayTestAnswers';
import { wireBytes, type HeaderPairs, type WireRequest } from './gatewayTestClients';
import {
  ADMIN,
  DEFAULT_CONFIG,
  DEMO,
  keysOf,
  NOW,
  NOW_AMZ,
  TEMP,
  TEMP_TOKEN,
} from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';
import { sign, withHeader } from './gatewayTestSigning';

describe('fuzz', () => {
  const RUNS = 300;
  const FUZZ_TIMEOUT_MS = 120_000;
  let gateway: TestGateway;
  let host: string;

  beforeAll(async () => {
    const config = structuredClone(DEFAULT_CONFIG);
    // Every path under the stage reaches the verifier, not just /hello.
    config.routes.push(
      { method: 'ANY', path: '/{proxy+}', handler: 'echo' },
      { method: 'ANY', path: '/', handler: 'echo' },
    );
    gateway = await TestGateway.start(config, () => NOW);
    host = new URL(gateway.url).host;
  });
  afterAll(async () => {
    expect(gateway.lines.filter((line) => / 5\d\d /.test(line))).toEqual([]);
    await gateway.close();
  });

  const sendRaw = (request: WireRequest) => gateway.sendRaw(wireBytes(request));

  /** Text without CR/LF (those would end the header and start another request). */
  const junk = fc
    .oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'binary-ascii', maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
    )
    .map((text) => text.replace(/[\r\n]/g, ''));
  const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
  const amzDateLike = fc.oneof(
    fc.constant(NOW_AMZ),
    fc.stringMatching(/^\d{8}T\d{6}Z$/),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    junk,
  );
  const credentialLike = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(DEMO.accessKeyId, ADMIN.accessKeyId, TEMP.accessKeyId, 'AKIDUNKNOWN', ''),
        fc.constantFrom('20260115', '20260116', '2026-01-15', ''),
        fc.constantFrom('ca-central-1', 'us-east-1', ''),
        fc.constantFrom('execute-api', 's3', ''),
        fc.constantFrom('aws4_request', 'aws4', ''),
      )
      .map((parts) => parts.join('/')),
    fc.array(junk, { maxLength: 7 }).map((parts) => parts.join('/')),
  );

  it(
    'random Authorization headers',
    async () => {
      const pair = fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'Credential',
            'SignedHeaders',
            'Signature',
            'credential',
            'Signature ',
            '',
          ),
          junk,
        ),
        fc.oneof(
          credentialLike,
          fc.constantFrom('host', 'host;x-amz-date', 'x-amz-date', ';;', 'HOST'),
          hex,
          junk,
        ),
      );
      const authorization = fc.oneof(
        junk,
        fc
          .tuple(fc.array(pair, { maxLength: 6 }), fc.constantFrom(', ', ',', ' , ', ' '))
          .map(
            ([pairs, separator]) =>
              `AWS4-HMAC-SHA256 ${pairs.map(([key, value]) => `${key}=${value}`).join(separator)}`,
          ),
        junk.map((text) => `AWS4-HMAC-SHA256${text}`),
      );
      await fc.assert(
        fc.asyncProperty(
          authorization,
          fc.option(amzDateLike),
          fc.boolean(),
          async (value, amzDate, withToken) => {
            const headers: HeaderPairs = [
              ['Host', host],
              ['Authorization', value],
            ];
            if (amzDate !== null) headers.push(['X-Amz-Date', amzDate]);
            if (withToken) headers.push(['X-Amz-Security-Token', TEMP_TOKEN]);
            expectApiGatewayStyleError(
              await sendRaw({ method: 'GET', target: '/prod/hello', headers }),
            );
          },
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'random query authentication parameters',
    async () => {
      const name = fc.constantFrom(
        'X-Amz-Algorithm',
        'X-Amz-Credential',
        'X-Amz-Date',
        'X-Amz-Expires',
        'X-Amz-SignedHeaders',
        'X-Amz-Signature',
        'X-Amz-Security-Token',
        'x-amz-signature',
      );
      const value = fc.oneof(
        fc.constantFrom('AWS4-HMAC-SHA256', 'host', '3600', '0', '-1', '604801', '1e3', ''),
        credentialLike.map(encodeURIComponent),
        credentialLike,
        amzDateLike.map(encodeURIComponent),
        hex,
        junk.map(encodeURIComponent),
        fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|[A-Za-z0-9=&+])*$/),
      );
      const params = fc.array(fc.tuple(name, value), { minLength: 1, maxLength: 9 });
      await fc.assert(
        fc.asyncProperty(params, fc.constantFrom('GET', 'POST'), async (pairs, method) => {
          const query = pairs.map(([key, text]) => `${key}=${text}`).join('&');
          const reply = await sendRaw({
            method,
            target: `/prod/hello?${query}`,
            headers: [['Host', host]],
          });
          expectApiGatewayStyleError(reply);
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'random X-Amz-Date values on an otherwise correctly signed request',
    async () => {
      const signed = await sign(gateway, { method: 'GET', credentials: keysOf(ADMIN) });
      expectSuccess(await sendRaw(signed));
      await fc.assert(
        fc.asyncProperty(
          amzDateLike.filter((value) => value.trim() !== NOW_AMZ),
          async (amzDate) => {
            expectApiGatewayStyleError(await sendRaw(withHeader(signed, 'X-Amz-Date', amzDate)));
          },
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  const segment = fc.oneof(
    fc.constantFrom(
      '..',
      '.',
      '',
      'hello',
      '%',
      '%2',
      '%zz',
      '%2F',
      '%2f',
      '%00',
      '%E1%88%B4',
      '%C3',
      'ሴ',
      'é',
      '~',
      ';',
      '$',
      '+',
      '=',
      '@',
      ':',
      '%20',
      '*',
    ),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 4 }),
  );
  const path = fc
    .tuple(
      fc.constantFrom('/prod/', '/prod', '/', '//prod/', '/dev/'),
      fc.array(segment, { maxLength: 6 }),
    )
    .map(([prefix, segments]) => `${prefix}${segments.join('/')}`.replace(/[\r\n]/g, ''));

  it(
    'random paths, sent with a signature made for another path',
    async () => {
      const signed = await sign(gateway, { credentials: keysOf(ADMIN), body: 'x' });
      // Left out: paths that sign as /prod/hello does ('/prod//hello', '/prod/./hello?'): the
      // same canonical URI and no query parameter, so the same signature.
      const signsAsHello = (candidate: string) => {
        const [candidatePath = '', query = null] = candidate.split(/\?(.*)/s);
        return (
          parseQuery(query).length === 0 &&
          getCanonicalUri(candidatePath, { normalizePath: true, doubleEncodePath: true }) ===
            '/prod/hello'
        );
      };
      await fc.assert(
        fc.asyncProperty(
          path.filter((candidate) => !signsAsHello(candidate)),
          async (target) => {
            expectApiGatewayStyleError(await sendRaw({ ...signed, target }));
          },
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'random paths our signer signs are accepted whenever node can parse them',
    async () => {
      // Signer and verifier must agree on the canonical URI of whatever path reaches the
      // gateway. Left out: '#' (a client never sends a fragment, and the signer drops it) and
      // whitespace (node's parser reads 'GET /prod/  HTTP/1.1' as the path '/prod/', so the
      // path that arrives is not the one signed; a client would have encoded the space).
      await fc.assert(
        fc.asyncProperty(
          path.filter((candidate) => candidate.startsWith('/prod') && !/[#\s]/.test(candidate)),
          async (target) => {
            const signed = await sign(gateway, {
              method: 'GET',
              target,
              credentials: keysOf(ADMIN),
            });
            const reply = await sendRaw(signed);
            if (reply.status === 400) {
              expect(reply.headers['x-amzn-errortype']).toBe('BadRequestException');
              return;
            }
            // The stage is found on the normalized path: '/prod/..' is outside it, '/prod//x' in.
            const requestPath = normalizeRequestPath(target.split('?')[0]!) ?? '';
            const route = requestPath === '/prod' || requestPath.startsWith('/prod/');
            if (!route) expectGatewayError(reply, 'MissingAuthenticationTokenException');
            else expect(reply.status, `${target}: ${reply.body}`).toBe(200);
          },
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'random bodies: accepted when signed, rejected when they differ from what was signed',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 4096 }),
          fc.uint8Array({ minLength: 1, maxLength: 64 }),
          async (body, extra) => {
            const signed = await sign(gateway, {
              credentials: keysOf(ADMIN),
              body,
              target: '/prod/upload',
            });
            const accepted = await sendRaw(signed);
            expect(accepted.status).toBe(200);
            expect(JSON.parse(accepted.body)).toMatchObject({
              bodyBase64: Buffer.from(body).toString('base64'),
            });
            const changed = Buffer.concat([Buffer.from(body), Buffer.from(extra)]);
            const reply = await sendRaw({ ...signed, body: changed });
            expectGatewayError(
              reply,
              'InvalidSignatureException',
              /^The request signature we calculated/,
            );
          },
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('still answers a correctly signed request afterwards', async () => {
    const reply = await gateway.send(await sign(gateway, { body: '{"hello":"world"}' }));
    expectSuccess(reply, helloBody(DEMO.arn, 'POST', '{"hello":"world"}'));
  });
});
