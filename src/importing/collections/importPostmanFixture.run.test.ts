// The Postman fixtures the browser journey imports, imported here and sent to a local API Gateway
// as the page would send them (test-support/sendImportedRequest.ts): variables resolved through
// the imported environment, signed by the real signer with the keys the import found. What
// Postman sends with the demo identity, the playground must send too (200), and what the demo
// identity may not do stays refused (403).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../../server/gateway/gatewayServer';
import {
  POSTMAN_FIXTURES,
  readPostmanFixture,
  sequentialIds,
} from '../../../test-support/postmanFixtures';
import { sendImportedRequest } from '../../../test-support/sendImportedRequest';
import { importCollectionFiles } from './importCollectionFile';
import type { ImportedWorkspace } from './importedWorkspace';

let gateway: RunningServer;
beforeAll(async () => {
  gateway = await startGateway({ config: loadGatewayConfig(), port: 0, log: () => {} });
});
afterAll(async () => {
  await gateway.close();
});

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

/** One saved request, sent as the page sends it with the keys the import found. */
function send(workspace: ImportedWorkspace, name: string) {
  return sendImportedRequest(workspace, name, { gatewayUrl: gateway.url, keys: workspace.keys! });
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
