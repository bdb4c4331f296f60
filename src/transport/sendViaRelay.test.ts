import { describe, expect, it } from 'vitest';
import {
  failureOf,
  networkError,
  relayAnswer,
  scriptedFetch,
  signedPost,
} from '../../test-support/transportFakes';
import { IAM_TRACE_REQUEST_HEADER } from './iamDecisionHeader';
import { RELAY_HEADER, type RelayRequest } from './relayProtocol';
import { sendRequest } from './sendRequest';

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
    const outcome = await sendRequest(signedPost, { mode: 'relay', fetchImpl });

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('/relay');
    expect(calls[0]!.init.method).toBe('POST');
    const sent = JSON.parse(calls[0]!.init.body as string) as RelayRequest;
    expect(sent).toEqual({
      method: 'POST',
      url: signedPost.url,
      headers: signedPost.headers,
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

  it('asks a gateway on this machine for its decision trace, after the signed lines, and nothing else', async () => {
    const { fetchImpl, calls } = scriptedFetch(
      () => relayAnswer({ kind: 'failure', error: { type: 'refused', message: 'x' } }, 502),
      () => relayAnswer({ kind: 'failure', error: { type: 'refused', message: 'x' } }, 502),
    );
    const local = { ...signedPost, url: 'http://127.0.0.1:5174/prod/hello' };
    await sendRequest(local, { mode: 'relay', fetchImpl });
    await sendRequest(
      { ...local, headers: [...local.headers, ['X-Playground-IAM-Trace', 'yes']] },
      { mode: 'relay', fetchImpl },
    );
    const sent = calls.map(
      (call) => (JSON.parse(call.init.body as string) as RelayRequest).headers,
    );
    expect(sent[0]).toEqual([...signedPost.headers, [IAM_TRACE_REQUEST_HEADER, '1']]);
    expect(sent[1]).toEqual([...signedPost.headers, ['X-Playground-IAM-Trace', 'yes']]);
  });

  it('sends binary bodies byte for byte, leaves out an empty body and passes the timeout on', async () => {
    const bytes = new Uint8Array([0, 255, 128, 10, 13]);
    const { fetchImpl, calls } = scriptedFetch(
      () => relayAnswer({ kind: 'failure', error: { type: 'refused', message: 'x' } }, 502),
      () => relayAnswer({ kind: 'failure', error: { type: 'refused', message: 'x' } }, 502),
    );
    await sendRequest(
      { ...signedPost, body: bytes },
      { mode: 'relay', fetchImpl, timeoutMs: 1234.4 },
    );
    await sendRequest(
      { ...signedPost, method: 'GET', body: '' },
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
    const failure = failureOf(await sendRequest(signedPost, { mode: 'relay', fetchImpl }));
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
      return failureOf(await sendRequest(signedPost, { mode: 'relay', fetchImpl })).title;
    };
    expect(await title('refused')).toBe('Connection refused');
    expect(await title('timeout')).toBe('Timed out');
    expect(await title('dns')).toBe('Host not found');
  });

  it('says the relay is unreachable when fetch fails, with the npm start advice', async () => {
    const { fetchImpl } = scriptedFetch(networkError);
    const failure = failureOf(await sendRequest(signedPost, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe('relay-unreachable');
    expect(failure.advice).toBe('Start the playground with npm start, or switch to direct.');
  });

  it('says the relay is unreachable when something else answers (vite dev: 404, no relay header)', async () => {
    const { fetchImpl } = scriptedFetch(() => new Response('Not Found', { status: 404 }));
    const failure = failureOf(await sendRequest(signedPost, { mode: 'relay', fetchImpl }));
    expect(failure.kind).toBe('relay-unreachable');
    expect(failure.message).toContain('404');
  });

  it('reports an answer marked as the relay’s that is not a relay result as unreadable', async () => {
    const { fetchImpl } = scriptedFetch(
      () => new Response('<html>', { status: 200, headers: { [RELAY_HEADER]: '1' } }),
    );
    const failure = failureOf(await sendRequest(signedPost, { mode: 'relay', fetchImpl }));
    expect(failure).toMatchObject({ kind: 'network', title: 'Unreadable relay answer' });
  });
});
