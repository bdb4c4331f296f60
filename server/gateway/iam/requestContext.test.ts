import { describe, expect, it } from 'vitest';
import type { GatewayIdentity } from '../gatewayConfig';
import { uniqueIdFor } from '../sts/stsConfig';
import { normalizeSourceIp } from './ipAddress';
import { requestContextKeys } from './requestContext';

const NOW = Date.parse('2026-01-15T10:20:30.456Z');
const user: GatewayIdentity = {
  name: 'demo',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'secret',
  arn: 'arn:aws:iam::850047500507:user/team/demo',
  policy: [],
};

describe('requestContextKeys', () => {
  it("values an IAM user's keys as AWS does, MFA absent for long-term keys", () => {
    const keys = requestContextKeys(user, {
      now: NOW,
      remoteAddress: '::ffff:127.0.0.1',
      secureTransport: false,
    });
    expect(Object.fromEntries(keys)).toEqual({
      'aws:PrincipalAccount': ['850047500507'],
      'aws:PrincipalArn': [user.arn],
      'aws:PrincipalType': ['User'],
      'aws:username': ['demo'],
      'aws:userid': [uniqueIdFor('AIDA', user.arn)],
      'aws:SourceIp': ['127.0.0.1'],
      'aws:CurrentTime': ['2026-01-15T10:20:30Z'],
      'aws:EpochTime': ['1768472430'],
      'aws:SecureTransport': ['false'],
    });
  });

  it("gives a role session the role's ARN, its user ID and its MFA state, and no username", () => {
    const session = {
      ...user,
      arn: 'arn:aws:sts::850047500507:assumed-role/reader/s1',
      sessionToken: 'token',
      role: { arn: 'arn:aws:iam::850047500507:role/team/reader' },
      assumedRoleId: 'AROAEXAMPLE:s1',
      mfaPresent: true,
    } as GatewayIdentity;
    const keys = Object.fromEntries(
      requestContextKeys(session, { now: NOW, secureTransport: false }),
    );
    expect(keys).toMatchObject({
      'aws:PrincipalArn': ['arn:aws:iam::850047500507:role/team/reader'],
      'aws:PrincipalType': ['AssumedRole'],
      'aws:userid': ['AROAEXAMPLE:s1'],
      'aws:MultiFactorAuthPresent': ['true'],
    });
    expect(keys['aws:username']).toBeUndefined();
    expect(keys['aws:SourceIp']).toBeUndefined();
  });

  it('says false for temporary credentials issued without MFA', () => {
    const temp = {
      ...user,
      arn: 'arn:aws:sts::850047500507:assumed-role/playground/demo-session',
      sessionToken: 't',
    };
    const keys = requestContextKeys(temp, { now: NOW, secureTransport: false });
    expect(keys.get('aws:MultiFactorAuthPresent')).toEqual(['false']);
    expect(keys.get('aws:PrincipalArn')).toEqual(['arn:aws:iam::850047500507:role/playground']);
  });
});

describe('normalizeSourceIp', () => {
  it('reads an IPv4-mapped IPv6 address as the IPv4 address', () => {
    expect(normalizeSourceIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeSourceIp('::1')).toBe('::1');
    expect(normalizeSourceIp('10.0.0.1')).toBe('10.0.0.1');
  });
});
