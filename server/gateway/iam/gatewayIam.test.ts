// The IAM decision through the real gateway, over a socket: the trace header on answers that went
// through the policy check (and only those) when the request asked for it, none with --strict,
// the API's resource policy, and conditions that read the request (never answered from the
// decisions cache).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeIamDecisionTrace,
  IAM_DECISION_HEADER,
  type IamDecisionTrace,
} from '../../../src/diagnosis/iamDecisionTrace';
import {
  DEFAULT_CONFIG_PATH,
  GatewayConfigError,
  loadGatewayConfig,
  parseGatewayConfig,
  type GatewayConfig,
} from '../gatewayConfig';
import { startGateway } from '../gatewayServer';
import { expectGatewayError, expectSuccess } from '../gatewayTestAnswers';
import { viaHttp, type Reply, type WireReply } from '../gatewayTestClients';
import { ADMIN, DEFAULT_CONFIG, DEMO, keysOf, NOW } from '../gatewayTestFixtures';
import { TestGateway } from '../gatewayTestRunner';
import { sign, withHeader } from '../gatewayTestSigning';
import { withTraceQuestion } from '../../../src/transport/iamDecisionHeader';

/** A signed request that asks for the trace, as the page's relay does (unsigned, added after). */
const signAsking = async (...args: Parameters<typeof sign>) => {
  const signed = await sign(...args);
  return { ...signed, headers: withTraceQuestion(args[0].url, signed.headers) };
};

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
const RAW_CONFIG = JSON.parse(readFileSync(DEFAULT_CONFIG_PATH, 'utf8')) as Record<string, unknown>;

/** The default configuration with changes to its JSON, read as a file would be. */
const configWith = (changes: Record<string, unknown>): GatewayConfig =>
  parseGatewayConfig({ ...structuredClone(RAW_CONFIG), ...changes }, 'test');

function traceOf(reply: WireReply): IamDecisionTrace {
  const reading = decodeIamDecisionTrace(reply.headers[IAM_DECISION_HEADER]);
  if (reading === undefined) throw new Error('the answer has no IAM decision trace');
  if (!reading.ok) throw new Error(reading.problem);
  return reading.trace;
}

describe('the decision trace on the default configuration', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, () => NOW);
  });
  afterAll(() => gateway.close());

  it('GET as demo: 403 whose trace points at the POST-only statement', async () => {
    const reply = await gateway.send(await signAsking(gateway, { method: 'GET' }));
    expectGatewayError(
      reply,
      'AccessDeniedException',
      `User: ${DEMO.arn} is not authorized to perform: execute-api:Invoke on resource: ${API}/prod/GET/hello`,
    );
    expect(reply.headers['access-control-expose-headers']).toBe(
      `x-amzn-ErrorType, x-amzn-RequestId, Date, ${IAM_DECISION_HEADER}`,
    );
    const trace = traceOf(reply);
    expect(trace).toMatchObject({
      decision: 'deny',
      rule: 'implicit-deny',
      context: {
        action: 'execute-api:Invoke',
        resource: `${API}/prod/GET/hello`,
        callerArn: DEMO.arn,
      },
    });
    expect(trace.context.keys).toEqual(
      expect.arrayContaining([
        { key: 'aws:SourceIp', values: ['127.0.0.1'] },
        { key: 'aws:CurrentTime', values: ['2026-01-15T10:20:30Z'] },
        { key: 'aws:SecureTransport', values: ['false'] },
        { key: 'aws:username', values: ['demo'] },
      ]),
    );
    const policy = trace.policies[0]!;
    expect(policy.source).toEqual({
      kind: 'identity',
      principal: 'user',
      name: 'demo',
      arn: DEMO.arn,
    });
    expect(policy.statements[0]).toMatchObject({ sid: 'InvokePostOnly', matched: false });
    const resource = policy.statements[0]!.elements.find((e) => e.element === 'Resource')!;
    const tried = resource.tries[0]!;
    expect(tried.pattern.slice(tried.patternPrefix)).toBe('POST/*');
    expect(resource.value.slice(tried.valuePrefix)).toBe('GET/hello');
  });

  it('POST as demo: 200 whose trace names the allowing statement', async () => {
    const reply = await gateway.send(await signAsking(gateway));
    expectSuccess(reply);
    expect(traceOf(reply)).toMatchObject({
      decision: 'allow',
      rule: 'identity-allow',
      decidedBy: { policy: 0, statement: 0 },
    });
  });

  it('sends no trace when the signature fails: the policy was never asked', async () => {
    const signed = await signAsking(gateway, { method: 'GET' });
    const reply = await gateway.send(withHeader(signed, 'X-Amz-Date', '20260115T102031Z'));
    expectGatewayError(reply, 'InvalidSignatureException');
    expect(reply.headers[IAM_DECISION_HEADER]).toBeUndefined();
    expect(reply.headers['access-control-expose-headers']).toBe(
      'x-amzn-ErrorType, x-amzn-RequestId, Date',
    );
  });

  it('a request that does not ask (a script, an SDK) gets API Gateway’s answer alone', async () => {
    const denied = await gateway.send(await sign(gateway, { method: 'GET' }));
    expectGatewayError(denied, 'AccessDeniedException');
    expect(denied.headers[IAM_DECISION_HEADER]).toBeUndefined();
    expect(denied.headers['access-control-expose-headers']).toBe(
      'x-amzn-ErrorType, x-amzn-RequestId, Date',
    );
    const allowed = await gateway.send(await sign(gateway));
    expectSuccess(allowed);
    expect(allowed.headers[IAM_DECISION_HEADER]).toBeUndefined();
  });

  it('a browser’s request (it carries an Origin) gets it, as the page in direct mode does', async () => {
    const fromPage = withHeader(await sign(gateway), 'Origin', 'http://127.0.0.1:5173');
    expect(traceOf(await gateway.send(fromPage))).toMatchObject({ decision: 'allow' });
  });
});

