// The temporary credentials the local STS has issued, looked up by access key ID when they sign a
// request. Bounded: past MAX_SESSIONS the oldest session is forgotten (its keys then get
// InvalidClientTokenId), so no client can grow the gateway's memory by assuming roles in a loop.
// Expired sessions are kept until pushed out, so that their keys are answered "expired" rather
// than "invalid", as AWS does.
import { randomBytes } from 'node:crypto';
import type { GatewayIdentity } from '../gatewayConfig';
import type { GatewayRole } from './stsConfig';

export const MAX_SESSIONS = 1000;

/** An assumed-role session: an identity with the role's policy, plus what STS said about it. */
export interface RoleSession extends GatewayIdentity {
  sessionToken: string;
  expiresAt: string;
  role: GatewayRole;
  sessionName: string;
  /** ROLEID:session, the session's user ID. */
  assumedRoleId: string;
  /** Whether the AssumeRole that made it was authenticated with MFA. */
  mfaPresent: boolean;
}

const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** ASIA and 16 random characters of IAM's key alphabet, as STS's temporary access key IDs look. */
function temporaryAccessKeyId(): string {
  let id = 'ASIA';
  for (const byte of randomBytes(16)) id += KEY_ALPHABET[byte % 32];
  return id;
}

/** The account an ARN belongs to (its fifth field). */
export const accountOf = (arn: string) => arn.split(':')[4] ?? '';

export class SessionStore {
  private readonly sessions = new Map<string, RoleSession>();

  constructor(private readonly max = MAX_SESSIONS) {}

  get size(): number {
    return this.sessions.size;
  }

  /** New random keys and token for a session of `role`, valid until `expiresAt` (epoch ms). */
  issue(
    role: GatewayRole,
    sessionName: string,
    expiresAt: number,
    mfaPresent: boolean,
  ): RoleSession {
    const accessKeyId = temporaryAccessKeyId();
    const session: RoleSession = {
      name: `${role.name}/${sessionName}`,
      accessKeyId,
      // 30 random bytes: 40 base64 characters, as long as AWS's secrets.
      secretAccessKey: randomBytes(30).toString('base64'),
      // Opaque to clients, as STS's are; long enough to look like one.
      sessionToken: `IQoJb3JpZ2luX2VjE${randomBytes(180).toString('base64')}`,
      expiresAt: new Date(expiresAt).toISOString(),
      arn: `arn:aws:sts::${accountOf(role.arn)}:assumed-role/${role.name}/${sessionName}`,
      policy: role.policy,
      role,
      sessionName,
      assumedRoleId: `${role.roleId}:${sessionName}`,
      mfaPresent,
    };
    if (this.sessions.size >= this.max) {
      // A Map iterates in insertion order: the first key is the oldest session.
      const oldest = this.sessions.keys().next().value;
      if (oldest !== undefined) this.sessions.delete(oldest);
    }
    this.sessions.set(accessKeyId, session);
    return session;
  }

  get(accessKeyId: string): RoleSession | undefined {
    return this.sessions.get(accessKeyId);
  }
}
