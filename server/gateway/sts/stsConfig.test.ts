import { describe, expect, it } from 'vitest';
import { GatewayConfigError, parseGatewayConfig } from '../gatewayConfig';
import { DEFAULT_CONFIG } from '../gatewayTestFixtures';
import { uniqueIdFor } from './stsConfig';

const minimal = { apiId: 'api', region: 'us-east-1', account: '111122223333' };
const policy = [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }];
const trust = [
  {
    Effect: 'Allow',
    Principal: { AWS: 'arn:aws:iam::111122223333:root' },
    Action: 'sts:AssumeRole',
  },
];
const role = (overrides: Record<string, unknown> = {}) => ({
  name: 'reader',
  trustPolicy: trust,
  policy,
  ...overrides,
});
const identity = (overrides: Record<string, unknown> = {}) => ({
  name: 'someone',
  accessKeyId: 'AKIDSOMEONE',
  secretAccessKey: 'secret',
  arn: 'arn:aws:iam::111122223333:user/someone',
  policy,
  ...overrides,
});

function problem(raw: unknown): string {
  try {
    parseGatewayConfig(raw, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('the STS part of the gateway configuration', () => {
  it('fills in a role’s ARN, role ID and maximum session duration', () => {
    const [parsed] = parseGatewayConfig({ ...minimal, roles: [role()] }).roles;
    expect(parsed).toEqual({
      name: 'reader',
      arn: 'arn:aws:iam::111122223333:role/reader',
      roleId: uniqueIdFor('AROA', 'arn:aws:iam::111122223333:role/reader'),
      trustPolicy: trust,
      policy,
      maxSessionDuration: 3600,
    });
    expect(parsed!.roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
  });

  it('keeps a role with a path in its ARN', () => {
    const arn = 'arn:aws:iam::111122223333:role/team/reader';
    expect(parseGatewayConfig({ ...minimal, roles: [role({ arn })] }).roles[0]!.arn).toBe(arn);
  });

  it('gives the default configuration the reader role demo may assume', () => {
    const reader = DEFAULT_CONFIG.roles.find((entry) => entry.name === 'reader');
    expect(reader?.arn).toBe('arn:aws:iam::850047500507:role/reader');
    expect(reader?.trustPolicy[0]?.Principal).toEqual({
      AWS: 'arn:aws:iam::850047500507:user/demo',
    });
    expect(DEFAULT_CONFIG.sts).toEqual({ enabled: true, path: '/sts/' });
  });

  it.each([
    [{ roles: {} }, '"roles" must be a list'],
    [{ roles: [role({ name: 'has space' })] }, 'roles[0].name must be 1 to 64 letters'],
    [
      { roles: [role({ arn: 'arn:aws:iam::111122223333:user/reader' })] },
      'roles[0].arn must be a role ARN',
    ],
    [
      { roles: [role({ arn: 'arn:aws:iam::111122223333:role/other' })] },
      "ending in the role's name",
    ],
    [
      { roles: [role(), role()] },
      'roles[1].arn arn:aws:iam::111122223333:role/reader is listed twice',
    ],
    [
      { roles: [role({ maxSessionDuration: 900 })] },
      'roles[0].maxSessionDuration must be a whole number of seconds from 3600 to 43200',
    ],
    [{ roles: [role({ maxSessionDuration: 43201 })] }, 'from 3600 to 43200'],
    [
      { roles: [role({ trustPolicy: [] })] },
      'roles[0].trustPolicy must be a non-empty list of statements',
    ],
    [
      { roles: [role({ trustPolicy: [{ ...trust[0], Effect: 'allow' }] })] },
      'roles[0].trustPolicy[0].Effect must be "Allow" or "Deny"',
    ],
    [
      { roles: [role({ trustPolicy: [{ ...trust[0], Principal: { Service: 'x' } }] })] },
      'roles[0].trustPolicy[0].Principal must be "*" or {"AWS"',
    ],
    [
      { roles: [role({ trustPolicy: [{ ...trust[0], Principal: { AWS: 'demo' } }] })] },
      'Principal.AWS "demo" is not an account ID or an IAM/STS ARN',
    ],
    [
      { roles: [role({ trustPolicy: [{ ...trust[0], Condition: { StringLike: {} } }] })] },
      'Condition.StringLike must map condition keys to values',
    ],
    [
      {
        roles: [
          role({
            trustPolicy: [{ ...trust[0], Condition: { StringEquals: { 'aws:SourceIp': 'x' } } }],
          }),
        ],
      },
      'cannot be tested by StringEquals: it is an IP address key',
    ],
    [
      {
        roles: [
          role({
            trustPolicy: [{ ...trust[0], Condition: { StringEquals: { 'aws:SourceIP4': 'x' } } }],
          }),
        ],
      },
      'Condition.StringEquals["aws:SourceIP4"] is an unknown condition key',
    ],
    [
      {
        roles: [
          role({
            trustPolicy: [
              { ...trust[0], Condition: { Bool: { 'aws:MultiFactorAuthPresent': [] } } },
            ],
          }),
        ],
      },
      'must be a string, a boolean or a list of them',
    ],
    [{ roles: [role({ policy: 'all' })] }, 'roles[0].policy must be a list of statements'],
    [
      { roles: [role({ policy: [{ Effect: 'Allow', Action: 1, Resource: '*' }] })] },
      'roles[0].policy[0].Action must be a string or a list of strings',
    ],
    [{ roles: [role({ roleId: 'ROLE1' })] }, 'roles[0].roleId must look like AROA'],
    [{ sts: 'on' }, '"sts" must be an object'],
    [{ sts: { path: 'sts' } }, '"sts.path" must be a path such as "/sts/"'],
    [{ sts: { path: '/prod/sts/' } }, '"sts.path" /prod/sts/ lies under the stage "/prod/"'],
    [{ sts: { enabled: 'yes' } }, '"sts.enabled" must be true or false'],
    [
      {
        identities: [
          identity({
            mfa: { serialNumber: 'mfa/x', totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' },
          }),
        ],
      },
      'identities[0].mfa.serialNumber must be an MFA device ARN',
    ],
    [
      {
        identities: [
          identity({
            mfa: { serialNumber: 'arn:aws:iam::111122223333:mfa/x', totpSecret: 'not base32!' },
          }),
        ],
      },
      'identities[0].mfa.totpSecret must be a base32 TOTP secret',
    ],
    [
      {
        identities: [
          identity({
            mfa: { serialNumber: 'arn:aws:iam::111122223333:mfa/x', totpSecret: 'GEZDGNBV' },
          }),
        ],
      },
      'at least 128 bits',
    ],
  ])('refuses %j: %s', (extra, message) => {
    expect(problem({ ...minimal, ...extra })).toContain(message);
    expect(problem({ ...minimal, ...extra })).toMatch(/^Gateway configuration test\.json: /);
  });

  it('refuses one MFA device on two identities', () => {
    const mfa = {
      serialNumber: 'arn:aws:iam::111122223333:mfa/x',
      totpSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    };
    expect(
      problem({
        ...minimal,
        identities: [identity({ mfa }), identity({ name: 'other', accessKeyId: 'AKIDOTHER', mfa })],
      }),
    ).toContain(
      'identities[1].mfa.serialNumber arn:aws:iam::111122223333:mfa/x belongs to another identity',
    );
  });

  it('lets the STS path be anywhere outside the stage, and be switched off', () => {
    expect(parseGatewayConfig({ ...minimal, sts: { path: '/tokens' } }).sts).toEqual({
      enabled: true,
      path: '/tokens',
    });
    expect(parseGatewayConfig({ ...minimal, sts: { enabled: false } }).sts.enabled).toBe(false);
    expect(parseGatewayConfig({ ...minimal, stage: '', sts: { path: '/prod/' } }).sts.path).toBe(
      '/prod/',
    );
  });
});
