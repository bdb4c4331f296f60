// The page's window on the running gateway's policies (gatewayPoliciesHandler.ts → IPC →
// liveConfig.ts), as npm start runs it: the relay's guard, never a secret in an answer, an invalid
// policy refused with its line and nothing applied, and an applied policy deciding the next request.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GATEWAY_POLICIES_PATH, type GatewayPoliciesView } from '../src/diagnosis/gatewayPolicies';
import { decodeIamDecisionTrace, IAM_DECISION_HEADER } from '../src/diagnosis/iamDecisionTrace';
import { withTraceQuestion } from '../src/transport/iamDecisionHeader';
import { DEFAULT_CONFIG_PATH } from './gateway/gatewayConfig';
import { DEMO, keysOf } from './gateway/gatewayTestFixtures';
import { signer } from './gateway/gatewayTestSigning';
import { startPlayground } from './playgroundServer';

const RAW_CONFIG = readFileSync(DEFAULT_CONFIG_PATH, 'utf8');
const SECRETS = [...RAW_CONFIG.matchAll(/"(?:secretAccessKey|sessionToken)":\s*"([^"]+)"/g)].map(
  (match) => match[1]!,
);
const ALLOW_GET_AND_POST = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'InvokeGetAndPost',
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: [
          'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/*/POST/*',
          'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/GET/hello',
        ],
      },
    ],
  },
  null,
  2,
);

let dir: string;
let configPath: string;
let running: Awaited<ReturnType<typeof startPlayground>>;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gateway-policies-'));
  configPath = join(dir, 'gateway.config.json');
  writeFileSync(configPath, RAW_CONFIG);
  running = await startPlayground({
    port: 0,
    gatewayPort: 0,
    configPath,
    gatewayLog: { format: 'text', quiet: true },
  });
  port = Number(new URL(running.playground.url).port);
}, 30_000);

