// The gateway policies API when its question to the gateway's process fails unexpectedly: an
// answer, never an unhandled rejection (which would stop the whole playground).
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GATEWAY_POLICIES_PATH } from '../src/diagnosis/gatewayPolicies';
import { createGatewayPoliciesHandler } from './gatewayPoliciesHandler';

let server: Server;
let port = 0;
beforeAll(async () => {
  const handler = createGatewayPoliciesHandler({
    admin: () => Promise.reject(new Error('the channel closed')),
    port: () => port,
  });
  server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('answers 500 in words when the gateway cannot be asked', async () => {
  const answer = await new Promise<{
    status: number;
    body: string;
    headers: Record<string, unknown>;
  }>((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path: GATEWAY_POLICIES_PATH,
        headers: { Host: `127.0.0.1:${port}` },
      },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, headers: response.headers }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
  expect(answer.status).toBe(500);
  // Like the playground's other JSON endpoints (sendJson): never cached, sniffed or embedded.
  expect(answer.headers).toMatchObject({
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'cross-origin-resource-policy': 'same-origin',
  });
  expect(JSON.parse(answer.body)).toEqual({
    message: 'The gateway policies API failed unexpectedly (the channel closed).',
  });
});
