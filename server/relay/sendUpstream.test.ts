// The relay carries a signed request byte-exactly (prepareTarget, sendUpstream): the local API
// Gateway's echo route and raw sockets on 127.0.0.1 see exactly the bytes that were signed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  b64,
  BINARY_BODY,
  callRelay,
  closeStarted,
  expectResponse,
  header,
  startEchoGateway,
  startRelay,
  startTarget,
  startTcp,
  type EchoBody,
  type EchoGateway,
  type Relay,
} from './relayTestSupport';

afterAll(closeStarted);

let gateway: EchoGateway;
beforeAll(async () => {
  gateway = await startEchoGateway();
});

describe('carrying a signed request byte-exactly', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay();
  });

  it('sends the raw target, header lines and body bytes exactly as signed, and the gateway accepts them', async () => {
    const path = '/prod/items/a%20b/c+d/%7Euser?b=1+2&a=x&a=y&a=&flag&sp=%20';
    const relayRequest = await gateway.signedRelayRequest({
      path,
      headers: [
        // Host as a real API's, not the URL's: the relay must not derive it from the URL.
        ['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com'],
        ['Content-Type', 'application/octet-stream'],
        ['X-Custom-Thing', 'one'],
        ['x-custom-thing', 'two'],
        ['X-CASE-Kept', 'value'],
      ],
      body: BINARY_BODY,
    });
    const response = expectResponse(await callRelay(relay, relayRequest));
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    const echo = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as EchoBody;
    expect(echo.caller).toBe(gateway.identity('demo').arn);
    expect(echo.method).toBe('POST');
    expect(echo.target).toBe(path);
    // Every line as given, in order, names in their case, repeats kept; then what the relay and
    // Node add: the body's length (the page gave none) and Node's Connection: keep-alive.
    expect(echo.headers).toEqual([
      ...relayRequest.headers,
      ['Content-Length', String(BINARY_BODY.length)],
      ['Connection', 'keep-alive'],
    ]);
    expect(echo.headers[0]).toEqual(['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com']);
    expect(echo.bodyBase64).toBe(b64(BINARY_BODY));

    // The gateway's own header lines come back as sent, with timings from the socket.
    expect(header(response.headers, 'x-amzn-RequestId')?.[0]).toBe('x-amzn-RequestId');
    expect(response.timings.connectMs).toBeGreaterThanOrEqual(0);
    expect(response.timings.dnsMs).toBeUndefined(); // an IP literal needs no lookup
    expect(response.timings.tlsMs).toBeUndefined();
    expect(response.timings.firstByteMs).toBeGreaterThanOrEqual(response.timings.connectMs!);
    expect(response.timings.totalMs).toBeGreaterThanOrEqual(response.timings.firstByteMs);
  });

  it('puts exactly these bytes on the wire: request line, header lines, body', async () => {
    let received = Buffer.alloc(0);
    const port = await startTcp((socket) => {
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk]);
        const headEnd = received.indexOf('\r\n\r\n');
        if (headEnd >= 0 && received.length >= headEnd + 4 + 3) {
          socket.end('HTTP/1.1 204 No Content\r\n\r\n');
        }
      });
    });
    const response = expectResponse(
      await callRelay(relay, {
        method: 'PATCH',
        url: `http://user:pw@127.0.0.1:${port}/a%2Fb/./../%7e/c+d?x=1+2&x=3&=&%zz#fragment`,
        headers: [
          ['HOST', 'Example.COM:8080'],
          ['x-amz-date', '20250601T120000Z'],
          ['X-Padded', '  two  spaces  '],
          ['X-Tab', '\tvalue\t'],
          ['X-Empty', ''],
          ['X-Latin1', 'caf\u00e9'],
          ['x-dup', 'a'],
          ['X-Dup', 'b'],
          ['x-dup', 'a'],
        ],
        bodyBase64: b64(new Uint8Array([0x00, 0xff, 0x0a])),
      }),
    );
    expect(response.status).toBe(204);
    expect(received.toString('latin1')).toBe(
      [
        'PATCH /a%2Fb/./../%7e/c+d?x=1+2&x=3&=&%zz HTTP/1.1',
        'HOST: Example.COM:8080',
        'x-amz-date: 20250601T120000Z',
        'X-Padded:   two  spaces  ',
        'X-Tab: \tvalue\t',
        'X-Empty: ',
        'X-Latin1: caf\u00e9',
        'x-dup: a',
        'X-Dup: b',
        'x-dup: a',
        'Content-Length: 3',
        'Connection: keep-alive',
        '',
        '\u0000\u00ff\n',
      ].join('\r\n'),
    );
  });

  it("keeps the page's own Content-Length and Connection lines instead of adding them", async () => {
    const relayRequest = await gateway.signedRelayRequest({
      headers: [
        ['content-length', String(BINARY_BODY.length)],
        ['connection', 'close'],
      ],
      body: BINARY_BODY,
    });
    const response = expectResponse(await callRelay(relay, relayRequest));
    const echo = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as EchoBody;
    expect(response.status).toBe(200);
    expect(echo.headers).toEqual(relayRequest.headers);
  });

  it('adds the Host a browser would send when the page gives none', async () => {
    const relayRequest = await gateway.signedRelayRequest({ identity: 'temp' });
    const withoutHost = relayRequest.headers.filter(([name]) => name.toLowerCase() !== 'host');
    const target = await startTarget((req, res) => {
      res.end(JSON.stringify(req.rawHeaders));
    });
    const response = expectResponse(
      await callRelay(relay, { ...relayRequest, url: `${target.url}/x`, headers: withoutHost }),
    );
    const raw = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as string[];
    expect(raw.slice(0, 2)).toEqual(['Host', target.url.slice('http://'.length)]);
  });

  it('sends GET without a body and without Content-Length, like a browser', async () => {
    const relayRequest = await gateway.signedRelayRequest({ method: 'GET', identity: 'temp' });
    const response = expectResponse(await callRelay(relay, relayRequest));
    const echo = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as EchoBody;
    expect(response.status).toBe(200);
    expect(echo.headers).toEqual([...relayRequest.headers, ['Connection', 'keep-alive']]);
  });

  it("returns the gateway's 403 (wrong secret) as a response, with x-amzn-ErrorType intact", async () => {
    const relayRequest = await gateway.signedRelayRequest({
      secret: 'not-the-secret',
      body: BINARY_BODY,
    });
    const response = expectResponse(await callRelay(relay, relayRequest));
    expect(response.status).toBe(403);
    expect(response.statusText).toBe('Forbidden');
    expect(header(response.headers, 'x-amzn-ErrorType')).toEqual([
      'x-amzn-ErrorType',
      'InvalidSignatureException',
    ]);
    const body = JSON.parse(Buffer.from(response.bodyBase64, 'base64').toString()) as {
      message: string;
    };
    expect(body.message).toMatch(/signature we calculated does not match/);
  });

  it('logs one line per request with no header, query, token or body', async () => {
    const before = relay.lines.length;
    const relayRequest = await gateway.signedRelayRequest({
      identity: 'temp',
      path: '/prod/secret-path?X-Query-Secret=hush',
      body: new TextEncoder().encode('body-secret'),
    });
    expectResponse(await callRelay(relay, relayRequest));
    const lines = relay.lines.slice(before);
    expect(lines).toHaveLength(1);
    const [line] = lines;
    expect(line).toMatch(/^relay POST http:\/\/127\.0\.0\.1:\d+\/prod\/secret-path 200 \d+ms$/);
    const authorization = header(relayRequest.headers, 'authorization')![1];
    const token = gateway.identity('temp').sessionToken!;
    for (const secret of [authorization, authorization.slice(-64), token, 'hush', 'body-secret']) {
      expect(line).not.toContain(secret);
    }
  });

  it('returns a redirect as it is, without following it', async () => {
    const target = await startTarget((_req, res) => {
      res.writeHead(302, { Location: '/elsewhere', 'X-From': 'target' });
      res.end('moved');
    });
    const response = expectResponse(
      await callRelay(relay, { method: 'GET', url: `${target.url}/start`, headers: [] }),
    );
    expect(response.status).toBe(302);
    expect(response.statusText).toBe('Found');
    expect(header(response.headers, 'Location')).toEqual(['Location', '/elsewhere']);
    expect(Buffer.from(response.bodyBase64, 'base64').toString()).toBe('moved');
    expect(target.requests).toBe(1);
  });

  it('returns duplicate and oddly cased response header lines as the target sent them', async () => {
    const port = await startTcp((socket) => {
      socket.once('data', () => {
        socket.end(
          'HTTP/1.1 418 Short And Stout\r\nX-Dup: 1\r\nx-dup: 2\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nContent-Length: 3\r\n\r\n\u00ff\u0000\u0080',
          'latin1',
        );
      });
    });
    const response = expectResponse(
      await callRelay(relay, { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [] }),
    );
    expect(response.status).toBe(418);
    expect(response.statusText).toBe('Short And Stout');
    expect(response.headers).toEqual([
      ['X-Dup', '1'],
      ['x-dup', '2'],
      ['Set-Cookie', 'a=1'],
      ['Set-Cookie', 'b=2'],
      ['Content-Length', '3'],
    ]);
    expect(response.bodyBase64).toBe(b64(new Uint8Array([0xff, 0x00, 0x80])));
  });
});