afterAll(async () => {
  await running?.playground.close();
  await running?.gateway?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface CallOptions {
  method?: string;
  host?: string;
  origin?: string | null;
  body?: unknown;
}

/** A call with the Host and Origin headers as given (fetch would not let a test choose them). */
function call(options: CallOptions = {}) {
  const host = options.host ?? `127.0.0.1:${port}`;
  const origin = options.origin === undefined ? `http://${host}` : options.origin;
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: GATEWAY_POLICIES_PATH,
        method: options.method ?? 'GET',
        headers: {
          Host: host,
          ...(origin === null ? {} : { Origin: origin }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        setHost: false,
        agent: false,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** GET /prod/hello signed as demo, now, and the gateway's decision. */
async function getHelloAsDemo() {
  const url = `${running.gatewayBase}/hello`;
  const signed = await signer.signRequest({
    method: 'GET',
    url,
    credentials: keysOf(DEMO),
    region: 'ca-central-1',
    service: 'execute-api',
    signingDate: new Date(),
  });
  // Asking for the trace as the page's relay does (unsigned, added after signing).
  const answer = await fetch(signed.url, {
    method: 'GET',
    headers: withTraceQuestion(signed.url, signed.headers),
  });
  await answer.arrayBuffer();
  const reading = decodeIamDecisionTrace(answer.headers.get(IAM_DECISION_HEADER));
  if (reading === undefined || !reading.ok) throw new Error('no readable trace');
  return { status: answer.status, trace: reading.trace };
}

describe('the gateway policies API', () => {
  it.each([
    ['another host name', { host: 'evil.example:80' }],
    ['another origin', { origin: 'http://evil.example' }],
    ['a POST without Origin', { method: 'POST', origin: null, body: {} }],
  ])('refuses %s', async (_label, options: CallOptions) => {
    const answer = await call(options);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('"policies"');
  });

  it('lists identities, roles and the resource policy without a secret key or session token', async () => {
    const answer = await call();
    expect(answer.status).toBe(200);
    const view = JSON.parse(answer.body) as GatewayPoliciesView;
    expect(view.policies.map((entry) => entry.target)).toEqual([
      { kind: 'identity', name: 'demo' },
      { kind: 'identity', name: 'admin' },
      { kind: 'identity', name: 'temp' },
      { kind: 'role', name: 'reader' },
      { kind: 'trust', name: 'reader' },
      { kind: 'resource' },
    ]);
    expect(view.policies[0]!.text).toContain('InvokePostOnly');
    expect(SECRETS.length).toBeGreaterThan(2);
    for (const secret of SECRETS) expect(answer.body).not.toContain(secret);
    expect(answer.body).not.toMatch(/secretAccessKey|sessionToken/);
  });

  it('refuses an invalid policy with its line and reason, and applies nothing', async () => {
    const broken = ALLOW_GET_AND_POST.replace('"Allow"', '"Permit"');
    const answer = await call({
      method: 'POST',
      body: { target: { kind: 'identity', name: 'demo' }, text: broken },
    });
    expect(answer.status).toBe(422);
    const refusal = JSON.parse(answer.body) as {
      message: string;
      problems: Array<{ line: number }>;
    };
    expect(refusal.problems[0]!.line).toBe(6);
    expect(refusal.message).toMatch(/line 6, column \d+: Statement\[0\]\.Effect/);
    expect((await getHelloAsDemo()).status).toBe(403);
  });

  it('refuses malformed JSON with its line', async () => {
    const answer = await call({
      method: 'POST',
      body: { target: { kind: 'identity', name: 'demo' }, text: '{\n  "Statement": [\n    {,\n' },
    });
    expect(answer.status).toBe(422);
    expect(answer.body).toContain('line 3');
  });

  it('validates without applying on a dry run, then applies: the next GET is allowed', async () => {
    const edit = { target: { kind: 'identity', name: 'demo' }, text: ALLOW_GET_AND_POST };
    const dry = await call({ method: 'POST', body: { ...edit, dryRun: true } });
    expect(JSON.parse(dry.body)).toMatchObject({ ok: true, applied: false });
    const before = await getHelloAsDemo();
    expect(before.status).toBe(403);
    expect(before.trace.rule).toBe('implicit-deny');

    const applied = await call({ method: 'POST', body: edit });
    expect(applied.status).toBe(200);
    expect(JSON.parse(applied.body)).toMatchObject({ ok: true, applied: true });
    const after = await getHelloAsDemo();
    expect(after.status).toBe(200);
    expect(after.trace.rule).toBe('identity-allow');
    expect(after.trace.policies[0]!.statements[0]!.sid).toBe('InvokeGetAndPost');
  });

  it('a resource policy denying 127.0.0.0/8 denies, naming the resource policy', async () => {
    const deny = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: '*',
          Action: 'execute-api:Invoke',
          Resource: 'execute-api:/*',
          Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } },
        },
      ],
    });
    const applied = await call({
      method: 'POST',
      body: { target: { kind: 'resource' }, text: deny },
    });
    expect(applied.status).toBe(200);
    const denied = await getHelloAsDemo();
    expect(denied.status).toBe(403);
    expect(denied.trace.rule).toBe('explicit-deny');
    expect(denied.trace.policies[denied.trace.decidedBy!.policy]!.source.kind).toBe('resource');

    const removed = await call({
      method: 'POST',
      body: { target: { kind: 'resource' }, text: '' },
    });
    expect(removed.status).toBe(200);
    expect((await getHelloAsDemo()).status).toBe(200);
  });

  it("edits a role's trust policy: the local STS asks it on the next AssumeRole", async () => {
    const reader = 'arn:aws:iam::850047500507:role/reader';
    const trust = (principal: string) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sts:AssumeRole' }],
      });
    const assumeAsDemo = async () => {
      const url = `${new URL(running.gatewayBase!).origin}/sts/`;
      const body = new URLSearchParams({
        Action: 'AssumeRole',
        Version: '2011-06-15',
        RoleArn: reader,
        RoleSessionName: 'learner',
      }).toString();
      const signed = await signer.signRequest({
        method: 'POST',
        url,
        headers: [['content-type', 'application/x-www-form-urlencoded; charset=utf-8']],
        body,
        credentials: keysOf(DEMO),
        region: 'us-east-1',
        service: 'sts',
        signingDate: new Date(),
      });
      const answer = await fetch(signed.url, { method: 'POST', headers: signed.headers, body });
      return { status: answer.status, text: await answer.text() };
    };
    expect((await assumeAsDemo()).status).toBe(200);

    const onlyAdmin = await call({
      method: 'POST',
      body: {
        target: { kind: 'trust', name: 'reader' },
        text: trust('arn:aws:iam::850047500507:user/admin'),
      },
    });
    expect(onlyAdmin.status).toBe(200);
    const refused = await assumeAsDemo();
    expect(refused.status).toBe(403);
    expect(refused.text).toContain(
      `not authorized to perform: sts:AssumeRole on resource: ${reader}`,
    );

    // A trust policy must say whom it trusts: refused with its place, nothing applied.
    const noPrincipal = await call({
      method: 'POST',
      body: {
        target: { kind: 'trust', name: 'reader' },
        text: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole"}]}',
      },
    });
    expect(noPrincipal.status).toBe(422);
    expect(noPrincipal.body).toContain('needs a Principal');

    const restored = await call({
      method: 'POST',
      body: { target: { kind: 'trust', name: 'reader' }, text: trust(DEMO.arn) },
    });
    expect(restored.status).toBe(200);
    expect((await assumeAsDemo()).status).toBe(200);
  });

  it('says which policy does not exist', async () => {
    const answer = await call({
      method: 'POST',
      body: { target: { kind: 'identity', name: 'nobody' }, text: ALLOW_GET_AND_POST },
    });
    expect(answer.status).toBe(404);
    expect(answer.body).toContain('identity nobody');
  });

  it('the gateway under npm start watches its --config file: a saved change shows and decides', async () => {
    writeFileSync(configPath, RAW_CONFIG.replace('"InvokePostOnly"', '"EditedInTheFile"'));
    // The gateway's process applies it after its debounce: wait until the page would see it.
    await vi.waitFor(async () => expect((await call()).body).toContain('EditedInTheFile'), {
      timeout: 10_000,
      interval: 100,
    });
    const denied = await getHelloAsDemo();
    expect(denied.status).toBe(403);
    expect(denied.trace.policies[0]!.statements[0]!.sid).toBe('EditedInTheFile');
  });
});
