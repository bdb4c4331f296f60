// The local API Gateway on 127.0.0.1 against SigV4a requests from our signer.
// Expected texts are those of docs/api-gateway-iam-errors.md (the "case N" numbers below are
// its table rows); where this file expects something else it says why. The clients, the gateway
// harness, the identities, the signing and the answer checks are in gatewayTest*.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGatewayError, expectSuccess, helloBody, readMismatch } from './gatewayTestAnswers';
import { ADMIN, DEFAULT_CONFIG, DEMO, keysOf, NOW, NOW_AMZ } from './gatewayTestFixtures';
import { TestGateway } from './gatewayTestRunner';
import { headerOf, sign, signer } from './gatewayTestSigning';

describe('SigV4a (AWS4-ECDSA-P256-SHA256) from our signer', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, () => NOW);
  });
  afterAll(() => gateway.close());

  it('accepts header and query mode (region set = the gateway region)', async () => {
    for (const mode of ['header', 'query'] as const) {
      const request = await sign(gateway, { body: '{"a":1}', mode, algorithm: 'sigv4a' });
      if (mode === 'header') {
        expect(headerOf(request, 'authorization')).toMatch(
          /^AWS4-ECDSA-P256-SHA256 Credential=[A-Z0-9]+\/20260115\/execute-api\/aws4_request, SignedHeaders=[^,]*x-amz-region-set[^,]*, Signature=30[0-9a-f]+$/,
        );
        expect(headerOf(request, 'x-amz-region-set')).toBe('ca-central-1');
      } else {
        expect(request.target).toMatch(
          /X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256&.*X-Amz-Region-Set=ca-central-1&X-Amz-Signature=30[0-9a-f]+$/,
        );
      }
      expectSuccess(await gateway.send(request), helloBody(DEMO.arn, 'POST', '{"a":1}'));
    }
  });

  it('accepts a region set that names the region among others or by a wildcard', async () => {
    for (const regionSet of [['us-east-1', 'ca-central-1'], ['ca-*'], ['*']]) {
      for (const mode of ['header', 'query'] as const) {
        const request = await sign(gateway, {
          method: 'GET',
          credentials: keysOf(ADMIN),
          algorithm: 'sigv4a',
          regionSet,
          mode,
        });
        expectSuccess(await gateway.send(request), helloBody(ADMIN.arn, 'GET'));
      }
    }
  });

  it('rejects a region set without ca-central-1 (case 7, naming the region set)', async () => {
    for (const mode of ['header', 'query'] as const) {
      const request = await sign(gateway, {
        algorithm: 'sigv4a',
        regionSet: ['us-east-1', 'eu-*'],
        mode,
      });
      expectGatewayError(
        await gateway.send(request),
        'InvalidSignatureException',
        "Credential should be scoped to a valid region, not 'us-east-1,eu-*'. ",
      );
    }
  });

  it('names the service of a wrong scope as for SigV4', async () => {
    const request = await sign(gateway, { algorithm: 'sigv4a', service: 'lambda' });
    expectGatewayError(
      await gateway.send(request),
      'InvalidSignatureException',
      "Credential should be scoped to correct service: 'execute-api'. ",
    );
  });

  it('answers a tampered request with a mismatch carrying the SigV4a canonical request', async () => {
    for (const mode of ['header', 'query'] as const) {
      const signed = await signer.signRequest({
        method: 'POST',
        url: `${gateway.url}/prod/hello`,
        body: 'original',
        credentials: keysOf(DEMO),
        region: 'ca-central-1',
        service: 'execute-api',
        signingDate: new Date(NOW),
        algorithm: 'sigv4a',
        mode,
      });
      const tampered = {
        method: 'POST',
        target: signed.url.slice(gateway.url.length),
        headers: signed.headers,
        body: 'tampered',
      };
      const expectedCanonical = signed.canonicalRequest.replace(
        signed.payloadHash,
        createHash('sha256').update('tampered').digest('hex'),
      );
      const message = expectGatewayError(await gateway.send(tampered), 'InvalidSignatureException');
      const { canonicalRequest, stringToSign } = readMismatch(message);
      expect(canonicalRequest).toBe(expectedCanonical);
      expect(stringToSign.split('\n').slice(0, 3)).toEqual([
        'AWS4-ECDSA-P256-SHA256',
        NOW_AMZ,
        '20260115/execute-api/aws4_request',
      ]);
    }
  });

  it('rejects an unsigned (header-mode) region set as not scoped to the region', async () => {
    const request = await sign(gateway, {
      method: 'GET',
      algorithm: 'sigv4a',
    });
    // The signer always signs the region set; drop it from SignedHeaders by hand.
    const authorization = headerOf(request, 'authorization')!.replace(';x-amz-region-set', '');
    const headers = request.headers.map(([name, value]): [string, string] =>
      name === 'Authorization' ? [name, authorization] : [name, value],
    );
    expectGatewayError(
      await gateway.send({ ...request, headers }),
      'InvalidSignatureException',
      "Credential should be scoped to a valid region, not 'ca-central-1'. ",
    );
  });
});
