// The local API Gateway's log: one line per request, never a secret.
// The clients, the gateway harness, the identities, the signing and the answer checks are in
// gatewayTest*.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type WireRequest } from './gatewayTestClients';
import { ADMIN, DEFAULT_CONFIG, DEMO, keysOf, NOW, TEMP, TEMP_TOKEN } from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';
import { headerOf, sign } from './gatewayTestSigning';

describe('the log', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, () => NOW);
  });
  afterAll(() => gateway.close());

  it('writes one line per request: method, path, caller or -, status, error type or -; no secrets', async () => {
    const BODY = '{"card":"4111-LOG-MUST-NOT-SHOW-THIS"}';
    const requests: Array<[string, WireRequest, string]> = [
      ['signed POST', await sign(gateway, { body: BODY }), `POST /prod/hello ${DEMO.arn} 200 -`],
      [
        'temporary keys, header mode',
        await sign(gateway, { method: 'GET', credentials: keysOf(TEMP, TEMP_TOKEN), body: BODY }),
        `GET /prod/hello ${TEMP.arn} 200 -`,
      ],
      [
        'temporary keys, presigned',
        await sign(gateway, {
          method: 'GET',
          credentials: keysOf(TEMP, TEMP_TOKEN),
          mode: 'query',
        }),
        `GET /prod/hello ${TEMP.arn} 200 -`,
      ],
      [
        'signature mismatch',
        await sign(gateway, {
          body: BODY,
          credentials: { ...keysOf(DEMO), secretAccessKey: ADMIN.secretAccessKey },
        }),
        `POST /prod/hello ${DEMO.arn} 403 InvalidSignatureException`,
      ],
      [
        'access denied',
        await sign(gateway, { method: 'GET' }),
        `GET /prod/hello ${DEMO.arn} 403 AccessDeniedException`,
      ],
      [
        'wrong token',
        await sign(gateway, { method: 'GET', credentials: keysOf(TEMP, `${TEMP_TOKEN}-wrong`) }),
        'GET /prod/hello - 403 UnrecognizedClientException',
      ],
      [
        'unsigned',
        { method: 'PUT', target: '/prod/hello?X-Amz-Foo=1', headers: [['host', 'x']], body: BODY },
        'PUT /prod/hello - 403 MissingAuthenticationTokenException',
      ],
    ];
    const before = gateway.lines.length;
    for (const [what, request, line] of requests) {
      const reply = await gateway.send(request);
      expect(reply.log, what).toEqual([line]);
    }
    const logged = gateway.lines.slice(before).join('\n');
    const secrets = [
      ...DEFAULT_CONFIG.identities.map((entry) => entry.secretAccessKey),
      TEMP_TOKEN,
      encodeURIComponent(TEMP_TOKEN),
      BODY,
      '4111-LOG',
      ...requests.flatMap(([, request]) => {
        const signature = /Signature=([0-9a-f]{64})/.exec(
          `${headerOf(request, 'authorization')} ${request.target}`,
        );
        return signature ? [signature[1]!] : [];
      }),
    ];
    expect(secrets.length).toBeGreaterThan(DEFAULT_CONFIG.identities.length + 5);
    for (const secret of secrets) expect(logged).not.toContain(secret);
    expect(logged).not.toMatch(/[0-9a-f]{64}/);
    expect(logged).not.toContain('X-Amz-');
  });

  // The log contract is one line per request, including those node's HTTP parser refuses.
  it('logs a request that node cannot parse as well', async () => {
    const reply = await gateway.sendRaw(
      Buffer.from('GET /example space/ HTTP/1.1\r\nHost: x\r\n\r\n'),
    );
    expect(reply.status).toBe(400);
    expect(reply.log).toHaveLength(1);
  });
});
