// Runs the exports against a local API Gateway: the code the page hands out must really work.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../server/gateway/gatewayConfig';
import { startGateway, type RunningServer } from '../../server/gateway/gatewayServer';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { LOCAL_IDENTITIES } from '../request/defaults';
import { createSigner, type SigningInput } from '../signing';
import { buildExports, type ExportId } from './exports';

const PYTHON = '/usr/bin/python3';

function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let gateway: RunningServer;
beforeAll(async () => {
  gateway = await startGateway({ config: loadGatewayConfig(), port: 0, log: () => {} });
});
afterAll(async () => {
  await gateway.close();
});

const identity = (name: 'demo' | 'temp') => LOCAL_IDENTITIES.find((entry) => entry.name === name)!;

async function exportsFor(
  name: 'demo' | 'temp',
  inlineSecret = false,
  overrides: Partial<SigningInput> = {},
) {
  const { accessKeyId, secretAccessKey, sessionToken } = identity(name);
  const signedAt = new Date();
  const input: SigningInput = {
    method: 'POST',
    url: `${gateway.url}/prod/hello`,
    headers: [['Content-Type', 'application/json']],
    body: '{"name":"it\'s me"}',
    credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) },
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: signedAt,
    ...overrides,
  };
  const signed = await createSigner({ crypto: nodeSigningCrypto }).signRequest(input);
  const snippets = buildExports({ signed, input, signedAt, inlineSecret });
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: accessKeyId,
    AWS_SECRET_ACCESS_KEY: secretAccessKey,
    ...(sessionToken ? { AWS_SESSION_TOKEN: sessionToken } : {}),
  };
  const code = (id: ExportId) => snippets.find((snippet) => snippet.id === id)!.code;
  return { code, env };
}

/** curl with -w prints the status on the last line; -s keeps progress out. */
const withStatus = (command: string) => command.replace(/^curl /m, "curl -s -w '\\n%{http_code}' ");

describe('buildExports, run against the local gateway', () => {
  for (const name of ['demo', 'temp'] as const) {
    it(`the signed curl gets 200 (${name})`, async () => {
      const { code, env } = await exportsFor(name);
      const result = await run('bash', ['-c', withStatus(code('curl-signed'))], env);
      expect(result.stdout.trim().split('\n').at(-1), result.stdout + result.stderr).toBe('200');
    });

    it(`the --aws-sigv4 curl gets 200 (${name})`, async () => {
      const { code, env } = await exportsFor(name);
      const result = await run('bash', ['-c', withStatus(code('curl-sigv4'))], env);
      expect(result.stdout.trim().split('\n').at(-1), result.stdout + result.stderr).toBe('200');
    });

    // CI installs python3-botocore and python3-requests (.ci/run): without them this fails, with
    // Python's ImportError in the message, rather than skipping.
    it(`the Python export gets 200 (${name})`, async () => {
      const { code, env } = await exportsFor(name);
      const result = await run(PYTHON, ['-c', code('python')], env);
      expect(result.stdout.split('\n')[0], result.stdout + result.stderr).toBe('200');
    });
  }

  it('the signed curl reads a credential header from the environment and still gets 200', async () => {
    const { code, env } = await exportsFor('temp', false, {
      headers: [
        ['Content-Type', 'application/json'],
        ['X-Api-Key', 'api-key-mine'],
      ],
    });
    expect(code('curl-signed')).not.toContain('api-key-mine');
    const result = await run('bash', ['-c', withStatus(code('curl-signed'))], {
      ...env,
      X_API_KEY: 'api-key-mine',
    });
    expect(result.stdout.trim().split('\n').at(-1), result.stdout + result.stderr).toBe('200');
  });

  it('the signed curl of a presigned URL gets 200', async () => {
    const { code } = await exportsFor('temp', false, { mode: 'query', expiresIn: 60 });
    const result = await run('bash', ['-c', withStatus(code('curl-signed'))], {});
    expect(result.stdout.trim().split('\n').at(-1), result.stdout + result.stderr).toBe('200');
  });

  it('the inline-secret exports run without the environment', async () => {
    const { code } = await exportsFor('temp', true);
    const curl = await run('bash', ['-c', withStatus(code('curl-sigv4'))], {});
    expect(curl.stdout.trim().split('\n').at(-1), curl.stdout + curl.stderr).toBe('200');
    const python = await run(PYTHON, ['-c', code('python')], {});
    expect(python.stdout.split('\n')[0], python.stdout + python.stderr).toBe('200');
  });

  it('the JavaScript export gets 200 with aws4fetch', async () => {
    const { code, env } = await exportsFor('temp');
    const result = await run(
      process.execPath,
      ['--input-type=module', '-e', code('javascript')],
      env,
    );
    expect(result.stdout, result.stderr).toMatch(/^200 /);
  });
});
