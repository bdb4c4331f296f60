// AssumeRole's authorization, on the same engine as every other policy (iam/): the role's trust
// policy is the resource policy, evaluated with the caller's identity policy. A matching Deny in
// either wins; an Allow in the trust policy that names the caller grants the call on its own; one
// that names only the caller's account delegates to the account, so the caller's own policy must
// also allow sts:AssumeRole on the role.
import type { IamDecisionTrace } from '../../../src/diagnosis/iamDecisionTrace';
import type { GatewayIdentity } from '../gatewayConfig';
import { decide } from '../iam/decide';
import { evaluatePolicy } from '../iam/evaluatePolicy';
import { compiledPolicy } from '../iam/parsePolicy';
import { requestContextKeys } from '../iam/requestContext';
import type { GatewayRole, TrustStatement } from './stsConfig';

/** What the trust policy's conditions can see of the request. */
export interface TrustContext {
  /** The caller's ARN: an IAM user or role, or an assumed-role session. */
  callerArn: string;
  /** The ExternalId the request carries, if any. */
  externalId: string | undefined;
  /** Whether the request was authenticated with MFA (aws:MultiFactorAuthPresent). */
  mfaPresent: boolean;
}

export type TrustDecision =
  /** An Allow names the caller (or "*"): the trust policy grants the call by itself. */
  | 'trusted'
  /** An Allow names only the caller's account: its identity policy must allow it too. */
  | 'trusted-account'
  | 'not-trusted'
  | 'explicit-deny';

export const ASSUME_ROLE_ACTION = 'sts:AssumeRole';

/** The trust policy on its own (what it says of this caller), for tests and explanations. */
export function evaluateTrust(
  statements: readonly TrustStatement[],
  context: TrustContext,
  now = 0,
): TrustDecision {
  const caller = { arn: context.callerArn } as GatewayIdentity;
  const keys = requestContextKeys(caller, {
    now,
    secureTransport: false,
    mfaPresent: context.mfaPresent,
    extra: context.externalId === undefined ? [] : [['sts:ExternalId', context.externalId]],
  });
  const evaluation = evaluatePolicy(
    compiledPolicy(statements, 'trust'),
    { kind: 'trust', name: '', arn: '' },
    { action: ASSUME_ROLE_ACTION, resource: '', callerArn: context.callerArn, keys },
  );
  if (evaluation.denyAt !== undefined) return 'explicit-deny';
  if (evaluation.allowAt !== undefined) return 'trusted';
  return evaluation.delegateAt !== undefined ? 'trusted-account' : 'not-trusted';
}

/** Whether `caller` may assume `role`, with the whole decision as a trace. */
export function authorizeAssumeRole(
  caller: GatewayIdentity,
  role: GatewayRole,
  request: { externalId: string | undefined; mfaPresent: boolean; now: number },
): IamDecisionTrace {
  const keys = requestContextKeys(caller, {
    now: request.now,
    secureTransport: false,
    // A chained session's own MFA is not carried over: only this request's code counts.
    mfaPresent: request.mfaPresent,
    extra: request.externalId === undefined ? [] : [['sts:ExternalId', request.externalId]],
  });
  return decide({
    request: { action: ASSUME_ROLE_ACTION, resource: role.arn, callerArn: caller.arn, keys },
    identity: {
      policy: compiledPolicy(caller.policy, 'identity'),
      source: {
        kind: 'identity',
        principal: 'role' in caller ? 'role' : 'user',
        name: caller.name,
        arn: caller.arn,
      },
    },
    resource: {
      policy: compiledPolicy(role.trustPolicy, 'trust'),
      source: { kind: 'trust', name: role.name, arn: role.arn },
    },
    resourceMustAllow: true,
  });
}
