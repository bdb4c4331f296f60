// The decision from the policies that apply, in the order of IAM's policy evaluation logic for a
// caller in the same account as the resource:
// 1. an explicit Deny in any policy denies;
// 2. otherwise an Allow in the caller's identity policy, or in the resource policy when it names
//    the caller, allows ("How API Gateway resource policies affect authorization workflow",
//    table A: either suffices);
// 3. otherwise the request is implicitly denied.
// A role's trust policy is a resource policy that must allow (AssumeRole): naming the caller it
// allows alone; naming only the caller's account it delegates to the caller's identity policy.
import {
  IAM_DECISION_TRACE_VERSION,
  type IamDecisionTrace,
  type IamPolicySource,
} from '../../../src/diagnosis/iamDecisionTrace';
import type { EvaluationRequest } from './evaluateCondition';
import { evaluatePolicy, type PolicyEvaluation } from './evaluatePolicy';
import type { CompiledPolicy } from './policyTypes';

export interface AppliedPolicy {
  policy: CompiledPolicy;
  source: IamPolicySource;
}

export interface DecisionInput {
  request: EvaluationRequest;
  identity: AppliedPolicy;
  /** The API's resource policy, or the role's trust policy. */
  resource?: AppliedPolicy;
  /** AssumeRole: the trust policy must allow (directly, or by delegating to the identity policy). */
  resourceMustAllow?: boolean;
}

/** The decision and its trace, context keys listed in AWS's spelling. */
export function decide(input: DecisionInput): IamDecisionTrace {
  const { request } = input;
  const evaluations: PolicyEvaluation[] = [
    evaluatePolicy(input.identity.policy, input.identity.source, request),
  ];
  if (input.resource !== undefined)
    evaluations.push(evaluatePolicy(input.resource.policy, input.resource.source, request));
  const [identity, resource] = evaluations as [PolicyEvaluation, PolicyEvaluation | undefined];
  const base: Pick<IamDecisionTrace, 'version' | 'context' | 'policies'> = {
    version: IAM_DECISION_TRACE_VERSION,
    context: {
      action: request.action,
      resource: request.resource,
      callerArn: request.callerArn,
      keys: [...request.keys].map(([key, values]) => ({ key, values: [...values] })),
    },
    policies: evaluations.map((evaluation) => evaluation.trace),
  };
  const deny = evaluations.findIndex((evaluation) => evaluation.denyAt !== undefined);
  if (deny >= 0)
    return {
      ...base,
      decision: 'deny',
      rule: 'explicit-deny',
      decidedBy: { policy: deny, statement: evaluations[deny]!.denyAt! },
    };
  const identityAllow =
    identity.allowAt !== undefined &&
    (!input.resourceMustAllow || resource?.delegateAt !== undefined);
  if (identityAllow)
    return {
      ...base,
      decision: 'allow',
      rule: 'identity-allow',
      decidedBy: { policy: 0, statement: identity.allowAt! },
    };
  if (resource?.allowAt !== undefined)
    return {
      ...base,
      decision: 'allow',
      rule: 'resource-allow',
      decidedBy: { policy: 1, statement: resource.allowAt },
    };
  return { ...base, decision: 'deny', rule: 'implicit-deny' };
}
