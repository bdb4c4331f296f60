// npm start's server process, as a user runs it: ports from the environment, both URLs printed,
// a clear message and a non-zero exit when a port is taken, a clean stop on Ctrl-C (SIGINT), and
// the local API Gateway in a child process of its own, so that a frozen or crashed gateway does
// not take the page and the relay with it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_RESTARTS } from './gatewayProcess';
import { freePort } from '../test-support/freePort';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];

function start(env: Record<string, string>, args: readonly string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A process group of its own, as in a terminal, where Ctrl-C signals the whole group.
    detached: true,
  });
  children.push(child);
  let output = '';
  /** Checks of the waiting printed() calls, run on every chunk of output. */
  const waiting = new Set<() => void>();
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    for (const check of [...waiting]) check();
  };
  child.stdout!.on('data', onOutput);
  child.stderr!.on('data', onOutput);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const timesPrinted = (text: string) => output.split(text).length - 1;
  /** Resolves once `text` has been printed `times` times in all. */
  const printed = (text: string, times = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (timesPrinted(text) < times) return;
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
      void exited.then(() => {
        if (!waiting.delete(check)) return;
        if (timesPrinted(text) >= times) resolve();
        else reject(new Error(`exited before printing "${text}" ${times}×:\n${output}`));
      });
    });
  /** Ctrl-C in a terminal: SIGINT to every process of the group, the gateway included. */
  const pressCtrlC = () => process.kill(-child.pid!, 'SIGINT');
  /** A supervisor stopping the group (Playwright's webServer, a service manager). */
  const terminateGroup = () => process.kill(-child.pid!, 'SIGTERM');
  return { child, exited, printed, pressCtrlC, terminateGroup, output: () => output };
}

/** Processes started by the ones under test (the gateway), killed after each test whatever happens. */
const grandchildren: number[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const pid of grandchildren.splice(0)) {
    try {
      // Only if that pid is still one of our gateways, not a process that reused the number.
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gatewayChild.ts')) {
        process.kill(pid, 'SIGKILL');
      }
    } catch {
      // already gone
    }
  }
});

/** The processes `pid` started: npm start's gateway. */
function childProcesses(pid: number): number[] {
  let listing = '';
  try {
    listing = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when there are none
  }
  const pids = listing
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map(Number);
  grandchildren.push(...pids);
  return pids;
}

/** npm start's one child process: the gateway. */
function gatewayPid(parent: ChildProcess): number {
  const pids = childProcesses(parent.pid!);
  expect(pids, 'npm start runs the gateway in a child process of its own').toHaveLength(1);
  return pids[0]!;
}

