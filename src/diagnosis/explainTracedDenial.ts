// The error doctor's denial explanation when the local gateway sent its decision: which policy,
// from the trace rather than from AWS's message (explainDenial.ts), in the sentence the decision
// view shows. A module of its own, so the page's first bundle (which reads AWS's messages)
// carries none of it.
import { describeIamDecision, nearestAllow } from './describeIamDecision';
import type { Denial } from './explainDenial';
import type { IamDecisionTrace } from './iamDecisionTrace';

/**
 * A denial the local gateway explained with its decision trace: which policy, from the trace
 * rather than the message, in the same sentence the decision view shows (describeIamDecision).
 */
export function explainTracedDenial(trace: IamDecisionTrace): Denial {
  const policy =
    trace.decidedBy !== undefined
      ? trace.policies[trace.decidedBy.policy]
      : trace.policies[nearestAllow(trace)?.policy ?? 0];
  const kind = policy?.source.kind;
  return {
    explicit: trace.rule === 'explicit-deny',
    ...(kind === undefined
      ? {}
      : {
          policyType: kind === 'identity' ? 'identity-based policy' : 'resource-based policy',
          policyArn: policy!.source.arn,
        }),
    sentence: describeIamDecision(trace),
  };
}
