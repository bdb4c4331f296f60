// The local API Gateway's CORS answers: enabled, restricted to one origin, disabled.
// Expected texts are those of docs/api-gateway-iam-errors.md (the "case N" numbers below are
// its table rows); where this file expects something else it says why. The clients, the gateway
// harness, the identities, the signing and the answer checks are in gatewayTest*.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGatewayError, expectSuccess } from './gatewayTestAnswers';
import { type Reply } from './gatewayTestClients';
import { DEFAULT_CONFIG, NOW } from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';
import { sign, withHeader } from './gatewayTestSigning';

describe('CORS', () => {
  const ORIGIN = 'http://localhost:5173';
  const REQUIRED_ALLOWED = [
    'authorization',
    'content-type',
    'x-amz-date',
    'x-amz-security-token',
    'x-amz-content-sha256',
  ];
  const listOf = (value: string | undefined) =>
    (value ?? '').split(',').map((item) => item.trim().toLowerCase());

  describe('enabled (the default configuration)', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await TestGateway.start(DEFAULT_CONFIG, () => NOW);
    });
    afterAll(() => gateway.close());

    const preflight = (target: string) =>
      gateway.send({
        method: 'OPTIONS',
        target,
        headers: [
          ['host', new URL(gateway.url).host],
          ['Origin', ORIGIN],
          ['Access-Control-Request-Method', 'POST'],
          ['Access-Control-Request-Headers', 'content-type,x-amz-date,x-custom-thing'],
        ],
      });

    it('answers a preflight without a signature, allowing what a signed call needs', async () => {
      const reply = await preflight('/prod/hello');
      expect(reply.status).toBe(200);
      expect(reply.headers['access-control-allow-origin']).toBe('*');
      expect(listOf(reply.headers['access-control-allow-methods'])).toEqual(
        expect.arrayContaining(['post', 'get', 'options']),
      );
      // The configured list, as a REST API answers it: what the preflight asked for beyond it
      // (x-custom-thing) is not allowed just because it was asked for.
      const allowed = listOf(reply.headers['access-control-allow-headers']);
      expect(allowed).toEqual(expect.arrayContaining(REQUIRED_ALLOWED));
      expect(allowed).not.toContain('x-custom-thing');
      expect(reply.log).toEqual(['OPTIONS /prod/hello - 200 -']);
    });

    it('answers a preflight for a resource that does not exist as API Gateway does (case 1)', async () => {
      const reply = await preflight('/prod/nope');
      expectGatewayError(
        reply,
        'MissingAuthenticationTokenException',
        'Missing Authentication Token',
      );
      expect(reply.headers['access-control-allow-origin']).toBe('*');
    });

    it('lets browser code read an error: Allow-Origin and Expose-Headers on a 403', async () => {
      const request = withHeader(
        await sign(gateway, { signingDate: new Date(NOW - 3_600_000) }),
        'Origin',
        ORIGIN,
      );
      const reply = await gateway.send(request);
      expectGatewayError(reply, 'InvalidSignatureException', /^Signature expired: /);
      expect(reply.headers['access-control-allow-origin']).toBe('*');
      expect(reply.headers['access-control-expose-headers']).toBe(
        'x-amzn-ErrorType, x-amzn-RequestId, Date',
      );
    });

    it('puts Allow-Origin on a success too', async () => {
      const reply = await gateway.send(
        withHeader(await sign(gateway, { body: '{}' }), 'Origin', ORIGIN),
      );
      expectSuccess(reply);
      expect(reply.headers['access-control-allow-origin']).toBe('*');
    });
  });

  describe('restricted to one origin', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      const config = structuredClone(DEFAULT_CONFIG);
      config.cors = { ...config.cors, allowOrigin: ORIGIN };
      gateway = await TestGateway.start(config, () => NOW);
    });
    afterAll(() => gateway.close());

    const preflightFrom = (origin: string) =>
      gateway.send({
        method: 'OPTIONS',
        target: '/prod/hello',
        headers: [
          ['host', new URL(gateway.url).host],
          ['Origin', origin],
          ['Access-Control-Request-Method', 'POST'],
        ],
      });

    it('answers the configured origin', async () => {
      const reply = await preflightFrom(ORIGIN);
      expect(reply.status).toBe(200);
      expect(reply.headers['access-control-allow-origin']).toBe(ORIGIN);
    });

    // A REST API answers its configured (static) value; it never reflects another origin.
    it('never allows another origin by echoing it back', async () => {
      const reply = await preflightFrom('http://evil.example');
      expect(reply.headers['access-control-allow-origin']).not.toBe('http://evil.example');
    });
  });

  describe('disabled', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      const config = structuredClone(DEFAULT_CONFIG);
      config.cors = { ...config.cors, enabled: false };
      gateway = await TestGateway.start(config, () => NOW);
    });
    afterAll(() => gateway.close());

    const corsHeaderNames = (reply: Reply) =>
      reply.headerNames.filter((name) => name.toLowerCase().startsWith('access-control-'));

    it('treats a preflight as an unsigned OPTIONS call to a method that does not exist', async () => {
      const reply = await gateway.send({
        method: 'OPTIONS',
        target: '/prod/hello',
        headers: [
          ['host', new URL(gateway.url).host],
          ['Origin', ORIGIN],
          ['Access-Control-Request-Method', 'POST'],
          ['Access-Control-Request-Headers', 'content-type'],
        ],
      });
      expectGatewayError(
        reply,
        'MissingAuthenticationTokenException',
        'Missing Authentication Token',
      );
      expect(corsHeaderNames(reply)).toEqual([]);
    });

    it('sends no CORS headers on errors or successes', async () => {
      const denied = await gateway.send(
        withHeader(await sign(gateway, { method: 'GET' }), 'Origin', ORIGIN),
      );
      expectGatewayError(denied, 'AccessDeniedException');
      expect(corsHeaderNames(denied)).toEqual([]);
      const ok = await gateway.send(
        withHeader(await sign(gateway, { body: '{}' }), 'Origin', ORIGIN),
      );
      expectSuccess(ok);
      expect(corsHeaderNames(ok)).toEqual([]);
    });
  });
});
