// The local STS: STS's query API (Version 2011-06-15; AssumeRole and GetCallerIdentity) at the
// configured path of the gateway. It reads the action, checks the signature under STS's rules,
// then answers in STS's XML, its errors in STS's ErrorResponse with STS's status codes. The
// sessions it issues sign API routes with their role's policy (verifyRequest.ts looks them up).
import { randomUUID } from 'node:crypto';
import { STS_API_VERSION } from '../../../src/request/sts';
import type { WireRequest } from '../../../src/signing';
import type { GatewayConfig, GatewayIdentity } from '../gatewayConfig';
import type { RequestVerifier } from '../verifyRequest';
import { assumeRole } from './assumeRole';
import { accountOf } from './sessionStore';
import { uniqueIdFor } from './stsConfig';
import { errorXml, invalidAction, missingAction, type StsFailure } from './stsErrors';
import { readStsParams, verifyStsRequest } from './stsRequest';
import { assumeRoleXml, getCallerIdentityXml } from './stsXml';

export const STS_ACTIONS = ['AssumeRole', 'GetCallerIdentity'] as const;

export interface StsAnswer {
  status: number;
  body: string;
  requestId: string;
  /** The caller's ARN for the log, when the signature said who it is. */
  callerArn?: string;
  /** STS's error code for the log; undefined on success. */
  code?: string;
}

const ASSUMED_ROLE = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/([^/]+)$/;

/** GetCallerIdentity's UserId: AIDA… for a user, ROLEID:session for an assumed role. */
export function userIdOf(caller: GatewayIdentity): string {
  if ('assumedRoleId' in caller) return (caller as { assumedRoleId: string }).assumedRoleId;
  const session = ASSUMED_ROLE.exec(caller.arn);
  if (session)
    return `${uniqueIdFor('AROA', `arn:aws:iam::${session[1]}:role/${session[2]}`)}:${session[3]}`;
  return uniqueIdFor('AIDA', caller.arn);
}

/** Whether a request-target's path is the STS path, with or without its trailing slash. */
export function isStsPath(rawPath: string, stsPath: string): boolean {
  const bare = stsPath.endsWith('/') ? stsPath.slice(0, -1) : stsPath;
  return rawPath === bare || rawPath === `${bare}/`;
}

export class StsService {
  /** The last MFA time step accepted per device (bounded by the configured devices). */
  private readonly usedMfaSteps = new Map<string, number>();

  constructor(
    private readonly config: GatewayConfig,
    private readonly verifier: RequestVerifier,
  ) {}

  async handle(request: WireRequest, now: number): Promise<StsAnswer> {
    const requestId = randomUUID();
    const fail = (error: StsFailure): StsAnswer => ({
      status: error.status,
      body: errorXml(error, requestId),
      requestId,
      code: error.code,
      ...(error.callerArn === undefined ? {} : { callerArn: error.callerArn }),
    });
    const params = readStsParams(request);
    const action = params.get('Action');
    if (action === undefined || action === '') return fail(missingAction());
    const version = params.get('Version');
    if (!(STS_ACTIONS as readonly string[]).includes(action) || version !== STS_API_VERSION)
      return fail(invalidAction(action.slice(0, 200), version?.slice(0, 200)));

    const verification = await verifyStsRequest(request, now, this.config.region, this.verifier);
    if (!verification.ok) return fail(verification.error);
    const { caller } = verification;
    const ok = (body: string): StsAnswer => ({
      status: 200,
      body,
      requestId,
      callerArn: caller.arn,
    });

    if (action === 'GetCallerIdentity') {
      // No permission is needed to ask who you are, as at AWS.
      const identity = {
        arn: caller.arn,
        userId: userIdOf(caller),
        account: accountOf(caller.arn),
      };
      return ok(getCallerIdentityXml(identity, requestId));
    }
    const result = assumeRole(params, caller, {
      roles: this.config.roles,
      sessions: this.verifier.sessions,
      usedMfaSteps: this.usedMfaSteps,
      now,
    });
    if (!result.ok) return fail({ callerArn: caller.arn, ...result.error });
    const { session } = result;
    return ok(
      assumeRoleXml(
        {
          accessKeyId: session.accessKeyId,
          secretAccessKey: session.secretAccessKey,
          sessionToken: session.sessionToken,
          expiresAt: Date.parse(session.expiresAt),
          assumedRoleArn: session.arn,
          assumedRoleId: session.assumedRoleId,
        },
        requestId,
      ),
    );
  }
}
