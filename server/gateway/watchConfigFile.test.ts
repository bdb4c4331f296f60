// The watched --config file: a valid change decides the next request, an invalid one is refused
// with its line and reason and the previous configuration kept. Each step waits for the watch's
// own log line, not for a time.
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG_PATH, loadGatewayConfig } from './gatewayConfig';
import { startGateway, type RunningServer } from './gatewayServer';
import { DEMO, keysOf } from './gatewayTestFixtures';
import { signer } from './gatewayTestSigning';
import { watchConfigFile } from './watchConfigFile';

const RAW = readFileSync(DEFAULT_CONFIG_PATH, 'utf8');
const ALLOW_ALL_METHODS = RAW.replace('42mydti3lg/*/POST/*', '42mydti3lg/*/*/*');

let dir: string;
let path: string;
let gateway: RunningServer;
let watcher: { close(): void };
const lines: string[] = [];
let waiting: ((line: string) => void) | undefined;
/** The next line the watch logs. */
const nextLine = () => new Promise<string>((resolve) => (waiting = resolve));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-watch-'));
  path = join(dir, 'gateway.config.json');
  writeFileSync(path, RAW);
  const config = loadGatewayConfig(path);
  let forget = () => {};
  gateway = await startGateway({
    config,
    port: 0,
    log: () => {},
    onDecisions: (decisions) => (forget = decisions.forget),
  });
  watcher = watchConfigFile({
    config,
    path,
    forgetDecisions: () => forget(),
    debounceMs: 20,
    log: (line) => {
      lines.push(line);
      waiting?.(line);
    },
  });
});

afterAll(async () => {
  watcher?.close();
  await gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function getHelloAsDemo(): Promise<number> {
  const signed = await signer.signRequest({
    method: 'GET',
    url: `${gateway.url}/prod/hello`,
    credentials: keysOf(DEMO),
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date(),
  });
  const answer = await fetch(signed.url, { headers: signed.headers });
  await answer.arrayBuffer();
  return answer.status;
}

describe('watchConfigFile', () => {
  it('applies a valid change at once, in one log line', async () => {
    expect(await getHelloAsDemo()).toBe(403);
    const logged = nextLine();
    writeFileSync(path, ALLOW_ALL_METHODS);
    expect(await logged).toMatch(/changed: identities, roles and policies applied at once\.$/);
    expect(await getHelloAsDemo()).toBe(200);
  });

  it('refuses an invalid change with its line and reason, keeping the previous configuration', async () => {
    const logged = nextLine();
    writeFileSync(path, ALLOW_ALL_METHODS.replace('"Effect": "Allow"', '"Effect": "Permit"'));
    const line = await logged;
    expect(line).toMatch(/^Configuration change refused, the previous configuration is kept: /);
    expect(line).toMatch(
      /gateway\.config\.json:\d+:\d+: identities\[0\]\.policy\.Statement\[0\]\.Effect/,
    );
    expect(await getHelloAsDemo()).toBe(200);

    const garbage = nextLine();
    writeFileSync(path, '{ "apiId": ');
    expect(await garbage).toMatch(/not valid JSON: line 1, column \d+/);
    expect(await getHelloAsDemo()).toBe(200);
  });

  it('follows a file replaced by rename, as editors save', async () => {
    const logged = nextLine();
    writeFileSync(`${path}.tmp`, RAW);
    renameSync(`${path}.tmp`, path);
    expect(await logged).toMatch(/applied at once/);
    expect(await getHelloAsDemo()).toBe(403);
  });

  it('names the settings that apply only at the next start', async () => {
    const logged = nextLine();
    writeFileSync(path, RAW.replace('"stage": "prod"', '"stage": "beta"'));
    const line = await logged;
    expect(line).toMatch(/applied at once \(.*\bstage\b.* apply at the next start\)\.$/);
    expect(lines).toHaveLength(5);
  });
});
