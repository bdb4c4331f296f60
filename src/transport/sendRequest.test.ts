import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../server/gateway/gatewayServer';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createRelayHandler } from '../../server/relay/relayHandler';
import { failureOf, hang, scriptedFetch, signedPost } from '../../test-support/transportFakes';
import { createSigner } from '../signing';
import { sendRequest, type OutgoingRequest } from './sendRequest';

describe('sendRequest: timeouts, cancels and bugs', () => {
  it('gives the relay the first chance to time out, then times out itself', async () => {
    const { fetchImpl } = scriptedFetch(hang);
    const started = performance.now();
    const failure = failureOf(
      await sendRequest(signedPost, { mode: 'relay', fetchImpl, timeoutMs: 50 }),
    );
    const elapsed = performance.now() - started;
    expect(failure.kind).toBe('timeout');
    expect(failure.title).toBe('Timed out');
    expect(failure.message).toBe('No answer came within 50 ms.');
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
  });

  it('times out after timeoutMs', async () => {
    const { fetchImpl } = scriptedFetch(hang);
    const failure = failureOf(
      await sendRequest(signedPost, { mode: 'direct', fetchImpl, timeoutMs: 30 }),
    );
    expect(failure).toMatchObject({ kind: 'timeout', title: 'Timed out' });
  });

  it('reports a cancel as "Cancelled", before and during the request', async () => {
    const before = new AbortController();
    before.abort();
    const { fetchImpl, calls } = scriptedFetch(hang);
    expect(
      failureOf(
        await sendRequest(signedPost, { mode: 'direct', fetchImpl, signal: before.signal }),
      ),
    ).toMatchObject({ kind: 'network', title: 'Cancelled' });
    expect(calls).toHaveLength(0);

    const during = new AbortController();
    const pending = sendRequest(signedPost, { mode: 'relay', fetchImpl, signal: during.signal });
    setTimeout(() => during.abort(), 10);
    expect(failureOf(await pending)).toMatchObject({ kind: 'network', title: 'Cancelled' });
  });

  it('turns an unexpected throw into a failure instead of rejecting', async () => {
    const fetchImpl = (() => {
      throw new RangeError('boom');
    }) as unknown as typeof fetch;
    const failure = failureOf(await sendRequest(signedPost, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe('relay-unreachable');
  });
});

// ---------------------------------------------------------------------------------------------
// The real relay and the real local API Gateway, on random ports

describe('sendRequest against the relay and the local API Gateway', () => {
  let gateway: RunningServer;
  let app: Server;
  let appUrl: string;
  const signer = createSigner({ crypto: nodeSigningCrypto });

  beforeAll(async () => {
    gateway = await startGateway({ config: loadGatewayConfig(), port: 0, log: () => {} });
    let port = 0;
    const relay = createRelayHandler({ port: () => port, log: () => {} });
    app = createServer(relay);
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    port = (app.address() as AddressInfo).port;
    appUrl = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    app.closeAllConnections();
    await new Promise((resolve) => app.close(resolve));
    await gateway.close();
  });

  /** Node's fetch, resolving the relay path against the app and adding the Origin a page sends. */
  const pageFetch = ((input: RequestInfo | URL, init: RequestInit = {}) =>
    fetch(new URL(String(input), appUrl), {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Origin: appUrl },
    })) as typeof fetch;

  async function signed(url: string): Promise<OutgoingRequest> {
    const body = '{"hello":"world"}';
    const result = await signer.signRequest({
      method: 'POST',
      url,
      headers: [['content-type', 'application/json']],
      body,
      credentials: {
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
      },
      region: 'ca-central-1',
      service: 'execute-api',
      signingDate: new Date(),
    });
    return { method: 'POST', url: result.url, headers: result.headers, body };
  }

  it('gets the gateway’s 200 through the relay', async () => {
    const outcome = await sendRequest(await signed(`${gateway.url}/prod/hello`), {
      mode: 'relay',
      fetchImpl: pageFetch,
    });
    if (outcome.kind !== 'response') throw new Error(JSON.stringify(outcome));
    expect(outcome.answer.status).toBe(200);
    expect(new TextDecoder().decode(outcome.answer.body)).toBe(
      JSON.stringify(
        'arn:aws:iam::850047500507:user/demo sent a POST with body: {"hello":"world"}',
      ),
    );
    expect(outcome.answer.via).toBe('relay');
  });

  it('gets the same 200 directly (Node has no CORS)', async () => {
    const outcome = await sendRequest(await signed(`${gateway.url}/prod/hello`), {
      mode: 'direct',
    });
    if (outcome.kind !== 'response') throw new Error(JSON.stringify(outcome));
    expect(outcome.answer.status).toBe(200);
    expect(outcome.answer.via).toBe('direct');
  });

  it('reports a port where nothing listens as "Connection refused" through the relay', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const failure = failureOf(
      await sendRequest(await signed(`http://127.0.0.1:${port}/prod/hello`), {
        mode: 'relay',
        fetchImpl: pageFetch,
      }),
    );
    expect(failure).toMatchObject({
      kind: 'refused',
      title: 'Connection refused',
      code: 'ECONNREFUSED',
    });
  });

  it('reports a page from another origin as refused by the relay', async () => {
    const otherOrigin = ((input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(new URL(String(input), appUrl), {
        ...init,
        headers: { ...(init.headers as Record<string, string>), Origin: 'http://evil.example' },
      })) as typeof fetch;
    const failure = failureOf(
      await sendRequest(await signed(`${gateway.url}/prod/hello`), {
        mode: 'relay',
        fetchImpl: otherOrigin,
      }),
    );
    expect(failure.kind).toBe('relay-refused');
  });
});