describe('--strict', () => {
  let running: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    running = await startGateway({
      config: DEFAULT_CONFIG,
      port: 0,
      now: () => NOW,
      log: () => {},
      strict: true,
    });
  });
  afterAll(() => running.close());
  const send = async (method: string) => {
    const request = await signAsking({ url: running.url } as TestGateway, { method });
    return viaHttp(Number(new URL(running.url).port), request);
  };

  it('answers a 403 AccessDenied without the trace, exposing only API Gateway’s headers', async () => {
    const reply = await send('GET');
    expect(reply.status).toBe(403);
    expect(reply.headers[IAM_DECISION_HEADER]).toBeUndefined();
    expect(reply.headers['access-control-expose-headers']).toBe(
      'x-amzn-ErrorType, x-amzn-RequestId, Date',
    );
    expect(reply.headerNames.map((name) => name.toLowerCase()).sort()).toEqual([
      'access-control-allow-origin',
      'access-control-expose-headers',
      'connection',
      'content-length',
      'content-type',
      'date',
      'x-amzn-errortype',
      'x-amzn-requestid',
    ]);
  });

  it('answers a 200 without the trace', async () => {
    const reply = await send('POST');
    expect(reply.status).toBe(200);
    expect(reply.headers[IAM_DECISION_HEADER]).toBeUndefined();
  });
});

