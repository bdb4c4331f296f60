// The package as a user gets it (issue 15): `npm pack`, installed into a throwaway prefix, run as
// `sigv4-playground` from a folder that is not the repository. The page it serves signs and sends
// through its own relay to its own gateway: demo may POST (200), not GET (403). The built page is
// the one `npm start` (Playwright's web server) has just built; the server bundle is built here.
import { expect } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PlaygroundPage, test } from './pages/playground';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  version: string;
};

let work: string;
let command: string;
const running: ChildProcess[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'sigv4-package-'));
  execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: repoRoot, stdio: 'pipe' });
  // --ignore-scripts: prepack would rebuild the page that npm start has just built.
  const tarball = execFileSync(
    'npm',
    ['pack', '--ignore-scripts', '--silent', '--pack-destination', work],
    { cwd: repoRoot, encoding: 'utf8' },
  )
    .trim()
    .split('\n')
    .at(-1)!;
  const prefix = path.join(work, 'prefix');
  // The package has no dependencies to fetch: it installs offline.
  execFileSync(
    'npm',
    [
      'install',
      '--global',
      '--prefix',
      prefix,
      '--offline',
      '--no-audit',
      '--no-fund',
      path.join(work, tarball),
    ],
    { cwd: work, stdio: 'pipe' },
  );
  command = path.join(prefix, 'bin', 'sigv4-playground');
});

test.afterAll(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Runs the installed command in a folder that is not the repository. */
function run(args: string[]) {
  const child = spawn(command, args, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const printed = async (pattern: RegExp) => {
    await expect.poll(() => pattern.test(output), { timeout: 20_000 }).toBe(true);
    return pattern.exec(output)!;
  };
  return { child, exited, printed, output: () => output };
}

test('the package ships built JavaScript only, and says its version and usage', () => {
  const listing = execFileSync('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const files = (JSON.parse(listing) as [{ files: { path: string }[] }])[0].files.map(
    (file) => file.path,
  );
  expect(files).toContain('dist-server/cli.js');
  expect(files).toContain('dist/index.html');
  expect(files.filter((file) => /\.tsx?$|\.test\.|^test-vectors\/|^e2e\//.test(file))).toEqual([]);
  expect(execFileSync(command, ['--version'], { encoding: 'utf8' }).trim()).toBe(version);
  const help = execFileSync(command, ['--help'], { encoding: 'utf8' });
  for (const option of [
    '--port',
    '--gateway-port',
    '--config',
    '--collections',
    '--no-gateway',
    '--open',
  ])
    expect(help).toContain(option);
});

test('the installed command serves the page, its relay and the gateway: demo POST 200, GET 403', async ({
  page,
}) => {
  const server = run(['--port', '0', '--gateway-port', '0']);
  const [, url] = await server.printed(/SigV4 Playground: +(http:\/\/127\.0\.0\.1:\d+\/)/);
  await server.printed(/Ctrl-C stops both/);
  const playground = new PlaygroundPage(page);
  await playground.open(url);
  await playground.setTransport('relay');
  expect(await playground.send()).toMatch(/^200\b/);
  await playground.setRequest({ body: '' });
  await playground.setMethod('GET');
  expect(await playground.send()).toMatch(/^403\b/);
  server.child.kill('SIGINT');
  expect(await server.exited).toBe(0);
});

test('`sigv4-playground gateway` runs only the gateway', async () => {
  const gateway = run(['gateway', '--port', '0']);
  const [, base] = await gateway.printed(/Local API Gateway \(AWS_IAM\) for \S+ in \S+: (\S+)/);
  const unsigned = await fetch(`${base}/hello`);
  expect(unsigned.status).toBe(403);
  expect(unsigned.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  gateway.child.kill('SIGINT');
  expect(await gateway.exited).toBe(0);
});

test('a taken port is named, and the command exits non-zero', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const taken = (blocker.address() as AddressInfo).port;
  try {
    const server = run(['--port', String(taken), '--no-gateway']);
    expect(await server.exited).not.toBe(0);
    expect(server.output()).toContain(`Port ${taken} is already in use`);
  } finally {
    blocker.close();
  }
});
