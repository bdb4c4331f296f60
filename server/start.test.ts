// npm start's server process, as a user runs it: ports from the environment, both URLs printed,
// a clear message and a non-zero exit when a port is taken, a clean stop on Ctrl-C (SIGINT).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes(text)) {
          clearInterval(timer);
          resolve();
        }
      }, 20);
      void exited.then(() => {
        clearInterval(timer);
        if (output.includes(text)) resolve();
        else reject(new Error(`exited before printing "${text}":\n${output}`));
      });
    });
  return { child, exited, printed, output: () => output };
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('npm start (server/start.ts)', () => {
  it('serves the playground and the gateway on the chosen ports and stops cleanly on SIGINT', async () => {
    const [port, gatewayPort] = [await freePort(), await freePort()];
    const run = start({ PORT: String(port), GATEWAY_PORT: String(gatewayPort) });
    await run.printed('Ctrl-C');
    expect(run.output()).toContain(`http://127.0.0.1:${port}/`);
    expect(run.output()).toContain(`http://127.0.0.1:${gatewayPort}/prod/hello`);

    const config = await fetch(`http://127.0.0.1:${port}/playground-config.json`);
    expect(await config.json()).toEqual({
      gatewayUrl: `http://127.0.0.1:${gatewayPort}/prod`,
      relay: true,
    });
    const unsigned = await fetch(`http://127.0.0.1:${gatewayPort}/prod/hello`);
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
  }, 30_000);

  it('says which port is taken and exits non-zero', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const run = start({ PORT: String(await freePort()), GATEWAY_PORT: String(taken) });
      expect(await run.exited).not.toBe(0);
      expect(run.output()).toContain(`Port ${taken} is already in use`);
    } finally {
      blocker.close();
    }
  }, 30_000);
});
