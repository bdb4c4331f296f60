// The gateway verifies with the signing core's canonicalizeWireRequest, so it inherits the rule
// aws-c-auth, botocore and @smithy/signature-v4 share for normalized paths: '.' and '..' resolved,
// and a final '/' only when the path as sent ends in one (/prod/hello/x/.. → /prod/hello).
// @smithy/signature-v4 signs here, so the test does not depend on our signer agreeing with itself.
import { request } from 'node:http';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from './gatewayConfig';
import { startGateway, type RunningServer } from './gatewayServer';

const NOW = Date.parse('2026-01-15T10:20:30Z');
const config = loadGatewayConfig();
const admin = config.identities.find((identity) => identity.name === 'admin')!;

let gateway: RunningServer;
let port: number;
beforeAll(async () => {
  gateway = await startGateway({ config, port: 0, log: () => undefined, now: () => NOW });
  port = Number(new URL(gateway.url).port);
});
afterAll(() => gateway.close());

/** GET `path` as written (node sends the request-target as given), signed by smithy. */
async function smithyGet(
  path: string,
  secretAccessKey = admin.secretAccessKey,
): Promise<{ status: number; body: string }> {
  const smithy = new SignatureV4({
    credentials: { accessKeyId: admin.accessKeyId, secretAccessKey },
    region: 'ca-central-1',
    service: 'execute-api',
    sha256: Sha256,
  });
  const host = `127.0.0.1:${port}`;
  const signed = await smithy.sign(
    {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port,
      path,
      query: {},
      headers: { host },
    },
    { signingDate: new Date(NOW) },
  );
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, method: 'GET', headers: signed.headers },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('paths with dot segments', () => {
  it('accepts what @smithy/signature-v4 signs for paths with trailing and inner dot segments', async () => {
    for (const path of [
      '/prod/hello/x/..',
      '/prod/hello/.',
      '/prod/hello/./',
      '/prod/x/../hello',
    ]) {
      const reply = await smithyGet(path);
      expect(reply, path).toEqual({
        status: 200,
        body: JSON.stringify(`${admin.arn} sent a GET`),
      });
    }
  });

  it('names /prod/hello, without a final slash, as the canonical path of /prod/hello/x/..', async () => {
    const reply = await smithyGet('/prod/hello/x/..', 'not-the-secret');
    expect(reply.status).toBe(403);
    const message = (JSON.parse(reply.body) as { message: string }).message;
    const canonical = /The Canonical String for this request should have been\n'([^']*)'/.exec(
      message,
    );
    expect(canonical?.[1]?.split('\n').slice(0, 2)).toEqual(['GET', '/prod/hello']);
  });
});