describe('connections to a target', () => {
  let relay: Relay;
  beforeAll(async () => {
    relay = await startRelay();
  });
  const ok = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok';
  const get = (port: number) =>
    callRelay(relay, { method: 'GET', url: `http://127.0.0.1:${port}/`, headers: [] });

  it('are reused from one request to the next, as a browser reuses them', async () => {
    let connections = 0;
    const port = await startTcp((socket) => {
      connections++;
      socket.on('data', () => socket.write(ok));
    });
    for (let i = 0; i < 3; i++) expect(expectResponse(await get(port)).status).toBe(200);
    expect(connections).toBe(1);
  });

  it('are opened afresh when the target closed a reused one before answering, and the request sent once more', async () => {
    const requestsPerConnection: number[] = [];
    const port = await startTcp((socket) => {
      const connection = requestsPerConnection.push(0) - 1;
      socket.on('data', () => {
        requestsPerConnection[connection]! += 1;
        // The first connection answers once, then closes as the second request arrives.
        if (connection === 0 && requestsPerConnection[0] === 2) socket.destroy();
        else socket.write(ok);
      });
    });
    expect(expectResponse(await get(port)).status).toBe(200);
    expect(expectResponse(await get(port)).status).toBe(200);
    expect(requestsPerConnection).toEqual([2, 1]);
  });

  it('are not tried again when a fresh connection fails: the target may have acted on the request', async () => {
    let connections = 0;
    const port = await startTcp((socket) => {
      connections++;
      socket.on('data', () => socket.destroy());
    });
    const call = await get(port);
    expect(call.status).not.toBe(200);
    expect(connections).toBe(1);
  });
});
