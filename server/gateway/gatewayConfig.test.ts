import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CORS_ALLOW_HEADERS,
  GatewayConfigError,
  loadGatewayConfig,
  parseGatewayConfig,
} from './gatewayConfig';

const minimal = { apiId: 'api', region: 'us-east-1', account: '111122223333' };

const identity = (overrides: Record<string, unknown> = {}) => ({
  name: 'someone',
  accessKeyId: 'AKIDSOMEONE',
  secretAccessKey: 'secret',
  arn: 'arn:aws:iam::111122223333:user/someone',
  policy: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }],
  ...overrides,
});

/** The message parseGatewayConfig throws for this input (fails the test if it does not throw). */
function problem(raw: unknown): string {
  try {
    parseGatewayConfig(raw, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('parseGatewayConfig', () => {
  it('fills in the defaults API Gateway would have', () => {
    expect(parseGatewayConfig(minimal)).toEqual({
      ...minimal,
      stage: 'prod',
      service: 'execute-api',
      signatureWindowSeconds: 300,
      clock: null,
      cors: { enabled: true, allowOrigin: '*', allowHeaders: DEFAULT_CORS_ALLOW_HEADERS },
      routes: [],
      identities: [],
      sts: { enabled: true, path: '/sts/' },
      roles: [],
      resourcePolicy: null,
    });
  });

  it("keeps stage '' (an API mapped at the root) rather than defaulting it", () => {
    expect(parseGatewayConfig({ ...minimal, stage: '' }).stage).toBe('');
  });

  it('keeps what is given', () => {
    const config = parseGatewayConfig({
      ...minimal,
      stage: 'dev',
      service: 'service',
      signatureWindowSeconds: 60,
      clock: '2015-08-30T12:36:00Z',
      cors: { enabled: false, allowOrigin: 'http://localhost:5173' },
      routes: [{ method: 'ANY', path: '/{proxy+}', handler: 'echo' }],
      identities: [identity({ sessionToken: 'token', expiresAt: '2030-01-01T00:00:00Z' })],
    });
    expect(config).toMatchObject({
      stage: 'dev',
      service: 'service',
      signatureWindowSeconds: 60,
      clock: '2015-08-30T12:36:00Z',
      cors: { enabled: false, allowOrigin: 'http://localhost:5173' },
    });
    expect(config.identities[0]?.sessionToken).toBe('token');
  });

  it('takes the CORS header list as configured, and refuses one that is not header names', () => {
    const cors = { enabled: true, allowOrigin: '*', allowHeaders: ['Authorization', 'X-Custom'] };
    expect(parseGatewayConfig({ ...minimal, cors }).cors.allowHeaders).toEqual([
      'Authorization',
      'X-Custom',
    ]);
    for (const allowHeaders of ['Authorization', ['a,b'], ['a b'], [''], [7]]) {
      expect(problem({ ...minimal, cors: { allowHeaders } })).toContain(
        '"cors.allowHeaders" must be a list of header names',
      );
    }
  });

  it('names where the configuration came from', () => {
    expect(problem(null)).toBe('Gateway configuration test.json: must be a JSON object');
    expect(problem('text')).toBe('Gateway configuration test.json: must be a JSON object');
  });

  it.each(['apiId', 'region', 'account'])('names a missing or empty "%s"', (field) => {
    expect(problem({ ...minimal, [field]: undefined })).toContain(
      `"${field}" must be a non-empty string`,
    );
    expect(problem({ ...minimal, [field]: '' })).toContain(`"${field}" must be a non-empty string`);
    expect(problem({ ...minimal, [field]: 7 })).toContain(`"${field}" must be a non-empty string`);
  });

  it('names a stage that is not a string', () => {
    expect(problem({ ...minimal, stage: 1 })).toContain('"stage" must be a string');
  });

  it('names the route that is wrong, by index', () => {
    expect(problem({ ...minimal, routes: {} })).toContain('"routes" must be a list');
    const good = { method: 'GET', path: '/a', handler: 'hello' };
    expect(problem({ ...minimal, routes: [good, { ...good, path: 'a' }] })).toContain(
      `routes[1] needs a "method" and a "path" starting with '/'`,
    );
    expect(problem({ ...minimal, routes: [{ ...good, method: undefined }] })).toContain(
      'routes[0] needs a "method"',
    );
    expect(problem({ ...minimal, routes: [good, good, { ...good, handler: 'lambda' }] })).toContain(
      'routes[2].handler must be "hello" or "echo"',
    );
  });

  it('names the identity field that is wrong, by index', () => {
    expect(problem({ ...minimal, identities: 'x' })).toContain('"identities" must be a list');
    for (const field of ['name', 'accessKeyId', 'secretAccessKey', 'arn']) {
      expect(
        problem({
          ...minimal,
          identities: [identity(), identity({ accessKeyId: 'K2', [field]: '' })],
        }),
      ).toContain(`identities[1].${field} must be a non-empty string`);
    }
    expect(problem({ ...minimal, identities: [identity({ expiresAt: 'tomorrow' })] })).toContain(
      'identities[0].expiresAt must be an ISO 8601 instant',
    );
    expect(problem({ ...minimal, identities: [identity({ policy: {} })] })).toContain(
      'identities[0].policy must be a list of statements',
    );
  });

  it('names an access key listed twice', () => {
    expect(problem({ ...minimal, identities: [identity(), identity({ name: 'twin' })] })).toContain(
      'identities[1].accessKeyId AKIDSOMEONE is listed twice',
    );
  });

  it('names the policy statement field that is wrong', () => {
    const statement = { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' };
    expect(
      problem({
        ...minimal,
        identities: [identity({ policy: [statement, { ...statement, Effect: 'allow' }] })],
      }),
    ).toContain('identities[0].policy[1].Effect must be "Allow" or "Deny"');
    expect(
      problem({ ...minimal, identities: [identity({ policy: [{ ...statement, Action: 3 }] })] }),
    ).toContain('identities[0].policy[0].Action must be a string or a list of strings');
    expect(
      problem({
        ...minimal,
        identities: [identity({ policy: [{ ...statement, Resource: ['*', 1] }] })],
      }),
    ).toContain('identities[0].policy[0].Resource must be a string or a list of strings');
  });

  it('names a clock that is not an instant', () => {
    expect(problem({ ...minimal, clock: 'noon' })).toContain(
      '"clock" must be null or an ISO 8601 instant',
    );
    expect(problem({ ...minimal, clock: 12 })).toContain(
      '"clock" must be null or an ISO 8601 instant',
    );
  });
});

describe('loadGatewayConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-config-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the default configuration: identities demo, admin and temp', () => {
    const config = loadGatewayConfig();
    expect(config).toMatchObject({
      apiId: '42mydti3lg',
      region: 'ca-central-1',
      account: '850047500507',
      stage: 'prod',
      service: 'execute-api',
    });
    expect(config.identities.map((entry) => entry.name)).toEqual(['demo', 'admin', 'temp']);
    expect(config.identities.find((entry) => entry.name === 'temp')?.sessionToken).toBeTruthy();
  });

  it('says which file cannot be read', () => {
    const missing = join(dir, 'missing.json');
    expect(() => loadGatewayConfig(missing)).toThrow(GatewayConfigError);
    expect(() => loadGatewayConfig(missing)).toThrow(
      `Cannot read the gateway configuration ${missing}`,
    );
  });

  it('says which file is not JSON', () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "apiId": ');
    expect(() => loadGatewayConfig(broken)).toThrow(
      `The gateway configuration ${broken} is not valid JSON`,
    );
  });

  it('names the file and the field when the JSON is a wrong configuration', () => {
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ ...minimal, region: '' }));
    expect(() => loadGatewayConfig(wrong)).toThrow(
      `Gateway configuration ${wrong}: "region" must be a non-empty string`,
    );
  });
});
