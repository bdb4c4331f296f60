// The local-gateway fixtures of the OpenAPI, Insomnia and Bruno importers, imported and sent to a
// local API Gateway as the page sends them (test-support/sendImportedRequest.ts): the demo
// identity may POST /hello (200) and may not GET it (403), as server/gateway's policy says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../../server/gateway/gatewayServer';
import {
  BRUNO_FIXTURES,
  INSOMNIA_FIXTURES,
  OPENAPI_FIXTURES,
  readCollectionFixture,
  readFixtureFolder,
} from '../../../test-support/collectionImportFixtures';
import { sequentialIds } from '../../../test-support/postmanFixtures';
import { sendImportedRequest } from '../../../test-support/sendImportedRequest';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import type { ImportWorkspaceResult } from './importedWorkspace';
import { importBruno } from './importBruno';
import { importInsomnia } from './importInsomnia';
import { importOpenApi } from './importOpenApi';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const DEMO_KEYS = { accessKeyId: DEMO.accessKeyId, secretAccessKey: DEMO.secretAccessKey };

let gateway: RunningServer;
beforeAll(async () => {
  gateway = await startGateway({ config: loadGatewayConfig(), port: 0, log: () => {} });
});
afterAll(async () => {
  await gateway.close();
});

function workspaceOf(result: ImportWorkspaceResult) {
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

describe('the local-gateway fixtures, imported and sent to the local gateway', () => {
  it('OpenAPI: POST /hello 200, GET /hello 403 as the demo identity', async () => {
    const workspace = workspaceOf(
      importOpenApi(readCollectionFixture(OPENAPI_FIXTURES.localGatewayDemo), sequentialIds()),
    );
    const options = { gatewayUrl: gateway.url, keys: DEMO_KEYS };
    expect(await sendImportedRequest(workspace, 'POST /hello', options)).toEqual({
      status: 200,
      errorType: null,
    });
    expect(await sendImportedRequest(workspace, 'GET /hello', options)).toEqual({
      status: 403,
      errorType: 'AccessDeniedException',
    });
  });

  it('Insomnia: the keys the import found sign Say hello (200); Read hello is refused (403)', async () => {
    const workspace = workspaceOf(
      importInsomnia(readCollectionFixture(INSOMNIA_FIXTURES.localGatewayV5), sequentialIds()),
    );
    const options = { gatewayUrl: gateway.url, keys: workspace.keys!, environment: 'prod' };
    expect(await sendImportedRequest(workspace, 'Say hello', options)).toEqual({
      status: 200,
      errorType: null,
    });
    expect(await sendImportedRequest(workspace, 'Read hello', options)).toEqual({
      status: 403,
      errorType: 'AccessDeniedException',
    });
  });

  it('Bruno: with the secret key entered by hand, Say hello 200, Read hello 403', async () => {
    const workspace = workspaceOf(
      importBruno(readFixtureFolder(BRUNO_FIXTURES.localGateway), sequentialIds()),
    );
    const options = { gatewayUrl: gateway.url, keys: DEMO_KEYS, environment: 'local' };
    expect(await sendImportedRequest(workspace, 'Say hello', options)).toEqual({
      status: 200,
      errorType: null,
    });
    expect(await sendImportedRequest(workspace, 'Read hello', options)).toEqual({
      status: 403,
      errorType: 'AccessDeniedException',
    });
  });
});
