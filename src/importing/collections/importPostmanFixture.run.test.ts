// The Postman fixtures the browser journey imports, imported here and sent to a local API Gateway
// as the page would send them: variables resolved through the imported environment, signed by the
// real signer with the keys the import found. What Postman sends with the demo identity, the
// playground must send too (200), and what the demo identity may not do stays refused (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../../server/gateway/gatewayServer';
import { nodeSigningCrypto } from '../../../server/nodeSigningCrypto';
import {
  POSTMAN_FIXTURES,
  readPostmanFixture,
  sequentialIds,
} from '../../../test-support/postmanFixtures';
import { walkRequests, type SavedRequest } from '../../collections/collectionModel';
import { resolveText, type VariableScope } from '../../collections/resolveVariables';
import { createSigner } from '../../signing';
import { importCollectionFiles } from './importCollectionFile';
import type { ImportedWorkspace } from './importedWorkspace';

let gateway: RunningServer;
beforeAll(async () => {
  gateway = await startGateway({ config: loadGatewayConfig(), port: 0, log: () => {} });
});
afterAll(async () => {
  await gateway.close();
});

const signer = createSigner({ crypto: nodeSigningCrypto });

function imported(): ImportedWorkspace {
  const result = importCollectionFiles(
    [POSTMAN_FIXTURES.collection, POSTMAN_FIXTURES.environment].map((fileName) => ({
      fileName,
      text: readPostmanFixture(fileName),
    })),
    { newId: sequentialIds() },
  );
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

/** Resolves, signs and sends one saved request; the gateway's port replaces 5174. */
async function send(
  workspace: ImportedWorkspace,
  name: string,
): Promise<{ status: number; errorType: string | null }> {
  const found = [...walkRequests(workspace.collection!.items)].find(
    ({ request }) => request.name === name,
  );
  const request: SavedRequest = found!.request;
  const scopes: VariableScope[] = [
    {
      kind: 'environment',
      label: 'this test',
      variables: [{ name: 'baseUrl', value: `${gateway.url}/prod`, secret: false, enabled: true }],
    },
    ...workspace.environments.map((environment): VariableScope => ({
      kind: 'environment',
      label: environment.name,
      variables: environment.variables,
    })),
    { kind: 'collection', label: 'collection', variables: workspace.collection!.variables },
  ];
  const resolve = (text: string) => {
    const resolved = resolveText(text, scopes);
    expect(resolved.unresolved).toEqual([]);
    return resolved.text;
  };
  const keys = workspace.keys!;
  const signed = await signer.signRequest({
    method: request.method,
    url: resolve(request.url),
    headers: request.headers.map((header) => [header.name, resolve(header.value)]),
    body: resolve(request.body),
    credentials: keys,
    // The gateway's own region and service where the request follows its host (127.0.0.1 says
    // none), as the page's form would have them.
    region: resolve(request.region ?? 'ca-central-1'),
    service: resolve(request.service ?? 'execute-api'),
    mode: request.options.mode,
    signingDate: new Date(),
  });
  const response = await fetch(signed.url, {
    method: request.method,
    headers: signed.headers,
    ...(request.body === '' ? {} : { body: resolve(request.body) }),
  });
  await response.text();
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype') };
}

describe('the Postman fixtures, imported and sent to the local gateway', () => {
  it('POST /hello with the collection-level auth: 200', async () => {
    expect(await send(imported(), 'Say hello')).toEqual({ status: 200, errorType: null });
  });

  it("POST /hello presigned by the folder's own auth: 200", async () => {
    expect(await send(imported(), 'Say hello with a presigned URL')).toEqual({
      status: 200,
      errorType: null,
    });
  });

  it('the noauth request, signed here as the demo identity, which may only POST: 403', async () => {
    expect(await send(imported(), 'Hello without auth')).toEqual({
      status: 403,
      errorType: 'AccessDeniedException',
    });
  });
});
