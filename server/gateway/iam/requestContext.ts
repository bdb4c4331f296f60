// The request context the policies' conditions read: who signed (aws:PrincipalArn, …), from where
// (aws:SourceIp), when (aws:CurrentTime, aws:EpochTime) and how (aws:SecureTransport,
// aws:MultiFactorAuthPresent), valued as AWS values them ("AWS global condition context keys").
import type { GatewayIdentity } from '../gatewayConfig';
import { uniqueIdFor } from '../sts/stsConfig';
import { normalizeSourceIp } from './ipAddress';

/** What the gateway knows of one request beyond the caller. */
export interface RequestFacts {
  now: number;
  /** The socket's remote address; absent when unknown (then so is aws:SourceIp). */
  remoteAddress?: string | undefined;
  /** The local gateway speaks plain HTTP: false. */
  secureTransport: boolean;
  /** Extra keys of one service's request (sts:ExternalId for AssumeRole). */
  extra?: ReadonlyArray<readonly [string, string]>;
  /** Overrides the identity's own MFA state (AssumeRole: this request's MFA code). */
  mfaPresent?: boolean;
}

const ASSUMED_ROLE = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;
const USER = /^arn:aws:iam::(\d{12}):user\/(?:[^/]+\/)*([^/]+)$/;

type PrincipalKeys = Array<[string, string[]]>;
const principalCache = new WeakMap<GatewayIdentity, PrincipalKeys>();

/** The caller's keys, which do not change from one request to the next (remembered per identity). */
function principalKeys(identity: GatewayIdentity): PrincipalKeys {
  let keys = principalCache.get(identity);
  if (keys !== undefined) return keys;
  const account = identity.arn.split(':')[4] ?? '';
  keys = [['aws:PrincipalAccount', [account]]];
  const session = ASSUMED_ROLE.exec(identity.arn);
  const user = USER.exec(identity.arn);
  if (session) {
    // For a role session, aws:PrincipalArn is the role's ARN, not the session's (AWS's rule).
    const role = 'role' in identity ? (identity.role as { arn: string }) : undefined;
    const roleArn = role?.arn ?? `arn:aws:iam::${session[1]}:role/${session[2]}`;
    const userId =
      'assumedRoleId' in identity
        ? String(identity.assumedRoleId)
        : `${uniqueIdFor('AROA', roleArn)}:${session[3]}`;
    keys.push(
      ['aws:PrincipalArn', [roleArn]],
      ['aws:PrincipalType', ['AssumedRole']],
      ['aws:userid', [userId]],
    );
  } else {
    keys.push(['aws:PrincipalArn', [identity.arn]]);
    if (user) {
      keys.push(
        ['aws:PrincipalType', ['User']],
        ['aws:username', [user[2]!]],
        ['aws:userid', [uniqueIdFor('AIDA', identity.arn)]],
      );
    }
  }
  principalCache.set(identity, keys);
  return keys;
}

/** The condition keys of one request, by AWS's spelling. */
export function requestContextKeys(
  identity: GatewayIdentity,
  facts: RequestFacts,
): Map<string, string[]> {
  const keys = new Map<string, string[]>(principalKeys(identity));
  if (facts.remoteAddress !== undefined && facts.remoteAddress !== '')
    keys.set('aws:SourceIp', [normalizeSourceIp(facts.remoteAddress)]);
  keys.set('aws:CurrentTime', [new Date(facts.now).toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  keys.set('aws:EpochTime', [String(Math.floor(facts.now / 1000))]);
  keys.set('aws:SecureTransport', [String(facts.secureTransport)]);
  // Present only for temporary credentials (AWS: absent for long-term access keys).
  const temporary = identity.sessionToken != null && identity.sessionToken !== '';
  const mfa = facts.mfaPresent ?? ('mfaPresent' in identity ? Boolean(identity.mfaPresent) : false);
  if (temporary || facts.mfaPresent !== undefined)
    keys.set('aws:MultiFactorAuthPresent', [String(mfa)]);
  for (const [key, value] of facts.extra ?? []) keys.set(key, [value]);
  return keys;
}
