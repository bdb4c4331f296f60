// The local gateway against AWS's own signers: the differential tests' random requests
// (test-support/differential), aimed at a gateway route and signed by botocore (SigV4) and by
// awscrt (SigV4 and SigV4a), are sent on a socket byte for byte as they were signed, with the
// signer's own signature, and every one must be let through (200), as API Gateway lets through
// what AWS's SDKs sign; the same request with one more character in its path must be refused as
// a signature mismatch. The signer tests compare canonical requests; this one checks that the
// gateway reads the same request off the wire: the request line, header lines as sent (case,
// repeats, runs of spaces and tabs), the query as written, the body bytes.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SigningResult } from '../../src/signing';
import {
  differentialRuns,
  differentialSeed,
} from '../../test-support/differential/differentialSettings';
import { fitAwscrt, fitBotocore } from '../../test-support/differential/oracleFits';
import { signedByBoth } from '../../test-support/differential/runDifferential';
import type { OracleName } from '../../test-support/differential/pythonOracle';
import {
  bodyBytes,
  describeShape,
  requestShape,
  type RequestShape,
} from '../../test-support/differential/requestShapes';
import { type GatewayConfig } from './gatewayConfig';
import { wireBytes } from './gatewayTestClients';
import { DEFAULT_CONFIG, NOW } from './gatewayTestFixtures';
import { fitGateway } from './gatewayTestShapes';
import { TestGateway } from './gatewayTestRunner';

/** Requests per signer in a plain `npm test` (DIFFERENTIAL_RUNS overrides it). */
const DEFAULT_RUNS = 1000;

/** The default gateway with one greedy route for every method, whose answer is the request. */
const config: GatewayConfig = {
  ...structuredClone(DEFAULT_CONFIG),
  routes: [{ method: 'ANY', path: '/{proxy+}', handler: 'echo' }],
};

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await TestGateway.start(config, () => NOW);
});
afterAll(() => gateway?.close());

/** Our signed request with the signature of the other signer in its place. */
function withSignature(shape: RequestShape, ours: SigningResult, signature: string) {
  const url = ours.url.replace(`X-Amz-Signature=${ours.signature}`, `X-Amz-Signature=${signature}`);
  const headers = ours.headers.map(([name, value]): [string, string] =>
    name.toLowerCase() === 'authorization'
      ? [name, value.replace(`Signature=${ours.signature}`, `Signature=${signature}`)]
      : [name, value],
  );
  if (!headers.some(([name]) => name.toLowerCase() === 'host'))
    headers.unshift(['host', shape.host]);
  const body = bodyBytes(shape.body);
  return {
    method: shape.method,
    target: url.slice(url.indexOf('/', 'https://'.length)),
    headers,
    ...(body === undefined ? {} : { body }),
  };
}

async function acceptedFrom(oracleName: OracleName, fit: (shape: RequestShape) => RequestShape) {
  const runs = differentialRuns(DEFAULT_RUNS);
  const seed = differentialSeed();
  const shapes = fc.sample(
    requestShape.map((shape) =>
      fitGateway(fit(shape), { config, host: `127.0.0.1:${gateway.port}`, now: NOW }),
    ),
    { seed, numRuns: runs },
  );
  const refused: string[] = [];
  /** Tampered requests answered with anything but a signature mismatch. */
  const letThrough: string[] = [];
  for await (const { index, shape, ours, theirs } of signedByBoth(oracleName, shapes)) {
    if (theirs.signature === undefined) {
      refused.push(`${describeShape(shape)}\n  ${oracleName} did not sign it: ${theirs.error}`);
      continue;
    }
    const request = withSignature(shape, ours, theirs.signature);
    const reply = await gateway.sendRaw(wireBytes(request));
    if (reply.status !== 200) {
      refused.push(
        `case #${index}: ${reply.status} ${reply.headers['x-amzn-errortype'] ?? ''} ${reply.body}\n` +
          `  ${describeShape(shape)}\n  sent: ${JSON.stringify(wireBytes(request).toString('latin1'))}`,
      );
    }
    // The same request with one more character in its path: the gateway's canonical request
    // is no longer the signer's, and the signature must not let it through.
    const queryAt = request.target.indexOf('?');
    const pathEnd = queryAt < 0 ? request.target.length : queryAt;
    const tampered = {
      ...request,
      target: `${request.target.slice(0, pathEnd)}x${request.target.slice(pathEnd)}`,
    };
    const refusal = await gateway.sendRaw(wireBytes(tampered));
    if (
      refusal.status !== 403 ||
      refusal.headers['x-amzn-errortype'] !== 'InvalidSignatureException'
    ) {
      letThrough.push(
        `case #${index}: ${refusal.status} ${refusal.headers['x-amzn-errortype'] ?? ''} for ${tampered.method} ${tampered.target}`,
      );
    }
  }
  return { runs, seed, refused, letThrough };
}

describe('the local gateway lets through what AWS signers sign, and nothing changed since', () => {
  for (const [oracle, fit] of [
    ['botocore', fitBotocore],
    ['awscrt', fitAwscrt],
  ] as const) {
    it(`accepts ${differentialRuns(DEFAULT_RUNS)} random requests signed by ${oracle}, and refuses each with its path changed`, async () => {
      const { runs, seed, refused, letThrough } = await acceptedFrom(oracle, fit);
      expect(
        refused,
        `${refused.length} of ${runs} refused (DIFFERENTIAL_SEED=${seed} reproduces the run):\n` +
          refused.slice(0, 5).join('\n\n'),
      ).toEqual([]);
      expect(
        letThrough,
        `${letThrough.length} of ${runs} tampered requests not refused as a signature mismatch ` +
          `(DIFFERENTIAL_SEED=${seed}):\n${letThrough.slice(0, 5).join('\n')}`,
      ).toEqual([]);
    }, 120_000);
  }
});
