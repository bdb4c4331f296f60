// AssumeRole as STS decides it: the parameters checked against STS's model (botocore's
// service-2.json: lengths, patterns, DurationSeconds 900..43200), then the MFA code, the role's
// trust policy (and, when it trusts only the caller's account, the caller's own policy), the
// role's maximum session duration, and finally fresh keys for the session.
import { MAX_DURATION_SECONDS, MIN_DURATION_SECONDS } from '../../../src/request/sts';
import type { GatewayIdentity } from '../gatewayConfig';
import type { RoleSession, SessionStore } from './sessionStore';
import type { GatewayRole } from './stsConfig';
import {
  assumeRoleDenied,
  durationOverChainingLimit,
  durationOverRoleMaximum,
  memberProblem,
  mfaCodeInvalid,
  mfaDeviceUnknown,
  validationErrors,
  type StsFailure,
} from './stsErrors';
import { decodeBase32, matchTotp } from './totp';
import { authorizeAssumeRole } from './trustPolicy';

export const DEFAULT_DURATION_SECONDS = 3600;
/** A session assumed with a session's keys (role chaining) lasts at most an hour. */
export const ROLE_CHAINING_MAX_SECONDS = 3600;

interface MemberRule {
  member: string;
  param: string;
  required?: boolean;
  min: number;
  max: number;
  pattern?: { source: string; regex: RegExp };
}

/** STS's model for AssumeRole's string members (botocore's sts service-2.json). */
const RULES: readonly MemberRule[] = [
  { member: 'roleArn', param: 'RoleArn', required: true, min: 20, max: 2048 },
  {
    member: 'roleSessionName',
    param: 'RoleSessionName',
    required: true,
    min: 2,
    max: 64,
    pattern: { source: '[\\w+=,.@-]*', regex: /^[\w+=,.@-]*$/ },
  },
  {
    member: 'externalId',
    param: 'ExternalId',
    min: 2,
    max: 1224,
    pattern: { source: '[\\w+=,.@:\\/-]*', regex: /^[\w+=,.@:/-]*$/ },
  },
  {
    member: 'serialNumber',
    param: 'SerialNumber',
    min: 9,
    max: 256,
    pattern: { source: '[\\w+=/:,.@-]*', regex: /^[\w+=/:,.@-]*$/ },
  },
  {
    member: 'tokenCode',
    param: 'TokenCode',
    min: 6,
    max: 6,
    pattern: { source: '[\\d]*', regex: /^\d*$/ },
  },
];

/** Echoed values are cut short, so a huge parameter cannot make a huge answer. */
const echo = (value: string) => (value.length > 2100 ? `${value.slice(0, 2100)}…` : value);

function memberProblems(params: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  for (const rule of RULES) {
    const value = params.get(rule.param);
    if (value === undefined) {
      if (rule.required)
        problems.push(memberProblem(undefined, rule.member, 'Member must not be null'));
      continue;
    }
    // Length is counted in characters, as STS does; checked before the pattern, which then runs on
    // at most `max` characters.
    const length = value.length > rule.max * 2 ? value.length : [...value].length;
    if (length < rule.min)
      problems.push(
        memberProblem(
          echo(value),
          rule.member,
          `Member must have length greater than or equal to ${rule.min}`,
        ),
      );
    else if (length > rule.max)
      problems.push(
        memberProblem(
          echo(value),
          rule.member,
          `Member must have length less than or equal to ${rule.max}`,
        ),
      );
    else if (rule.pattern && !rule.pattern.regex.test(value))
      problems.push(
        memberProblem(
          value,
          rule.member,
          `Member must satisfy regular expression pattern: ${rule.pattern.source}`,
        ),
      );
  }
  const duration = params.get('DurationSeconds');
  if (duration !== undefined) {
    const seconds = /^-?\d{1,12}$/.test(duration) ? Number(duration) : NaN;
    if (Number.isNaN(seconds))
      problems.push(
        memberProblem(echo(duration), 'durationSeconds', 'Member must be a whole number'),
      );
    else if (seconds < MIN_DURATION_SECONDS)
      problems.push(
        memberProblem(
          duration,
          'durationSeconds',
          `Member must have value greater than or equal to ${MIN_DURATION_SECONDS}`,
        ),
      );
    else if (seconds > MAX_DURATION_SECONDS)
      problems.push(
        memberProblem(
          duration,
          'durationSeconds',
          `Member must have value less than or equal to ${MAX_DURATION_SECONDS}`,
        ),
      );
  }
  return problems;
}

export interface AssumeRoleContext {
  roles: readonly GatewayRole[];
  sessions: SessionStore;
  /** The last time step accepted per MFA device: a code is good once, as at AWS. */
  usedMfaSteps: Map<string, number>;
  now: number;
}

type MfaCheck = { ok: true; present: boolean; step?: number } | { ok: false; error: StsFailure };

/** SerialNumber and TokenCode, checked against the caller's configured device. */
function checkMfa(
  params: ReadonlyMap<string, string>,
  caller: GatewayIdentity,
  context: AssumeRoleContext,
): MfaCheck {
  const serial = params.get('SerialNumber');
  const code = params.get('TokenCode');
  if (serial === undefined && code === undefined) return { ok: true, present: false };
  const device = caller.mfa;
  if (serial === undefined || code === undefined || device?.serialNumber !== serial)
    return { ok: false, error: mfaDeviceUnknown() };
  const step = matchTotp(decodeBase32(device.totpSecret)!, code, context.now);
  const lastUsed = context.usedMfaSteps.get(serial);
  if (step === undefined || (lastUsed !== undefined && step <= lastUsed))
    return { ok: false, error: mfaCodeInvalid() };
  return { ok: true, present: true, step };
}

export type AssumeRoleResult =
  { ok: true; session: RoleSession } | { ok: false; error: StsFailure };

export function assumeRole(
  params: ReadonlyMap<string, string>,
  caller: GatewayIdentity,
  context: AssumeRoleContext,
): AssumeRoleResult {
  const problems = memberProblems(params);
  if (problems.length > 0) return { ok: false, error: validationErrors(problems) };
  const roleArn = params.get('RoleArn')!;
  const denied = {
    ok: false as const,
    error: { ...assumeRoleDenied(caller.arn, roleArn), callerArn: caller.arn },
  };
  const role = context.roles.find((candidate) => candidate.arn === roleArn);
  if (role === undefined) return denied;

  const mfa = checkMfa(params, caller, context);
  if (!mfa.ok) return { ok: false, error: { ...mfa.error, callerArn: caller.arn } };
  const chained = 'role' in caller;
  const decision = authorizeAssumeRole(caller, role, {
    externalId: params.get('ExternalId'),
    mfaPresent: mfa.present,
    now: context.now,
  });
  if (decision.decision !== 'allow') return denied;

  const durationText = params.get('DurationSeconds');
  const duration = durationText === undefined ? DEFAULT_DURATION_SECONDS : Number(durationText);
  if (chained && duration > ROLE_CHAINING_MAX_SECONDS)
    return { ok: false, error: { ...durationOverChainingLimit(), callerArn: caller.arn } };
  if (duration > role.maxSessionDuration)
    return { ok: false, error: { ...durationOverRoleMaximum(), callerArn: caller.arn } };

  if (mfa.step !== undefined) context.usedMfaSteps.set(params.get('SerialNumber')!, mfa.step);
  const session = context.sessions.issue(
    role,
    params.get('RoleSessionName')!,
    context.now + duration * 1000,
    mfa.present,
  );
  return { ok: true, session };
}
