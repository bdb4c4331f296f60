// Each condition operator and key the gateway knows, as "IAM JSON policy elements: Condition
// operators" documents them, including a key the request lacks and the IfExists forms.
import { describe, expect, it } from 'vitest';
import { evaluateCondition, type EvaluationRequest } from './evaluateCondition';
import { parsePolicy } from './parsePolicy';
import type { ConditionValue } from './policyTypes';

const DEMO = 'arn:aws:iam::850047500507:user/demo';

/** The context of a request from demo at 127.0.0.1, 2026-01-15T10:20:30Z, over plain HTTP. */
const CONTEXT: Record<string, string | string[]> = {
  'aws:SourceIp': '127.0.0.1',
  'aws:CurrentTime': '2026-01-15T10:20:30Z',
  'aws:EpochTime': '1768472430',
  'aws:SecureTransport': 'false',
  'aws:PrincipalArn': DEMO,
  'aws:PrincipalAccount': '850047500507',
  'aws:PrincipalType': 'User',
  'aws:username': 'demo',
  'aws:userid': 'AIDAEXAMPLEDEMO',
};

function holds(
  operator: string,
  key: string,
  values: ConditionValue | ConditionValue[],
  context: Record<string, string | string[] | undefined> = CONTEXT,
) {
  const parsed = parsePolicy(
    [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: { [operator]: { [key]: values } } }],
    'identity',
  );
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const keys = new Map<string, string[]>();
  for (const [name, value] of Object.entries(context))
    if (value !== undefined) keys.set(name, [value].flat());
  const request: EvaluationRequest = { action: 'a:b', resource: '*', callerArn: DEMO, keys };
  return evaluateCondition(parsed.compiled.statements[0]!.conditions[0]!, request);
}
const without = (key: string) => ({ ...CONTEXT, [key]: undefined });

describe('string operators', () => {
  it('StringEquals: exact and case-sensitive; several values are ORed', () => {
    expect(holds('StringEquals', 'aws:username', 'demo').matched).toBe(true);
    expect(holds('StringEquals', 'aws:username', 'Demo').matched).toBe(false);
    expect(holds('StringEquals', 'aws:username', ['admin', 'demo']).matched).toBe(true);
    expect(holds('StringEquals', 'aws:PrincipalAccount', '850047500507').matched).toBe(true);
    expect(holds('StringEquals', 'aws:PrincipalType', 'AssumedRole')).toMatchObject({
      matched: false,
      requestValues: ['User'],
      reason: 'aws:PrincipalType is User; StringEquals wants AssumedRole.',
    });
  });

  it('StringNotEquals: negated, several values NORed', () => {
    expect(holds('StringNotEquals', 'aws:username', 'admin').matched).toBe(true);
    expect(holds('StringNotEquals', 'aws:username', ['admin', 'demo']).matched).toBe(false);
  });

  it('StringEqualsIgnoreCase and StringNotEqualsIgnoreCase ignore case', () => {
    expect(holds('StringEqualsIgnoreCase', 'aws:username', 'DEMO').matched).toBe(true);
    expect(holds('StringNotEqualsIgnoreCase', 'aws:username', 'DEMO').matched).toBe(false);
  });

  it('StringLike and StringNotLike take * and ?', () => {
    expect(holds('StringLike', 'aws:userid', 'AIDA*').matched).toBe(true);
    expect(holds('StringLike', 'aws:username', 'd??o').matched).toBe(true);
    expect(holds('StringLike', 'aws:username', 'x*').matched).toBe(false);
    expect(holds('StringNotLike', 'aws:PrincipalArn', '*:user/admin*').matched).toBe(true);
    expect(holds('StringNotLike', 'aws:PrincipalArn', '*:user/*').matched).toBe(false);
  });

  it('ArnLike matches aws:PrincipalArn part by part', () => {
    expect(holds('ArnLike', 'aws:PrincipalArn', 'arn:aws:iam::*:user/*').matched).toBe(true);
    expect(holds('ArnEquals', 'aws:PrincipalArn', DEMO).matched).toBe(true);
    expect(holds('ArnNotLike', 'aws:PrincipalArn', 'arn:aws:iam::*:role/*').matched).toBe(true);
    expect(holds('ArnLike', 'aws:PrincipalArn', 'arn:aws:sts::*').matched).toBe(false);
  });
});

