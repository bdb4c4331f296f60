// Fuzzing the local STS's form parser and AssumeRole's checks: whatever parameters arrive (signed
// properly, so they get past the signature), an STS answer in XML, never a 5xx, a hang or a crash.
// Bodies are bounded (a few KiB each); the gateway's own 10 MB limit is covered in gatewayFuzz.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseAssumeRoleResponse,
  parseGetCallerIdentityResponse,
  parseStsError,
} from '../../../src/request/sts';
import type { Reply } from '../gatewayTestClients';
import { NOW } from '../gatewayTestFixtures';
import { TestGateway } from '../gatewayTestRunner';
import { roleArn, signSts, STS_TEST_CONFIG } from './stsTestSupport';

/** An STS answer of some kind: a parseable success, or a Sender ErrorResponse with a 4xx. */
function expectStsAnswer(reply: Reply) {
  expect(reply.headers['content-type']).toBe('text/xml');
  if (reply.status === 200) {
    const assumed = parseAssumeRoleResponse(reply.body, 200);
    const identity = parseGetCallerIdentityResponse(reply.body, 200);
    expect(assumed.ok || identity.ok, reply.body).toBe(true);
    return;
  }
  expect(reply.status, reply.body).toBeGreaterThanOrEqual(400);
  expect(reply.status, reply.body).toBeLessThan(500);
  const error = parseStsError(reply.body);
  expect(error?.code, reply.body).toMatch(/^[A-Za-z]+$/);
  expect(error?.type).toBe('Sender');
}

describe('STS fuzz', () => {
  const RUNS = 200;
  const FUZZ_TIMEOUT_MS = 120_000;
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start(STS_TEST_CONFIG, () => NOW);
  });
  afterAll(async () => {
    expect(gateway.lines.filter((line) => / 5\d\d /.test(line))).toEqual([]);
    await gateway.close();
  });

  const junk = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );
  const name = fc.oneof(
    fc.constantFrom(
      'Action',
      'Version',
      'RoleArn',
      'RoleSessionName',
      'DurationSeconds',
      'ExternalId',
      'SerialNumber',
      'TokenCode',
      'X-Amz-Date',
    ),
    junk,
  );
  const value = fc.oneof(
    fc.constantFrom(
      'AssumeRole',
      'GetCallerIdentity',
      '2011-06-15',
      roleArn('reader'),
      roleArn('partner'),
      'partner-42',
      '900',
      '43200',
      '-1',
      '1e3',
      '99999999999999999999',
      '123456',
      '',
    ),
    junk,
    fc.string({ unit: fc.constantFrom('a', '=', '@', '-', '/', ':', ' '), maxLength: 3000 }),
  );

  it(
    'random form parameters, signed',
    async () => {
      const params = fc.array(fc.tuple(name, value), { maxLength: 12 });
      await fc.assert(
        fc.asyncProperty(params, fc.boolean(), async (pairs, asRaw) => {
          // Either encoded by URLSearchParams or joined raw ('&' and '=' inside values and all).
          const raw = asRaw
            ? pairs.map(([key, text]) => `${key}=${text}`).join('&')
            : new URLSearchParams(pairs).toString();
          expectStsAnswer(await gateway.send(await signSts(gateway, { raw })));
        }),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'random bodies and content types, unsigned',
    async () => {
      const body = fc.oneof(junk, fc.uint8Array({ maxLength: 4096 }));
      const contentType = fc.option(
        fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/xml', 'x'),
      );
      await fc.assert(
        fc.asyncProperty(
          body,
          contentType,
          fc.constantFrom('POST', 'GET', 'PUT'),
          async (bytes, type, method) => {
            const headers: Array<[string, string]> = [['Host', new URL(gateway.url).host]];
            if (type !== null) headers.push(['Content-Type', type]);
            expectStsAnswer(await gateway.send({ method, target: '/sts/', headers, body: bytes }));
          },
        ),
        { numRuns: RUNS },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it('a body of a million separators is answered, and soon', async () => {
    const raw = `Action=AssumeRole&Version=2011-06-15${'&'.repeat(1_000_000)}`;
    expectStsAnswer(await gateway.send(await signSts(gateway, { raw })));
  });
});
