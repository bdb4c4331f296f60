// Sends an imported request to a local API Gateway as the page would: {{variables}} resolved
// through the imported environment and collection, signed by the real signer with the given
// keys, the gateway's own region and service where the request follows its host (127.0.0.1 says
// none). The fixtures name the gateway of `npm start` (127.0.0.1:5174); the test's gateway, on
// a port of its own, stands in for it.
import { expect } from 'vitest';
import { walkRequests } from '../src/collections/collectionModel';
import { resolveText, type VariableScope } from '../src/collections/resolveVariables';
import type {
  ImportedKeys,
  ImportedWorkspace,
} from '../src/importing/collections/importedWorkspace';
import { createSigner } from '../src/signing';
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';

const signer = createSigner({ crypto: nodeSigningCrypto });
const FIXTURE_GATEWAY = 'http://127.0.0.1:5174';

export async function sendImportedRequest(
  workspace: ImportedWorkspace,
  name: string,
  options: { gatewayUrl: string; keys: ImportedKeys; environment?: string },
): Promise<{ status: number; errorType: string | null }> {
  const request = [...walkRequests(workspace.collection?.items ?? [])].find(
    (entry) => entry.request.name === name,
  )?.request;
  if (request === undefined) throw new Error(`no request ${name}`);
  const environment = workspace.environments.find(
    (candidate) => options.environment === undefined || candidate.name === options.environment,
  );
  const scopes: VariableScope[] = [
    ...(environment === undefined
      ? []
      : [
          {
            kind: 'environment' as const,
            label: environment.name,
            variables: environment.variables,
          },
        ]),
    { kind: 'collection', label: 'collection', variables: workspace.collection?.variables ?? [] },
  ];
  const resolve = (text: string) => {
    const resolved = resolveText(text, scopes);
    expect(resolved.unresolved).toEqual([]);
    return resolved.text.replace(FIXTURE_GATEWAY, options.gatewayUrl);
  };
  const body = resolve(request.body);
  const signed = await signer.signRequest({
    method: request.method,
    url: resolve(request.url),
    headers: request.headers.map((header) => [header.name, resolve(header.value)]),
    body,
    credentials: options.keys,
    region: resolve(request.region ?? 'ca-central-1'),
    service: resolve(request.service ?? 'execute-api'),
    mode: request.options.mode,
    signingDate: new Date(),
  });
  const response = await fetch(signed.url, {
    method: request.method,
    headers: signed.headers,
    ...(body === '' ? {} : { body }),
  });
  await response.text();
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype') };
}
