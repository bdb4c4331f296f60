import { describe, expect, it } from 'vitest';
import { principalNames } from '../iam/principals';
import type { TrustStatement } from './stsConfig';
import { evaluateTrust, type TrustContext } from './trustPolicy';

const USER = 'arn:aws:iam::111122223333:user/demo';
const SESSION = 'arn:aws:sts::111122223333:assumed-role/reader/s1';
const context = (overrides: Partial<TrustContext> = {}): TrustContext => ({
  callerArn: USER,
  externalId: undefined,
  mfaPresent: false,
  ...overrides,
});
const allow = (principal: string, extra: Partial<TrustStatement> = {}): TrustStatement => ({
  Effect: 'Allow',
  Principal: { AWS: principal },
  Action: 'sts:AssumeRole',
  ...extra,
});

/** Whether a trust statement naming the caller holds under `condition` (the engine's conditions). */
const conditionsHold = (condition: TrustStatement['Condition'], trust: TrustContext) =>
  evaluateTrust([allow(USER, { Condition: condition! })], trust) === 'trusted';

describe('principalNames', () => {
  it('names the caller by its ARN or "*", its account by root ARN or account ID', () => {
    expect(principalNames(USER, USER)).toBe('caller');
    expect(principalNames('*', USER)).toBe('caller');
    expect(principalNames('arn:aws:iam::111122223333:root', USER)).toBe('account');
    expect(principalNames('111122223333', USER)).toBe('account');
    expect(principalNames('444455556666', USER)).toBeUndefined();
    expect(principalNames('arn:aws:iam::111122223333:user/other', USER)).toBeUndefined();
  });

  it('names a role’s sessions by the role’s ARN, with or without a path', () => {
    expect(principalNames('arn:aws:iam::111122223333:role/reader', SESSION)).toBe('caller');
    expect(principalNames('arn:aws:iam::111122223333:role/team/reader', SESSION)).toBe('caller');
    expect(principalNames('arn:aws:iam::111122223333:role/writer', SESSION)).toBeUndefined();
    expect(principalNames('arn:aws:iam::444455556666:role/reader', SESSION)).toBeUndefined();
  });
});

describe('conditionsHold', () => {
  it('StringEquals needs the key present and equal to one of the values', () => {
    const condition = { StringEquals: { 'sts:ExternalId': ['a1', 'b2'] } };
    expect(conditionsHold(condition, context({ externalId: 'b2' }))).toBe(true);
    expect(conditionsHold(condition, context({ externalId: 'c3' }))).toBe(false);
    expect(conditionsHold(condition, context())).toBe(false);
  });

  it('StringNotEquals holds when the key is absent', () => {
    const condition = { StringNotEquals: { 'sts:ExternalId': 'a1' } };
    expect(conditionsHold(condition, context())).toBe(true);
    expect(conditionsHold(condition, context({ externalId: 'a1' }))).toBe(false);
  });

  it('Bool compares aws:MultiFactorAuthPresent, given as a string or a boolean', () => {
    expect(
      conditionsHold(
        { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        context({ mfaPresent: true }),
      ),
    ).toBe(true);
    expect(
      conditionsHold(
        { Bool: { 'aws:MultiFactorAuthPresent': true } },
        context({ mfaPresent: true }),
      ),
    ).toBe(true);
    expect(conditionsHold({ Bool: { 'aws:MultiFactorAuthPresent': 'True' } }, context())).toBe(
      false,
    );
    expect(conditionsHold({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, context())).toBe(
      true,
    );
  });

  it('needs every operator and key to hold', () => {
    const condition = {
      StringEquals: { 'sts:ExternalId': 'a1' },
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    };
    expect(conditionsHold(condition, context({ externalId: 'a1' }))).toBe(false);
    expect(conditionsHold(condition, context({ externalId: 'a1', mfaPresent: true }))).toBe(true);
  });
});

describe('evaluateTrust', () => {
  it('trusts a caller an Allow names, the account when it names only the account', () => {
    expect(evaluateTrust([allow(USER)], context())).toBe('trusted');
    expect(evaluateTrust([allow('111122223333')], context())).toBe('trusted-account');
    expect(evaluateTrust([allow('111122223333'), allow(USER)], context())).toBe('trusted');
    expect(evaluateTrust([allow('444455556666')], context())).toBe('not-trusted');
  });

  it('lets a matching Deny win, and ignores statements for other actions', () => {
    const deny: TrustStatement = { ...allow('111122223333'), Effect: 'Deny' };
    expect(evaluateTrust([allow(USER), deny], context())).toBe('explicit-deny');
    expect(evaluateTrust([allow(USER, { Action: 'sts:TagSession' })], context())).toBe(
      'not-trusted',
    );
    expect(evaluateTrust([allow(USER, { Action: 'sts:*' })], context())).toBe('trusted');
  });

  it('skips an Allow whose condition fails', () => {
    const needsMfa = allow(USER, { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } });
    expect(evaluateTrust([needsMfa], context())).toBe('not-trusted');
    expect(evaluateTrust([needsMfa], context({ mfaPresent: true }))).toBe('trusted');
  });
});
