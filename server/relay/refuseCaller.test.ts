// The relay's guard (refuseCaller): only POST, only at its own address, only from the page served
// there, only JSON. A refused call never reaches the target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RelayRequest } from '../../src/transport/relayProtocol';
import {
  callRelay,
  closeStarted,
  expectFailure,
  expectResponse,
  startRelay,
  startTarget,
  type Relay,
} from './relayTestSupport';

afterAll(closeStarted);

describe('who may use the relay', () => {
  let relay: Relay;
  let target: { url: string; requests: number };
  let request: RelayRequest;
  beforeAll(async () => {
    relay = await startRelay();
    target = await startTarget((_req, res) => res.end('ok'));
    request = { method: 'GET', url: `${target.url}/`, headers: [] };
  });

  it('answers its own page on 127.0.0.1 and localhost', async () => {
    expectResponse(await callRelay(relay, request));
    expectResponse(
      await callRelay(relay, request, {
        host: `localhost:${relay.port}`,
        origin: `http://localhost:${relay.port}`,
      }),
    );
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['another port', 'http://127.0.0.1:1'],
    ['https on the same host', 'https://127.0.0.1:PORT'],
    ['an opaque origin', 'null'],
    ['no Origin at all', null],
  ])('refuses %s as Origin (403 forbidden-origin)', async (_label, origin) => {
    const before = target.requests;
    const call = await callRelay(relay, request, {
      origin: origin?.replace('PORT', String(relay.port)) ?? null,
    });
    expectFailure(call, 403, 'forbidden-origin');
    expect(target.requests).toBe(before);
  });

  it.each([
    ['a rebinding host name', 'evil.example:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
    ['an IPv6 address', '[::1]:PORT'],
    ['the empty string', ''],
  ])('refuses %s as Host (403 forbidden-host)', async (_label, host) => {
    const before = target.requests;
    const call = await callRelay(relay, request, {
      host: host.replace('PORT', String(relay.port)),
    });
    expectFailure(call, 403, 'forbidden-host');
    expect(target.requests).toBe(before);
  });

  it('answers only POST (405)', async () => {
    const call = await callRelay(relay, '', { method: 'GET' });
    expectFailure(call, 405, 'bad-request');
    expect(call.headers.allow).toBe('POST');
  });

  it('refuses the other loopback name as Origin: the page must be where the request goes', async () => {
    const before = target.requests;
    const call = await callRelay(relay, request, {
      host: `127.0.0.1:${relay.port}`,
      origin: `http://localhost:${relay.port}`,
    });
    expectFailure(call, 403, 'forbidden-origin');
    expect(target.requests).toBe(before);
  });

  it('answers when the browser says the request is same-origin (Sec-Fetch-Site)', async () => {
    expectResponse(
      await callRelay(relay, request, { extraHeaders: [['Sec-Fetch-Site', 'same-origin']] }),
    );
  });

  it.each(['cross-site', 'same-site', 'none'])(
    'refuses Sec-Fetch-Site: %s even with the right Origin (403 forbidden-origin)',
    async (site) => {
      const before = target.requests;
      const call = await callRelay(relay, request, { extraHeaders: [['Sec-Fetch-Site', site]] });
      expectFailure(call, 403, 'forbidden-origin');
      expect(target.requests).toBe(before);
    },
  );

  it.each([
    ['text/plain (a simple request another site may send blind)', 'text/plain;charset=UTF-8'],
    ['a form', 'application/x-www-form-urlencoded'],
    ['multipart', 'multipart/form-data; boundary=x'],
    ['none at all', null],
  ])('refuses a body sent as %s (415), even from its own page', async (_label, contentType) => {
    const before = target.requests;
    const call = await callRelay(relay, JSON.stringify(request), { contentType });
    expectFailure(call, 415, 'bad-request');
    expect(target.requests).toBe(before);
  });

  it('takes application/json with parameters, in any case', async () => {
    expectResponse(
      await callRelay(relay, request, { contentType: 'Application/JSON; charset=utf-8' }),
    );
  });
});
