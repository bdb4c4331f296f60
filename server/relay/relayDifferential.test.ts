// The relay carries what the page signs byte for byte. The differential tests' random requests
// (test-support/differential), signed by the page's signer for the local gateway and handed to the
// relay as the page hands them (POST /relay: method, URL, header lines, body), must reach the
// gateway as they were signed: the request line as written, header lines in order with their
// names' case, repeats and runs of spaces and tabs, the body's bytes. Every one must be let
// through (200): a byte changed on the way would be a signature mismatch.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSigner } from '../../src/signing';
import type { RelayRequest } from '../../src/transport/relayProtocol';
import {
  differentialRuns,
  differentialSeed,
} from '../../test-support/differential/differentialSettings';
import {
  bodyBytes,
  describeShape,
  requestShape,
  toSigningInput,
} from '../../test-support/differential/requestShapes';
import { fitGateway } from '../gateway/gatewayTestShapes';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import {
  b64,
  callRelay,
  closeStarted,
  SIGNING_DATE,
  startEchoGateway,
  startRelay,
  type EchoGateway,
  type Relay,
} from './relayTestSupport';

/** Requests in a plain `npm test` (DIFFERENTIAL_RUNS overrides it). */
const DEFAULT_RUNS = 500;

let gateway: EchoGateway;
let relay: Relay;
beforeAll(async () => {
  gateway = await startEchoGateway();
  relay = await startRelay();
});
afterAll(closeStarted);

describe('the relay in front of the local gateway', () => {
  const runs = differentialRuns(DEFAULT_RUNS);

  it(`carries ${runs} random signed requests so that the gateway lets each through`, async () => {
    const seed = differentialSeed();
    const target = {
      config: gateway.config,
      host: new URL(gateway.url).host,
      now: SIGNING_DATE.getTime(),
    };
    const shapes = fc.sample(
      requestShape.map((shape) => fitGateway(shape, target)),
      { seed, numRuns: runs },
    );
    const signer = createSigner({ crypto: nodeSigningCrypto });
    const refused: string[] = [];
    for (const [index, shape] of shapes.entries()) {
      const signed = await signer.signRequest(toSigningInput(shape));
      const request: RelayRequest = {
        method: shape.method,
        // The shapes are written for https; the local gateway is http (the scheme is not signed).
        url: signed.url.replace(/^https:/, 'http:'),
        headers: signed.headers,
        bodyBase64: b64(bodyBytes(shape.body) ?? new Uint8Array()),
      };
      const call = await callRelay(relay, request);
      const answer = call.result;
      if (answer.kind !== 'response' || answer.status !== 200) {
        const said =
          answer.kind === 'response'
            ? `the gateway answered ${answer.status}: ${Buffer.from(answer.bodyBase64, 'base64').toString('utf8')}`
            : `the relay refused it (${call.status} ${answer.error.type}): ${answer.error.message}`;
        refused.push(`case #${index}: ${said}\n  ${describeShape(shape)}`);
      }
    }
    expect(
      refused,
      `${refused.length} of ${runs} not let through (DIFFERENTIAL_SEED=${seed} reproduces the run):\n` +
        refused.slice(0, 5).join('\n\n'),
    ).toEqual([]);
  }, 120_000);
});
