// What the local STS's tests share: a gateway configuration with roles for each trust rule, STS
// requests signed with our own signer (never mocked), and checks of STS's XML answers, read with
// the page's own parsers (src/request/sts), so the page and the gateway are held to one format.
import { expect } from 'vitest';
import {
  parseAssumeRoleResponse,
  parseStsError,
  STS_API_VERSION,
  type AssumedRoleCredentials,
} from '../../../src/request/sts';
import type { Credentials } from '../../../src/signing';
import type { GatewayConfig } from '../gatewayConfig';
import type { Reply, WireRequest } from '../gatewayTestClients';
import { DEFAULT_CONFIG, DEMO, keysOf, NOW } from '../gatewayTestFixtures';
import type { TestGateway } from '../gatewayTestRunner';
import { signer } from '../gatewayTestSigning';
import { parseGatewayConfig } from '../gatewayConfig';

export const ACCOUNT = DEFAULT_CONFIG.account;
export const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT}:role/${name}`;
/** RFC 6238's SHA-1 seed, "12345678901234567890", in base32: demo's MFA device here. */
export const DEMO_TOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
export const DEMO_MFA_SERIAL = `arn:aws:iam::${ACCOUNT}:mfa/demo`;

const trustDemo = (condition?: Record<string, unknown>) => [
  {
    Effect: 'Allow',
    Principal: { AWS: DEMO.arn },
    Action: 'sts:AssumeRole',
    ...(condition === undefined ? {} : { Condition: condition }),
  },
];
const readPolicy = [
  {
    Effect: 'Allow',
    Action: 'execute-api:Invoke',
    Resource: `arn:aws:execute-api:ca-central-1:${ACCOUNT}:42mydti3lg/*/GET/*`,
  },
];

/**
 * The default configuration (role reader) plus: partner (needs ExternalId "partner-42"),
 * guarded (needs MFA), long (12-hour sessions, trusts the account: callers need sts:AssumeRole
 * in their own policy, which demo has here) and chained (trusts reader's sessions). Demo has an
 * MFA device.
 */
export const STS_TEST_CONFIG: GatewayConfig = (() => {
  const raw = structuredClone(DEFAULT_CONFIG) as unknown as Record<string, unknown>;
  const identities = raw.identities as Array<Record<string, unknown>>;
  const demo = identities.find((identity) => identity.name === 'demo')!;
  demo.mfa = { serialNumber: DEMO_MFA_SERIAL, totpSecret: DEMO_TOTP_SECRET };
  (demo.policy as unknown[]).push({
    Effect: 'Allow',
    Action: 'sts:AssumeRole',
    Resource: roleArn('long'),
  });
  (raw.roles as unknown[]).push(
    {
      name: 'partner',
      trustPolicy: trustDemo({ StringEquals: { 'sts:ExternalId': 'partner-42' } }),
      policy: readPolicy,
    },
    {
      name: 'guarded',
      trustPolicy: trustDemo({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      policy: readPolicy,
    },
    {
      name: 'long',
      maxSessionDuration: 43200,
      trustPolicy: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
          Action: 'sts:AssumeRole',
        },
      ],
      policy: readPolicy,
    },
    {
      name: 'chained',
      trustPolicy: [
        { Effect: 'Allow', Principal: { AWS: roleArn('reader') }, Action: 'sts:AssumeRole' },
      ],
      policy: readPolicy,
    },
  );
  return parseGatewayConfig(raw, 'STS_TEST_CONFIG');
})();

export interface StsCall {
  /** Form parameters after Action and Version (or all of them with `raw`). */
  params?: Record<string, string>;
  action?: string;
  /** The body exactly, instead of Action, Version and params. */
  raw?: string;
  credentials?: Credentials;
  region?: string;
  service?: string;
  signingDate?: Date;
  method?: 'POST' | 'GET';
  path?: string;
  /** 'query': a presigned URL (GET only). */
  mode?: 'header' | 'query';
}

/** An STS request signed as botocore signs one: form POST (or GET query), service sts. */
export async function signSts(gateway: TestGateway, call: StsCall = {}): Promise<WireRequest> {
  const { action = 'GetCallerIdentity', params = {}, method = 'POST', path = '/sts/' } = call;
  const form =
    call.raw ??
    new URLSearchParams({ Action: action, Version: STS_API_VERSION, ...params }).toString();
  const url = method === 'GET' ? `${gateway.url}${path}?${form}` : `${gateway.url}${path}`;
  const signed = await signer.signRequest({
    method,
    url,
    headers:
      method === 'POST'
        ? [['content-type', 'application/x-www-form-urlencoded; charset=utf-8']]
        : [],
    ...(method === 'POST' ? { body: form } : {}),
    credentials: call.credentials ?? keysOf(DEMO),
    region: call.region ?? 'us-east-1',
    service: call.service ?? 'sts',
    signingDate: call.signingDate ?? new Date(NOW),
    ...(call.mode === undefined ? {} : { mode: call.mode }),
  });
  return {
    method,
    target: signed.url.slice(gateway.url.length),
    headers: signed.headers,
    ...(method === 'POST' ? { body: form } : {}),
  };
}

/** An STS ErrorResponse with this status and code (and message, when given); returns the message. */
export function expectStsError(
  reply: Reply,
  status: number,
  code: string,
  message?: string | RegExp,
): string {
  expect(reply.status, reply.body).toBe(status);
  expect(reply.headers['content-type']).toBe('text/xml');
  const error = parseStsError(reply.body);
  expect(error, reply.body).toBeDefined();
  expect(error!.type).toBe('Sender');
  expect(error!.code).toBe(code);
  expect(error!.requestId).toBe(reply.headers['x-amzn-requestid']);
  if (typeof message === 'string') expect(error!.message).toBe(message);
  else if (message) expect(error!.message).toMatch(message);
  expect(reply.log).toHaveLength(1);
  expect(reply.log[0]).toMatch(new RegExp(` ${status} ${code}$`));
  return error!.message;
}

/** A successful AssumeRole: its credentials, read by the page's parser. */
export function expectAssumed(reply: Reply): AssumedRoleCredentials {
  expect(reply.status, reply.body).toBe(200);
  expect(reply.headers['content-type']).toBe('text/xml');
  const parsed = parseAssumeRoleResponse(reply.body, reply.status);
  if (!parsed.ok) throw new Error(`Not an AssumeRole answer: ${reply.body}`);
  return parsed.value;
}

/** Keys for signing from an AssumeRole answer. */
export const sessionKeys = (assumed: AssumedRoleCredentials): Credentials => ({
  accessKeyId: assumed.accessKeyId,
  secretAccessKey: assumed.secretAccessKey,
  sessionToken: assumed.sessionToken,
});
