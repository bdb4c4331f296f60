import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../server/gateway/gatewayServer';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { createRelayHandler } from '../../server/relay/relayHandler';
import { createSigner } from '../signing';
import { RELAY_HEADER, type RelayRequest, type RelayResult } from './relayProtocol';
import {
  sendRequest,
  splitBrowserHeaders,
  type OutgoingRequest,
  type SendOutcome,
  type TransportFailure,
} from './sendRequest';
import { isForbiddenRequestHeader } from './forbiddenHeaders';

interface FetchCall {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a script, one step per call, and records what it was asked. */
function scriptedFetch(...steps: Array<(call: FetchCall) => Response | Promise<Response>>) {
  const calls: FetchCall[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    const step = steps[calls.length - 1];
    if (!step) throw new Error(`unexpected fetch #${calls.length} to ${call.url}`);
    return step(call);
  }) as typeof fetch;
  return { fetchImpl, calls };
}

const networkError = (): never => {
  throw new TypeError('Failed to fetch');
};

/** Never settles until aborted, like a server that does not answer. */
const hang = (call: FetchCall) =>
  new Promise<Response>((_, reject) => {
    const signal = call.init.signal!;
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

function relayAnswer(result: RelayResult, status = 200): Response {
  return new Response(JSON.stringify(result), {
    status,
    headers: { 'content-type': 'application/json', [RELAY_HEADER]: '1' },
  });
}

function failureOf(outcome: SendOutcome): TransportFailure {
  if (outcome.kind !== 'failure') throw new Error(`expected a failure, got ${outcome.kind}`);
  return outcome.failure;
}

const request: OutgoingRequest = {
  method: 'POST',
  url: 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?a=b%20c',
  headers: [
    ['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com'],
    ['Content-Type', 'application/json'],
    ['Content-Length', '17'],
    ['X-Amz-Date', '20150830T123600Z'],
    ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/...'],
  ],
  body: '{"hello":"world"}',
};

describe('sendRequest through the relay', () => {
  it('posts the request as a RelayRequest to /relay, body in Base64, and maps the answer', async () => {
    const { fetchImpl, calls } = scriptedFetch(() =>
      relayAnswer({
        kind: 'response',
        status: 403,
        statusText: 'Forbidden',
        headers: [
          ['Content-Type', 'application/json'],
          ['x-amzn-ErrorType', 'AccessDeniedException'],
        ],
        bodyBase64: btoa('{"Message":"no"}'),
        timings: { firstByteMs: 3, totalMs: 4.5 },
      }),
    );
    const outcome = await sendRequest(request, { mode: 'relay', fetchImpl });

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/relay');
    expect(calls[0]!.init.method).toBe('POST');
    const sent = JSON.parse(calls[0]!.init.body as string) as RelayRequest;
    expect(sent).toEqual({
      method: 'POST',
      url: request.url,
      headers: request.headers,
      bodyBase64: btoa('{"hello":"world"}'),
      timeoutMs: 30_000,
    });
    expect(outcome).toEqual({
      kind: 'response',
      answer: {
        status: 403,
        statusText: 'Forbidden',
        headers: [
          ['Content-Type', 'application/json'],
          ['x-amzn-ErrorType', 'AccessDeniedException'],
        ],
        body: new TextEncoder().encode('{"Message":"no"}'),
        timeMs: 4.5,
        sizeBytes: 16,
        via: 'relay',
      },
    });
  });

  it('sends binary bodies byte for byte, leaves out an empty body and passes the timeout on', async () => {
    const bytes = new Uint8Array([0, 255, 128, 10, 13]);
    const { fetchImpl, calls } = scriptedFetch(
      () => relayAnswer({ kind: 'failure', error: { type: 'refused', message: 'x' } }, 502),
      () => relayAnswer({ kind: 'failure', error: { type: 'refused', message: 'x' } }, 502),
    );
    await sendRequest({ ...request, body: bytes }, { mode: 'relay', fetchImpl, timeoutMs: 1234.4 });
    await sendRequest(
      { ...request, method: 'GET', body: '' },
      { mode: 'relay', fetchImpl, relayUrl: 'http://127.0.0.1:9/relay' },
    );
    const first = JSON.parse(calls[0]!.init.body as string) as RelayRequest;
    expect(first.bodyBase64).toBe('AP+ACg0=');
    expect(first.timeoutMs).toBe(1234);
    const second = JSON.parse(calls[1]!.init.body as string) as RelayRequest;
    expect(calls[1]!.url).toBe('http://127.0.0.1:9/relay');
    expect('bodyBase64' in second).toBe(false);
  });

  it.each([
    ['forbidden-origin', 'relay-refused'],
    ['forbidden-host', 'relay-refused'],
    ['bad-request', 'invalid-request'],
    ['invalid-target', 'invalid-request'],
    ['body-too-large', 'body-too-large'],
    ['response-too-large', 'response-too-large'],
    ['dns', 'dns'],
    ['refused', 'refused'],
    ['reset', 'reset'],
    ['tls', 'tls'],
    ['timeout', 'timeout'],
    ['network', 'network'],
    ['internal', 'network'],
  ] as const)('maps the relay error %s to the failure kind %s', async (type, kind) => {
    const message = 'Nothing is listening at 127.0.0.1:9 (connection refused).';
    const { fetchImpl } = scriptedFetch(() =>
      relayAnswer({ kind: 'failure', error: { type, message, code: 'ECONNREFUSED' } }, 502),
    );
    const failure = failureOf(await sendRequest(request, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe(kind);
    expect(failure.message).toBe(message);
    expect(failure.code).toBe('ECONNREFUSED');
    expect(failure.title).not.toBe('');
    expect(failure.advice).toMatch(/\.$/);
  });

  it('titles the common failures the way the page shows them', async () => {
    const title = async (type: 'refused' | 'timeout' | 'dns') => {
      const { fetchImpl } = scriptedFetch(() =>
        relayAnswer({ kind: 'failure', error: { type, message: 'm' } }, 502),
      );
      return failureOf(await sendRequest(request, { mode: 'relay', fetchImpl })).title;
    };
    expect(await title('refused')).toBe('Connection refused');
    expect(await title('timeout')).toBe('Timed out');
    expect(await title('dns')).toBe('Host not found');
  });

  it('says the relay is unreachable when fetch fails, with the npm start advice', async () => {
    const { fetchImpl } = scriptedFetch(networkError);
    const failure = failureOf(await sendRequest(request, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe('relay-unreachable');
    expect(failure.advice).toBe('Start the playground with npm start, or switch to direct.');
  });

  it('says the relay is unreachable when something else answers (vite dev: 404, no relay header)', async () => {
    const { fetchImpl } = scriptedFetch(() => new Response('Not Found', { status: 404 }));
    const failure = failureOf(await sendRequest(request, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe('relay-unreachable');
    expect(failure.message).toContain('404');
  });

  it('reports an answer marked as the relay’s that is not a relay result as unreadable', async () => {
    const { fetchImpl } = scriptedFetch(
      () => new Response('<html>', { status: 200, headers: { [RELAY_HEADER]: '1' } }),
    );
    const failure = failureOf(await sendRequest(request, { mode: 'relay', fetchImpl }));
    expect(failure).toMatchObject({ kind: 'network', title: 'Unreadable relay answer' });
  });

  it('gives the relay the first chance to time out, then times out itself', async () => {
    const { fetchImpl } = scriptedFetch(hang);
    const started = performance.now();
    const failure = failureOf(
      await sendRequest(request, { mode: 'relay', fetchImpl, timeoutMs: 50 }),
    );
    const elapsed = performance.now() - started;
    expect(failure.kind).toBe('timeout');
    expect(failure.title).toBe('Timed out');
    expect(failure.message).toBe('No answer came within 50 ms.');
    expect(elapsed).toBeGreaterThanOrEqual(1_500);
  });
});

describe('sendRequest directly', () => {
  it('fetches with the headers a browser may set, manual redirects and no cache', async () => {
    const { fetchImpl, calls } = scriptedFetch(
      () =>
        new Response('"ok"', {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r-1' },
        }),
    );
    const outcome = await sendRequest(request, { mode: 'direct', fetchImpl });

    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(request.url);
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"hello":"world"}',
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
    });
    // Host and Content-Length go out with the same values, set by the browser itself.
    expect([...(init.headers as Headers)]).toEqual([
      ['authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/...'],
      ['content-type', 'application/json'],
      ['x-amz-date', '20150830T123600Z'],
    ]);
    if (outcome.kind !== 'response') throw new Error(JSON.stringify(outcome));
    expect(outcome.answer).toMatchObject({
      status: 200,
      statusText: 'OK',
      headers: [
        ['content-type', 'application/json'],
        ['x-amzn-requestid', 'r-1'],
      ],
      body: new TextEncoder().encode('"ok"'),
      sizeBytes: 4,
      via: 'direct',
    });
    expect(outcome.answer.timeMs).toBeGreaterThanOrEqual(0);
  });

  it('calls a failed fetch CORS when a no-cors probe of the same URL gets an answer', async () => {
    const { fetchImpl, calls } = scriptedFetch(networkError, () => new Response(null));
    const failure = failureOf(await sendRequest(request, { mode: 'direct', fetchImpl }));
    expect(calls[1]!.url).toBe(request.url);
    expect(calls[1]!.init).toMatchObject({ mode: 'no-cors', method: 'HEAD' });
    expect(failure.kind).toBe('cors');
    expect(failure.title).toBe('Blocked by CORS');
    expect(failure.message).toContain('https://42mydti3lg.execute-api.ca-central-1.amazonaws.com');
    for (const needed of [
      'Access-Control-Allow-Origin',
      'Authorization',
      'X-Amz-Date',
      'X-Amz-Security-Token',
      'X-Amz-Content-Sha256',
      'Content-Type',
      'x-amzn-ErrorType',
      'x-amzn-RequestId',
      'relay',
    ]) {
      expect(failure.advice).toContain(needed);
    }
  });

  it('calls it a network failure when the probe fails too', async () => {
    const { fetchImpl } = scriptedFetch(networkError, networkError);
    const failure = failureOf(await sendRequest(request, { mode: 'direct', fetchImpl }));
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(
      /could not connect .*: the host does not resolve, nothing listens there, or it is offline\./,
    );
  });

  it('refuses what a browser cannot send, before fetching', async () => {
    const { fetchImpl, calls } = scriptedFetch();
    const kinds = await Promise.all(
      [
        { ...request, method: 'GET' },
        { ...request, method: 'TRACE', body: undefined },
        { ...request, url: '/relative' },
        { ...request, url: 'ftp://example.com/' },
        { ...request, headers: [['X-Note', 'line\nbreak']] as Array<[string, string]> },
      ].map(async (bad) => failureOf(await sendRequest(bad, { mode: 'direct', fetchImpl })).kind),
    );
    expect(kinds).toEqual(Array(5).fill('invalid-request'));
    expect(calls).toHaveLength(0);
  });

  it('sends GET with an empty body as no body', async () => {
    const { fetchImpl, calls } = scriptedFetch(() => new Response(''));
    const outcome = await sendRequest(
      { ...request, method: 'GET', body: new Uint8Array(0) },
      { mode: 'direct', fetchImpl },
    );
    expect(outcome.kind).toBe('response');
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('reports a redirect, which the browser hides from the page', async () => {
    const opaque = new Response(null);
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const { fetchImpl } = scriptedFetch(() => opaque);
    const failure = failureOf(await sendRequest(request, { mode: 'direct', fetchImpl }));
    expect(failure).toMatchObject({ kind: 'network', title: 'Redirected' });
  });

  it('times out after timeoutMs', async () => {
    const { fetchImpl } = scriptedFetch(hang);
    const failure = failureOf(
      await sendRequest(request, { mode: 'direct', fetchImpl, timeoutMs: 30 }),
    );
    expect(failure).toMatchObject({ kind: 'timeout', title: 'Timed out' });
  });

  it('reports a cancel as "Cancelled", before and during the request', async () => {
    const before = new AbortController();
    before.abort();
    const { fetchImpl, calls } = scriptedFetch(hang);
    expect(
      failureOf(await sendRequest(request, { mode: 'direct', fetchImpl, signal: before.signal })),
    ).toMatchObject({ kind: 'network', title: 'Cancelled' });
    expect(calls).toHaveLength(0);

    const during = new AbortController();
    const pending = sendRequest(request, { mode: 'relay', fetchImpl, signal: during.signal });
    setTimeout(() => during.abort(), 10);
    expect(failureOf(await pending)).toMatchObject({ kind: 'network', title: 'Cancelled' });
  });

  it('turns an unexpected throw into a failure instead of rejecting', async () => {
    const fetchImpl = (() => {
      throw new RangeError('boom');
    }) as unknown as typeof fetch;
    const failure = failureOf(await sendRequest(request, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe('relay-unreachable');
  });
});

describe('isForbiddenRequestHeader', () => {
  it('knows the names a browser sets itself or never sends', () => {
    for (const name of [
      'Host',
      'content-length',
      'Connection',
      'Date',
      'Cookie',
      'Sec-Fetch-Mode',
      'Proxy-Authorization',
    ]) {
      expect(isForbiddenRequestHeader(name), name).toBe(true);
    }
    for (const name of ['Authorization', 'X-Amz-Date', 'X-Amz-Security-Token', 'Content-Type']) {
      expect(isForbiddenRequestHeader(name), name).toBe(false);
    }
  });

  it('forbids method overrides only to forbidden methods', () => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'trace')).toBe(true);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT')).toBe(false);
  });
});

describe('splitBrowserHeaders', () => {
  it('keeps order and tells which headers the browser drops', () => {
    expect(splitBrowserHeaders(request.headers)).toEqual({
      sendable: [
        ['Content-Type', 'application/json'],
        ['X-Amz-Date', '20150830T123600Z'],
        ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/...'],
      ],
      dropped: [
        ['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com'],
        ['Content-Length', '17'],
      ],
    });
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
