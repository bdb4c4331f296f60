// What the relay accepts before it sends anything: the envelope within the body limit
// (readEnvelope), its fields (parseRelayRequest) and a target that can go on the wire exactly as
// signed (prepareTarget).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RELAY_PATH,
  type RelayFailure,
  type RelayRequest,
} from '../../src/transport/relayProtocol';
import {
  b64,
  callRelay,
  closeStarted,
  expectFailure,
  expectResponse,
  readAll,
  startRelay,
  startTarget,
  type Relay,
} from './relayTestSupport';

afterAll(closeStarted);

describe('what the relay accepts', () => {
  const LIMIT = 1024;
  let relay: Relay;
  let target: { url: string; requests: number };
  beforeAll(async () => {
    relay = await startRelay({ maxBodyBytes: LIMIT });
    target = await startTarget((req, res) => {
      void readAll(req).then((body) => res.end(body));
    });
  });

  it('carries a body of exactly the limit', async () => {
    const body = new Uint8Array(LIMIT).fill(7);
    const response = expectResponse(
      await callRelay(relay, {
        method: 'PUT',
        url: target.url,
        headers: [],
        bodyBase64: b64(body),
      }),
    );
    expect(response.bodyBase64).toBe(b64(body));
  });

  it('refuses a body one byte over the limit (413), naming the limit', async () => {
    const before = target.requests;
    const body = new Uint8Array(LIMIT + 1);
    const call = await callRelay(relay, {
      method: 'PUT',
      url: target.url,
      headers: [],
      bodyBase64: b64(body),
    });
    const error = expectFailure(call, 413, 'body-too-large');
    expect(error.message).toContain('1024 bytes (0.001 MiB)');
    expect(target.requests).toBe(before);
  });

  it('says the default limit in MiB', async () => {
    const big = await startRelay();
    const body = Buffer.alloc(10 * 1024 * 1024 + 3);
    const error = expectFailure(
      await callRelay(big, { method: 'PUT', url: target.url, headers: [], bodyBase64: b64(body) }),
      413,
      'body-too-large',
    );
    expect(error.message).toContain('limit of 10 MiB');
  });

  it('answers 413 before the upload ends, without reading it all', async () => {
    const answer = await new Promise<{ status: number; result: RelayFailure }>(
      (resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: relay.port,
            method: 'POST',
            path: RELAY_PATH,
            headers: { Host: relay.host, Origin: relay.origin, 'Content-Type': 'application/json' },
            agent: false,
          },
          (res) => {
            void readAll(res).then((data) => {
              resolve({ status: res.statusCode ?? 0, result: JSON.parse(data.toString()) });
              req.destroy();
            }, reject);
          },
        );
        req.on('error', () => {});
        // Chunked, no length: far more than the limit, and never ended.
        req.write(`{"method":"PUT","url":"${target.url}","headers":[],"bodyBase64":"`);
        req.write('A'.repeat(1024 * 1024 + 16 * 1024));
      },
    );
    expect(answer.status).toBe(413);
    expect(answer.result.error.type).toBe('body-too-large');
  });

  it.each([
    ['malformed JSON', '{"method":', /not valid JSON/],
    ['a JSON array', '[]', /JSON object/],
    ['no url', JSON.stringify({ method: 'GET', headers: [] }), /"url"/],
    ['no method', JSON.stringify({ url: 'http://127.0.0.1:1/', headers: [] }), /"method"/],
    ['no headers', JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:1/' }), /"headers"/],
    [
      'a header that is not a pair',
      JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:1/', headers: [['a', 'b'], ['c']] }),
      /"headers\[1\]"/,
    ],
    [
      'a file: URL',
      JSON.stringify({ method: 'GET', url: 'file:///etc/passwd', headers: [] }),
      /"url" must start with http/,
    ],
    [
      'a relative URL',
      JSON.stringify({ method: 'GET', url: '/prod/hello', headers: [] }),
      /"url" must start with http/,
    ],
    [
      'a URL without a host',
      JSON.stringify({ method: 'GET', url: 'http:///x', headers: [] }),
      /no host/,
    ],
    [
      'invalid Base64',
      JSON.stringify({ method: 'PUT', url: 'http://127.0.0.1:1/', headers: [], bodyBase64: 'a$b' }),
      /"bodyBase64"/,
    ],
    [
      'a timeout of 0',
      JSON.stringify({ method: 'GET', url: 'http://127.0.0.1:1/', headers: [], timeoutMs: 0 }),
      /"timeoutMs"/,
    ],
  ])('refuses %s (400 bad-request, naming the field)', async (_label, body, message) => {
    const error = expectFailure(await callRelay(relay, body), 400, 'bad-request');
    expect(error.message).toMatch(message);
  });

  it.each([
    ['a lower-case method', { method: 'post' }, /upper case.*"POST"/],
    ['a method that is not a token', { method: 'GE T' }, /not a valid HTTP method/],
    ['a space in the path', { url: 'PATH/a b' }, /a space/],
    ['a non-ASCII path', { url: 'PATH/caf\u00e9' }, /non-ASCII character "\u00e9"/],
    ['a header name with a space', { headers: [['X Y', '1']] }, /headers\[0\].*not a valid/],
    ['a line break in a value', { headers: [['X-A', 'a\r\nX-Injected: 1']] }, /line break/],
    ['a wrong Content-Length', { headers: [['Content-Length', '2']] }, /does not match/],
    [
      'Content-Length with Transfer-Encoding',
      {
        headers: [
          ['Content-Length', '3'],
          ['Transfer-Encoding', 'chunked'],
        ],
      },
      /both/,
    ],
    ['Transfer-Encoding gzip', { headers: [['Transfer-Encoding', 'gzip']] }, /chunked/],
  ] satisfies Array<[string, Partial<RelayRequest>, RegExp]>)(
    'refuses %s (400 invalid-target) without sending anything',
    async (_label, change, message) => {
      const before = target.requests;
      const request: RelayRequest = {
        method: 'POST',
        url: `${target.url}/`,
        headers: [],
        bodyBase64: b64('abc'),
        ...change,
      };
      request.url = request.url.replace('PATH', target.url);
      const error = expectFailure(await callRelay(relay, request), 400, 'invalid-target');
      expect(error.message).toMatch(message);
      expect(target.requests).toBe(before);
    },
  );

  it('sends a chunked body when the page asks for it', async () => {
    const response = expectResponse(
      await callRelay(relay, {
        method: 'POST',
        url: target.url,
        headers: [['Transfer-Encoding', 'chunked']],
        bodyBase64: b64('chunked body'),
      }),
    );
    expect(Buffer.from(response.bodyBase64, 'base64').toString()).toBe('chunked body');
  });
});