/** Alive, and not a zombie waiting for a parent that is gone. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return !/^\d+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A server for the relay to carry requests to. */
async function startTarget(): Promise<{ url: string; close(): void }> {
  const server = createHttpServer((_req, res) => res.end('target answered'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** POST /relay as the playground page sends it. */
async function relay(port: number, url: string) {
  const answer = await fetch(`http://127.0.0.1:${port}/relay`, {
    method: 'POST',
    headers: { Origin: `http://127.0.0.1:${port}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ method: 'GET', url, headers: [] }),
  });
  return {
    status: answer.status,
    result: (await answer.json()) as { kind: string; bodyBase64?: string },
  };
}

describe('npm start (server/cli.ts)', () => {
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
      collectionsDir: false,
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

describe('npm start: the gateway in a process of its own', () => {
  async function started() {
    const [port, gatewayPort] = [await freePort(), await freePort()];
    const run = start({ PORT: String(port), GATEWAY_PORT: String(gatewayPort) });
    await run.printed('Ctrl-C');
    return { run, port, gatewayPort, gateway: gatewayPid(run.child) };
  }

  it('a frozen gateway does not stall the page or the relay; Ctrl-C still stops both', async () => {
    const { run, port, gateway } = await started();
    const target = await startTarget();
    try {
      // As stuck as a gateway can be: not a single instruction runs.
      process.kill(gateway, 'SIGSTOP');
      const config = await fetch(`http://127.0.0.1:${port}/playground-config.json`);
      expect(config.status).toBe(200);
      const carried = await relay(port, target.url);
      expect(carried.status).toBe(200);
      expect(Buffer.from(carried.result.bodyBase64 ?? '', 'base64').toString()).toBe(
        'target answered',
      );

      run.pressCtrlC();
      expect(await run.exited).toBe(0);
      expect(isRunning(gateway)).toBe(false);
      expect(run.output()).not.toContain('unexpectedly');
    } finally {
      target.close();
    }
  }, 60_000);

  it('a crashed gateway is reported and restarted on the same port', async () => {
    const { run, gatewayPort, gateway } = await started();
    process.kill(gateway, 'SIGKILL');
    await run.printed('Local API Gateway restarted');
    expect(run.output()).toContain(
      `The local API Gateway (pid ${gateway}) stopped unexpectedly (killed by SIGKILL); restarting it on port ${gatewayPort}.`,
    );
    const restarted = gatewayPid(run.child);
    expect(restarted).not.toBe(gateway);
    const unsigned = await fetch(`http://127.0.0.1:${gatewayPort}/prod/hello`);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');

    // SIGTERM to the whole group reaches the gateway too: still a clean stop, not a crash.
    run.terminateGroup();
    expect(await run.exited).toBe(0);
    expect(isRunning(restarted)).toBe(false);
    expect(run.output().split('unexpectedly')).toHaveLength(2);
  }, 60_000);

  it(`a gateway that keeps crashing is given up after ${MAX_RESTARTS} restarts: npm start says so and exits 1`, async () => {
    const { run } = await started();
    for (let restarts = 0; restarts < MAX_RESTARTS; restarts += 1) {
      process.kill(gatewayPid(run.child), 'SIGKILL');
      await run.printed('Local API Gateway restarted', restarts + 1);
    }
    process.kill(gatewayPid(run.child), 'SIGKILL');
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(
      /stopped unexpectedly \(killed by SIGKILL\), \d times within a minute; it stays stopped\. Stopping the playground too\./,
    );
  }, 120_000);

  it('when npm start itself is killed, the gateway does not live on as an orphan', async () => {
    const { run, gateway } = await started();
    run.child.kill('SIGKILL');
    await run.exited;
    await expect.poll(() => isRunning(gateway), { timeout: 20_000 }).toBe(false);
  }, 60_000);
});

describe("the gateway's line per request (--log-format, --quiet)", () => {
  const unsigned = (base: string) => fetch(`${base}/prod/hello`);

  it('npm start -- --log-format json: the gateway child writes JSON lines, all of them before Ctrl-C stops it', async () => {
    const [port, gatewayPort] = [await freePort(), await freePort()];
    const run = start({ PORT: String(port), GATEWAY_PORT: String(gatewayPort) }, [
      '--log-format',
      'json',
    ]);
    await run.printed('Ctrl-C');
    for (let i = 0; i < 20; i++)
      expect((await unsigned(`http://127.0.0.1:${gatewayPort}`)).status).toBe(403);
    run.pressCtrlC();
    expect(await run.exited).toBe(0);
    const lines = run
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(20);
    expect(lines[0]).toMatchObject({
      method: 'GET',
      path: '/prod/hello',
      callerArn: null,
      status: 403,
      errorType: 'MissingAuthenticationTokenException',
    });
    expect(Object.keys(lines[0]!)).toEqual([
      'time',
      'method',
      'path',
      'callerArn',
      'status',
      'errorType',
      'durationMs',
    ]);
  }, 60_000);

  it.each([
    [['--quiet'], 0],
    [[], 3],
  ])(
    'sigv4-playground gateway %j: %i lines for 3 requests, written before SIGTERM stops it',
    async (args, count) => {
      const gatewayPort = await freePort();
      const run = start({}, ['gateway', '--port', String(gatewayPort), ...args]);
      await run.printed('Local API Gateway');
      for (let i = 0; i < 3; i++) await unsigned(`http://127.0.0.1:${gatewayPort}`);
      run.terminateGroup();
      expect(await run.exited).toBe(0);
      expect(
        run.output().split('GET /prod/hello - 403 MissingAuthenticationTokenException'),
      ).toHaveLength(count + 1);
    },
    60_000,
  );
});