describe('a key the request lacks', () => {
  it('makes a positive operator false, saying why', () => {
    expect(holds('StringEquals', 'aws:username', 'demo', without('aws:username'))).toMatchObject({
      matched: false,
      requestValues: null,
      reason: expect.stringContaining('The request has no aws:username'),
    });
    expect(holds('Bool', 'aws:MultiFactorAuthPresent', 'true').matched).toBe(false);
    expect(holds('Bool', 'aws:MultiFactorAuthPresent', 'false').matched).toBe(false);
  });

  it('makes a negated operator true', () => {
    expect(holds('StringNotEquals', 'aws:username', 'x', without('aws:username')).matched).toBe(
      true,
    );
    expect(
      holds('NotIpAddress', 'aws:SourceIp', '10.0.0.0/8', without('aws:SourceIp')).matched,
    ).toBe(true);
  });

  it('makes ...IfExists true, and tests the key as usual when present', () => {
    expect(holds('BoolIfExists', 'aws:MultiFactorAuthPresent', 'true').matched).toBe(true);
    expect(
      holds('BoolIfExists', 'aws:MultiFactorAuthPresent', 'true', {
        ...CONTEXT,
        'aws:MultiFactorAuthPresent': 'false',
      }).matched,
    ).toBe(false);
    expect(
      holds('StringEqualsIfExists', 'aws:username', 'x', without('aws:username')).matched,
    ).toBe(true);
    expect(holds('StringEqualsIfExists', 'aws:username', 'x').matched).toBe(false);
  });

  it('Null "true" holds when absent, Null "false" when present', () => {
    expect(holds('Null', 'aws:MultiFactorAuthPresent', 'true').matched).toBe(true);
    expect(holds('Null', 'aws:MultiFactorAuthPresent', 'false').matched).toBe(false);
    expect(holds('Null', 'aws:SourceIp', 'false').matched).toBe(true);
    expect(holds('Null', 'aws:SourceIp', true).matched).toBe(false);
  });
});

describe('set operators', () => {
  const tags = { ...CONTEXT, 'aws:userid': ['a', 'b'] };
  it('ForAnyValue: some request value matches; ForAllValues: every one does', () => {
    expect(holds('ForAnyValue:StringEquals', 'aws:userid', 'a', tags).matched).toBe(true);
    expect(holds('ForAllValues:StringEquals', 'aws:userid', 'a', tags).matched).toBe(false);
    expect(holds('ForAllValues:StringEquals', 'aws:userid', ['a', 'b', 'c'], tags).matched).toBe(
      true,
    );
  });

  it('ForAllValues holds on an absent key, ForAnyValue does not', () => {
    expect(
      holds('ForAllValues:StringEquals', 'aws:username', 'x', without('aws:username')).matched,
    ).toBe(true);
    expect(
      holds('ForAnyValue:StringEquals', 'aws:username', 'x', without('aws:username')).matched,
    ).toBe(false);
  });
});

describe('IpAddress and NotIpAddress on aws:SourceIp', () => {
  it('matches IPv4 ranges and bare addresses', () => {
    expect(holds('IpAddress', 'aws:SourceIp', '127.0.0.0/8').matched).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '127.0.0.1').matched).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', ['192.0.2.0/24', '198.51.100.0/24'])).toMatchObject({
      matched: false,
      reason: 'aws:SourceIp is 127.0.0.1; IpAddress wants any of 192.0.2.0/24, 198.51.100.0/24.',
    });
    expect(holds('NotIpAddress', 'aws:SourceIp', '127.0.0.0/8')).toMatchObject({
      matched: false,
      reason: 'aws:SourceIp is 127.0.0.1, which NotIpAddress excludes (127.0.0.0/8).',
    });
  });

  it('matches IPv6 ranges, never across families', () => {
    const six = { ...CONTEXT, 'aws:SourceIp': '2001:db8::42' };
    expect(holds('IpAddress', 'aws:SourceIp', '2001:DB8::/32', six).matched).toBe(true);
    expect(holds('IpAddress', 'aws:SourceIp', '2001:db9::/32', six).matched).toBe(false);
    expect(holds('IpAddress', 'aws:SourceIp', '0.0.0.0/0', six).matched).toBe(false);
    expect(holds('IpAddress', 'aws:SourceIp', '::/0').matched).toBe(false);
  });
});

describe('date operators on aws:CurrentTime and aws:EpochTime', () => {
  it.each([
    ['DateGreaterThan', '2026-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2026-01-15T10:20:30Z', false],
    ['DateGreaterThanEquals', '2026-01-15T10:20:30Z', true],
    ['DateLessThan', '2026-01-15T10:20:30Z', false],
    ['DateLessThanEquals', '2026-01-15T10:20:30Z', true],
    ['DateLessThan', '2027-01-01', true],
    ['DateEquals', '2026-01-15T10:20:30Z', true],
    ['DateNotEquals', '2026-01-15T10:20:30Z', false],
    ['DateGreaterThan', '1768472429', true],
  ])('%s %s on aws:CurrentTime: %s', (operator, value, expected) => {
    expect(holds(operator, 'aws:CurrentTime', value).matched).toBe(expected);
    expect(holds(operator, 'aws:EpochTime', value).matched).toBe(expected);
  });
});

describe('Bool', () => {
  it('tests aws:SecureTransport (false on the local http gateway), case-insensitively', () => {
    expect(holds('Bool', 'aws:SecureTransport', 'false').matched).toBe(true);
    expect(holds('Bool', 'aws:SecureTransport', 'True').matched).toBe(false);
    expect(holds('Bool', 'aws:SecureTransport', false).matched).toBe(true);
  });

  it('tests aws:MultiFactorAuthPresent when the request has it', () => {
    const mfa = { ...CONTEXT, 'aws:MultiFactorAuthPresent': 'true' };
    expect(holds('Bool', 'aws:MultiFactorAuthPresent', 'true', mfa).matched).toBe(true);
  });

  it('reads condition keys whatever their case', () => {
    expect(holds('Bool', 'AWS:securetransport', 'false')).toMatchObject({
      key: 'AWS:securetransport',
      matched: true,
    });
  });
});
