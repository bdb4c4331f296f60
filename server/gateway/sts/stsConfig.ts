// The local STS's part of the gateway configuration: where it answers, the roles callers may
// assume (trust policy, identity policy, longest session), and the MFA devices of identities.
// Checked at load like the rest of the configuration, so a hand-written mistake is a sentence
// naming the field, never a crash on the first AssumeRole.
import { createHash } from 'node:crypto';
import { LOCAL_STS_PATH, MAX_DURATION_SECONDS } from '../../../src/request/sts';
import type { PolicyChecker } from '../gatewayConfig';
import type { PolicyStatement } from '../iam/policyTypes';
import { decodeBase32 } from './totp';

/**
 * One statement of a role's trust policy: who may assume it (Principal), and on which conditions
 * (sts:ExternalId, aws:MultiFactorAuthPresent, any key of iam/conditionKeys.ts). Checked and
 * evaluated by the same engine as every other policy (iam/).
 */
export type TrustStatement = PolicyStatement;

export interface GatewayRole {
  name: string;
  /** arn:aws:iam::ACCOUNT:role/NAME (a path may come before the name). */
  arn: string;
  /** AROA…: the role's unique ID, the first part of an assumed role's user ID. */
  roleId: string;
  trustPolicy: TrustStatement[];
  /** What the role's sessions may do, in the form of identities' `policy`. */
  policy: PolicyStatement[];
  /** The longest session AssumeRole grants, in seconds (IAM: 3600 to 43200, default 3600). */
  maxSessionDuration: number;
}

export interface MfaDevice {
  /** The device's ARN, which AssumeRole's SerialNumber names: arn:aws:iam::ACCOUNT:mfa/NAME. */
  serialNumber: string;
  /** The TOTP secret in base32, as an authenticator app is given it. */
  totpSecret: string;
}

export interface StsSettings {
  enabled: boolean;
  /** Where STS's query API answers, after the gateway's origin (LOCAL_STS_PATH by default). */
  path: string;
}

export const DEFAULT_MAX_SESSION_DURATION = 3600;
/** IAM's floor for a role's maximum session duration. */
export const MIN_MAX_SESSION_DURATION = 3600;

type Fail = (message: string) => never;
const isString = (value: unknown): value is string => typeof value === 'string';

const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const MFA_SERIAL = /^arn:aws:iam::\d{12}:mfa\/[\w+=,.@/-]{1,256}$/;
const STS_PATH = /^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*\/?$/;

/**
 * A unique ID in IAM's form for an ARN: the prefix (AIDA users, AROA roles) and 17 characters
 * derived from the ARN, so it stays the same from one run to the next.
 */
export function uniqueIdFor(prefix: 'AIDA' | 'AROA', arn: string): string {
  const digest = createHash('sha256').update(arn).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let id = prefix;
  for (let i = 0; i < 17; i++) id += alphabet[digest[i]! % 32];
  return id;
}

export function parseStsSettings(raw: unknown, stage: string, fail: Fail): StsSettings {
  if (raw === undefined || raw === null) return { enabled: true, path: LOCAL_STS_PATH };
  if (typeof raw !== 'object') fail('"sts" must be an object such as {"path": "/sts/"}');
  const sts = raw as Record<string, unknown>;
  const path = sts.path ?? LOCAL_STS_PATH;
  if (!isString(path) || path.length > 100 || !STS_PATH.test(path))
    fail('"sts.path" must be a path such as "/sts/": \'/\'-separated letters, digits and ._~-');
  const first = path.split('/')[1];
  if (stage !== '' && first === stage)
    fail(`"sts.path" ${path} lies under the stage "/${stage}/": choose a path outside it`);
  if (sts.enabled !== undefined && typeof sts.enabled !== 'boolean')
    fail('"sts.enabled" must be true or false');
  return { enabled: sts.enabled !== false, path };
}

/**
 * The configured roles, checked, with their defaults: arn from the account and name, a derived
 * role ID, maxSessionDuration 3600. `checkPolicy` is the identities' policy check, reused.
 */
export function parseRoles(
  raw: unknown,
  account: string,
  checkPolicy: PolicyChecker,
  fail: Fail,
): GatewayRole[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail('"roles" must be a list');
  const arns = new Set<string>();
  return (raw as Record<string, unknown>[]).map((role, index) => {
    const where = `roles[${index}]`;
    if (!isString(role.name) || !/^[\w+=,.@-]{1,64}$/.test(role.name))
      fail(`${where}.name must be 1 to 64 letters, digits or _+=,.@-`);
    const arn = role.arn ?? `arn:aws:iam::${account}:role/${role.name}`;
    const parts = isString(arn) ? ROLE_ARN.exec(arn) : null;
    if (!parts || parts[2] !== role.name)
      fail(
        `${where}.arn must be a role ARN ending in the role's name, e.g. arn:aws:iam::${account}:role/${role.name}`,
      );
    if (arns.has(arn as string)) fail(`${where}.arn ${String(arn)} is listed twice`);
    arns.add(arn as string);
    const max = role.maxSessionDuration ?? DEFAULT_MAX_SESSION_DURATION;
    if (
      !Number.isInteger(max) ||
      (max as number) < MIN_MAX_SESSION_DURATION ||
      (max as number) > MAX_DURATION_SECONDS
    )
      fail(
        `${where}.maxSessionDuration must be a whole number of seconds from ${MIN_MAX_SESSION_DURATION} to ${MAX_DURATION_SECONDS}`,
      );
    if (Array.isArray(role.trustPolicy) && role.trustPolicy.length === 0)
      fail(`${where}.trustPolicy must be a non-empty list of statements`);
    const trustPolicy = checkPolicy(role.trustPolicy, ['roles', index, 'trustPolicy'], 'trust');
    const policy = checkPolicy(role.policy, ['roles', index, 'policy'], 'identity');
    if (
      role.roleId !== undefined &&
      (!isString(role.roleId) || !/^AROA[A-Z0-9]{4,124}$/.test(role.roleId))
    )
      fail(`${where}.roleId must look like AROA followed by upper-case letters and digits`);
    return {
      name: role.name,
      arn: arn as string,
      roleId: (role.roleId as string | undefined) ?? uniqueIdFor('AROA', arn as string),
      trustPolicy,
      policy,
      maxSessionDuration: max as number,
    };
  });
}

/** An identity's `mfa` field: undefined when absent, else the checked device. */
export function parseMfaDevice(raw: unknown, where: string, fail: Fail): MfaDevice | undefined {
  if (raw === undefined || raw === null) return undefined;
  const mfa = raw as Record<string, unknown>;
  if (!isString(mfa.serialNumber) || !MFA_SERIAL.test(mfa.serialNumber))
    fail(
      `${where}.serialNumber must be an MFA device ARN such as arn:aws:iam::123456789012:mfa/name`,
    );
  const secret = isString(mfa.totpSecret) ? decodeBase32(mfa.totpSecret) : undefined;
  if (secret === undefined || secret.length < 16)
    fail(`${where}.totpSecret must be a base32 TOTP secret of at least 128 bits (26 characters)`);
  return { serialNumber: mfa.serialNumber, totpSecret: mfa.totpSecret as string };
}
