// The local STS against real clients: Debian's aws CLI and botocore (python3-botocore), each with
// its own SigV4 signer, XML parser and endpoint handling. They sign with the machine's clock, so
// this gateway reads real time. A missing client fails the test, naming the package to install.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../gatewayTestFixtures';
import { TestGateway } from '../gatewayTestRunner';
import { ACCOUNT, roleArn, STS_TEST_CONFIG } from './stsTestSupport';

const BOTOCORE_SCRIPT = fileURLToPath(new URL('./stsBotocore.py', import.meta.url));
/** Each client run may take this long (the CLI starts in seconds; 2 busy cores slow it): a hang fails. */
const CLIENT_TIMEOUT_MS = 60_000;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout: CLIENT_TIMEOUT_MS }, (error, stdout, stderr) => {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === 'ENOENT')
        return reject(
          new Error(
            file === 'aws'
              ? 'The aws CLI is not installed: install Debian’s awscli package (apt-get install awscli).'
              : 'python3 is not installed: install Debian’s python3 and python3-botocore packages.',
          ),
        );
      resolve({ code: error ? Number(code ?? 1) || 1 : 0, stdout, stderr });
    });
  });
}

describe('real clients against the local STS', () => {
  let gateway: TestGateway;
  let home: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    gateway = await TestGateway.start(STS_TEST_CONFIG, Date.now);
    // Empty config and credentials files, no instance metadata: only the keys given here sign.
    home = mkdtempSync(join(tmpdir(), 'sts-clients-'));
    writeFileSync(join(home, 'config'), '');
    writeFileSync(join(home, 'credentials'), '');
    env = {
      PATH: process.env.PATH,
      HOME: home,
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: DEMO.accessKeyId,
      AWS_SECRET_ACCESS_KEY: DEMO.secretAccessKey,
    };
  });
  afterAll(async () => {
    await gateway.close();
    rmSync(home, { recursive: true, force: true });
  });

  const aws = async (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    const result = await run(
      'aws',
      [...args, '--endpoint-url', `${gateway.url}/sts/`, '--output', 'json'],
      { ...env, ...extra },
    );
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, Record<string, string>>;
  };

  it(
    'aws sts get-caller-identity and assume-role succeed, and the role’s keys say who they are',
    async () => {
      const me = await aws(['sts', 'get-caller-identity']);
      expect(me.Arn).toBe(DEMO.arn);
      expect(me.Account).toBe(ACCOUNT);
      const assumed = await aws([
        'sts',
        'assume-role',
        '--role-arn',
        roleArn('reader'),
        '--role-session-name',
        'cli',
      ]);
      expect(assumed.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/cli`);
      const keys = assumed.Credentials!;
      expect(keys.AccessKeyId).toMatch(/^ASIA/);
      const them = await aws(['sts', 'get-caller-identity'], {
        AWS_ACCESS_KEY_ID: keys.AccessKeyId,
        AWS_SECRET_ACCESS_KEY: keys.SecretAccessKey,
        AWS_SESSION_TOKEN: keys.SessionToken,
        // The gateway's own region is accepted as well as us-east-1.
        AWS_DEFAULT_REGION: STS_TEST_CONFIG.region,
      });
      expect(them.Arn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/cli`);
      expect(gateway.lines.every((line) => line.startsWith('POST /sts '))).toBe(true);
    },
    CLIENT_TIMEOUT_MS * 4,
  );

  it(
    'aws sts assume-role shows STS’s error for a role demo may not assume',
    async () => {
      const result = await run(
        'aws',
        [
          'sts',
          'assume-role',
          '--role-arn',
          roleArn('partner'),
          '--role-session-name',
          'cli',
          '--endpoint-url',
          `${gateway.url}/sts/`,
        ],
        env,
      );
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(
        `An error occurred (AccessDenied) when calling the AssumeRole operation: User: ${DEMO.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn('partner')}`,
      );
    },
    CLIENT_TIMEOUT_MS,
  );

  it(
    'botocore keeps the endpoint’s path, assumes the role and reads its answers',
    async () => {
      const result = await run(
        'python3',
        [BOTOCORE_SCRIPT, `${gateway.url}/sts/`, roleArn('reader')],
        env,
      );
      expect(result.code, result.stderr).toBe(0);
      const answer = JSON.parse(result.stdout) as {
        sent: string[];
        before: string;
        assumedRoleArn: string;
        accessKeyIdPrefix: string;
        expirationIsDate: boolean;
        after: string;
        afterUserId: string;
      };
      expect(answer.sent.map((url) => new URL(url).pathname)).toEqual(['/sts/', '/sts/', '/sts/']);
      expect(answer.before).toBe(DEMO.arn);
      expect(answer.assumedRoleArn).toBe(`arn:aws:sts::${ACCOUNT}:assumed-role/reader/botocore`);
      expect(answer.accessKeyIdPrefix).toBe('ASIA');
      expect(answer.expirationIsDate).toBe(true);
      expect(answer.after).toBe(answer.assumedRoleArn);
      expect(answer.afterUserId).toMatch(/^AROA[A-Z2-7]{17}:botocore$/);
    },
    CLIENT_TIMEOUT_MS,
  );
});
