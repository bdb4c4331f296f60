import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../server/gateway/gatewayConfig';
import { startPlayground } from '../../server/playgroundServer';
import { DEFAULT_GATEWAY_URL, LOCAL_IDENTITIES, loadPlaygroundConfig } from './defaults';

const answering = (response: () => Response) => (async () => response()) as unknown as typeof fetch;

describe('loadPlaygroundConfig', () => {
  it('reads what npm start serves', async () => {
    const calls: string[] = [];
    const fetchImpl = (async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return Response.json({
        gatewayUrl: 'http://127.0.0.1:6000/prod',
        relay: true,
        collectionsDir: true,
      });
    }) as typeof fetch;
    expect(await loadPlaygroundConfig(fetchImpl)).toEqual({
      gatewayUrl: 'http://127.0.0.1:6000/prod',
      relay: true,
      collectionsDir: true,
    });
    expect(calls).toEqual(['playground-config.json']);
  });

  it('falls back to the default gateway and no relay when the file is missing (vite dev)', async () => {
    const fallback = { gatewayUrl: DEFAULT_GATEWAY_URL, relay: false, collectionsDir: false };
    // 404, the SPA fallback's index.html, a network error, JSON of another shape.
    expect(await loadPlaygroundConfig(answering(() => new Response('', { status: 404 })))).toEqual(
      fallback,
    );
    expect(
      await loadPlaygroundConfig(answering(() => new Response('<!doctype html><html></html>'))),
    ).toEqual(fallback);
    expect(
      await loadPlaygroundConfig(
        answering(() => {
          throw new TypeError('Failed to fetch');
        }),
      ),
    ).toEqual(fallback);
    expect(await loadPlaygroundConfig(answering(() => Response.json(null)))).toEqual(fallback);
    expect(
      await loadPlaygroundConfig(answering(() => Response.json({ gatewayUrl: 5, relay: 'yes' }))),
    ).toEqual(fallback);
  });

  it('drops a trailing slash so routes can be appended', async () => {
    const config = await loadPlaygroundConfig(
      answering(() => Response.json({ gatewayUrl: 'http://127.0.0.1:5174/prod/', relay: true })),
    );
    expect(config.gatewayUrl).toBe('http://127.0.0.1:5174/prod');
  });

  describe('against the playground server', () => {
    let running: Awaited<ReturnType<typeof startPlayground>>;
    beforeAll(async () => {
      running = await startPlayground({ port: 0, gatewayPort: 0 });
    });
    afterAll(async () => {
      await running.playground.close();
      await running.gateway?.close();
    });

    it('gets the gateway URL and the relay', async () => {
      const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
        fetch(new URL(String(input), running.playground.url), init)) as typeof fetch;
      expect(await loadPlaygroundConfig(fetchImpl)).toEqual({
        gatewayUrl: running.gatewayBase,
        relay: true,
        collectionsDir: false,
      });
    });
  });
});

describe('LOCAL_IDENTITIES', () => {
  it('are the local gateway’s identities, with what their policies allow', () => {
    const config = loadGatewayConfig();
    expect(
      config.identities.map((identity) => ({
        name: identity.name,
        accessKeyId: identity.accessKeyId,
        secretAccessKey: identity.secretAccessKey,
        ...(identity.sessionToken ? { sessionToken: identity.sessionToken } : {}),
        may: identity.policy.every(
          (statement) =>
            statement.Effect === 'Allow' && String(statement.Resource).endsWith('/*/POST/*'),
        )
          ? 'POST only'
          : 'everything',
      })),
    ).toEqual(LOCAL_IDENTITIES);
  });

  it('match the default gateway URL that npm start serves', () => {
    const config = loadGatewayConfig();
    expect(DEFAULT_GATEWAY_URL).toBe(`http://127.0.0.1:5174/${config.stage}`);
  });
});
