// Requests for the gateway's tests, signed with our own signer (never mocked), and the header
// edits that break them one way at a time.
import { createSigner, type SigningInput } from '../../src/signing';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import type { WireRequest } from './gatewayTestClients';
import { DEMO, keysOf, NOW } from './gatewayTestFixtures';
import type { TestGateway } from './gatewayTestRunner';

export const signer = createSigner({ crypto: nodeSigningCrypto });

type SignOptions = Partial<Omit<SigningInput, 'url' | 'body'>> & {
  /** Path and query after the gateway's origin, e.g. /prod/hello. */
  target?: string;
  body?: string | Uint8Array;
};

/** Signs a request for this gateway: demo's keys, POST /prod/hello, header mode, at NOW. */
export async function sign(gateway: TestGateway, options: SignOptions = {}): Promise<WireRequest> {
  const { target = '/prod/hello', ...input } = options;
  const method = input.method ?? 'POST';
  const result = await signer.signRequest({
    method,
    url: `${gateway.url}${target}`,
    credentials: keysOf(DEMO),
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date(NOW),
    ...input,
  });
  return {
    method,
    target: result.url.slice(gateway.url.length),
    headers: result.headers,
    ...(input.body === undefined ? {} : { body: input.body }),
  };
}

export const withHeader = (
  request: WireRequest,
  name: string,
  value: string | null,
): WireRequest => ({
  ...request,
  headers: [
    ...request.headers.filter(([key]) => key.toLowerCase() !== name.toLowerCase()),
    ...(value === null ? [] : [[name, value] as [string, string]]),
  ],
});

export const headerOf = (request: WireRequest, name: string) =>
  request.headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
