// The handler around the steps: when the page goes away, the upstream request goes too.
import { request as httpRequest } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { RELAY_PATH } from '../../src/transport/relayProtocol';
import { closeStarted, startRelay, startTcp } from './relayTestSupport';

afterAll(closeStarted);

describe('when the page goes away', () => {
  it('closes the upstream connection too', async () => {
    const relay = await startRelay();
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const port = await startTcp((socket) => {
      socket.on('close', () => upstreamClosed());
      socket.resume(); // read, so the relay's close arrives
    });
    const body = JSON.stringify({
      method: 'GET',
      url: `http://127.0.0.1:${port}/slow`,
      headers: [],
      timeoutMs: 20_000,
    });
    const req = httpRequest({
      host: '127.0.0.1',
      port: relay.port,
      method: 'POST',
      path: RELAY_PATH,
      headers: { Origin: relay.origin, 'Content-Type': 'application/json' },
      agent: false,
    });
    req.on('error', () => {});
    req.end(body);
    setTimeout(() => req.destroy(), 100);
    await closed;
    await expect.poll(() => relay.lines.at(-1)).toMatch(/ network PAGE_CLOSED \d+ms$/);
  });
});