describe('the API’s resource policy', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    const config = configWith({
      resourcePolicy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyLoopback',
            Effect: 'Deny',
            Principal: '*',
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*/GET/*',
            Condition: { IpAddress: { 'aws:SourceIp': ['127.0.0.0/8', '::1/128'] } },
          },
          {
            Sid: 'DenyOffice',
            Effect: 'Deny',
            Principal: '*',
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } },
          },
          {
            Sid: 'AllowDemoPut',
            Effect: 'Allow',
            Principal: { AWS: DEMO.arn },
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*/PUT/*',
          },
        ],
      },
      routes: [{ method: 'ANY', path: '/hello', handler: 'hello' }],
    });
    gateway = await TestGateway.start(config, () => NOW);
  });
  afterAll(() => gateway.close());

  it('denies an IP range whatever the identity policy allows, naming the resource policy', async () => {
    const reply = await gateway.send(
      await signAsking(gateway, { method: 'GET', credentials: keysOf(ADMIN) }),
    );
    expectGatewayError(
      reply,
      'AccessDeniedException',
      `User: ${ADMIN.arn} is not authorized to perform: execute-api:Invoke on resource: ${API}/prod/GET/hello with an explicit deny`,
    );
    const trace = traceOf(reply);
    expect(trace).toMatchObject({ rule: 'explicit-deny', decidedBy: { policy: 1, statement: 0 } });
    expect(trace.policies[1]).toMatchObject({
      source: { kind: 'resource', arn: API },
      outcome: 'explicit-deny',
      statements: [
        { sid: 'DenyLoopback', matched: true },
        { sid: 'DenyOffice', matched: false },
        { sid: 'AllowDemoPut', matched: false },
      ],
    });
    expect(trace.policies[1]!.statements[1]!.conditions[0]).toMatchObject({
      operator: 'IpAddress',
      requestValues: ['127.0.0.1'],
      matched: false,
    });
  });

  it('allows what it grants to the caller, though the identity policy does not (same account)', async () => {
    const reply = await gateway.send(await signAsking(gateway, { method: 'PUT' }));
    expectSuccess(reply);
    expect(traceOf(reply)).toMatchObject({
      rule: 'resource-allow',
      decidedBy: { policy: 1, statement: 2 },
    });
  });
});

describe('a remembered decision (no conditions) still tells each request’s context', () => {
  let gateway: TestGateway;
  let now = NOW;
  beforeAll(async () => {
    gateway = await TestGateway.start(DEFAULT_CONFIG, () => now);
  });
  afterAll(() => gateway.close());

  const currentTime = (trace: IamDecisionTrace) =>
    trace.context.keys.find(({ key }) => key === 'aws:CurrentTime')?.values;

  it('gives the same trace within a second, and the new time once the clock moves on', async () => {
    const first = traceOf(await gateway.send(await signAsking(gateway, { method: 'GET' })));
    const again = traceOf(await gateway.send(await signAsking(gateway, { method: 'GET' })));
    expect(again).toEqual(first);
    expect(currentTime(first)).toEqual(['2026-01-15T10:20:30Z']);
    now = NOW + 1000;
    const later = traceOf(
      await gateway.send(await signAsking(gateway, { method: 'GET', signingDate: new Date(now) })),
    );
    expect(currentTime(later)).toEqual(['2026-01-15T10:20:31Z']);
    expect(later.context.keys).toContainEqual({
      key: 'aws:EpochTime',
      values: [String((NOW + 1000) / 1000)],
    });
    expect(later.policies).toEqual(first.policies);
  });
});

describe('conditions read each request: their decisions are not remembered', () => {
  const CUTOFF = '2026-01-15T10:20:31Z';
  let gateway: TestGateway;
  let now = NOW;
  beforeAll(async () => {
    const demo = (RAW_CONFIG.identities as Array<Record<string, unknown>>)[0]!;
    const identities = structuredClone(RAW_CONFIG.identities) as Array<Record<string, unknown>>;
    identities[0] = {
      ...demo,
      policy: {
        Version: '2012-10-17',
        Statement: {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: `${API}/*`,
          Condition: { DateLessThan: { 'aws:CurrentTime': CUTOFF } },
        },
      },
    };
    gateway = await TestGateway.start(configWith({ identities }), () => now);
  });
  afterAll(() => gateway.close());

  it('allows before aws:CurrentTime passes the date, denies after', async () => {
    const before: Reply = await gateway.send(await signAsking(gateway));
    expectSuccess(before);
    now = NOW + 2000;
    const after = await gateway.send(await signAsking(gateway, { signingDate: new Date(now) }));
    expectGatewayError(after, 'AccessDeniedException');
    expect(traceOf(after).policies[0]!.statements[0]!.conditions[0]).toMatchObject({
      operator: 'DateLessThan',
      requestValues: ['2026-01-15T10:20:32Z'],
      matched: false,
    });
  });
});

describe('a malformed policy in the configuration file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-iam-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The default configuration with demo's statement given a Condition, written as a file. */
  function fileWithCondition(name: string, condition: object): { file: string; text: string } {
    const raw = structuredClone(RAW_CONFIG) as { identities: Array<{ policy: unknown }> };
    raw.identities[0]!.policy = [
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: `${API}/*/POST/*`,
        Condition: condition,
      },
    ];
    const text = JSON.stringify(raw, null, 2);
    const file = join(dir, name);
    writeFileSync(file, text);
    return { file, text };
  }

  /** Line and column (from 1) of the first occurrence of `needle` in `text`. */
  function whereIs(text: string, needle: string): string {
    const lines = text.split('\n');
    const line = lines.findIndex((entry) => entry.includes(needle));
    return `${line + 1}:${lines[line]!.indexOf(needle) + 1}`;
  }

  it('is refused with the file, its line and column, and the reason', () => {
    const { file, text } = fileWithCondition('cidr.json', {
      IpAddress: { 'aws:SourceIp': '10.0.0.0/40' },
    });
    expect(() => loadGatewayConfig(file)).toThrow(GatewayConfigError);
    expect(() => loadGatewayConfig(file)).toThrow(
      `Gateway configuration ${file}:${whereIs(text, '"aws:SourceIp"')}: identities[0].policy[0].Condition.IpAddress["aws:SourceIp"] "10.0.0.0/40" has a prefix length that is not 0 to 32`,
    );
  });

  it('names an unknown condition key rather than treating it as absent', () => {
    const { file, text } = fileWithCondition('key.json', {
      Bool: { 'aws:SecureTransprt': 'true' },
    });
    expect(() => loadGatewayConfig(file)).toThrow(
      `Gateway configuration ${file}:${whereIs(text, '"aws:SecureTransprt"')}: identities[0].policy[0].Condition.Bool["aws:SecureTransprt"] is an unknown condition key`,
    );
  });
});
