// What an AccessDenied message says about which policy said no. AWS's messages name it since
// 2023 (IAM User Guide, "Troubleshoot access denied error messages"): "… with an explicit deny
// in a service control policy", "… because no permissions boundary allows the s3:GetObject
// action", sometimes followed by the policy's ARN. API Gateway adds its own two: a Lambda
// authorizer's Deny and an unsigned caller ("anonymous") refused by a resource policy.

/** The policy types AWS names in an AccessDenied message. */
export type PolicyType =
  | 'identity-based policy'
  | 'resource-based policy'
  | 'service control policy'
  | 'resource control policy'
  | 'permissions boundary'
  | 'session policy'
  | 'VPC endpoint policy';

export interface Denial {
  /** Which policy, when the message names one. */
  policyType?: PolicyType;
  /** A Deny statement matched (explicit), or no Allow did (implicit). */
  explicit: boolean;
  /** The policy's ARN, when the message gives it. */
  policyArn?: string;
  /** What it means and what to check, in one or two sentences. */
  sentence: string;
}

const POLICY_TYPES: PolicyType[] = [
  'identity-based policy',
  'resource-based policy',
  'service control policy',
  'resource control policy',
  'permissions boundary',
  'session policy',
  'VPC endpoint policy',
];

const EXPLICIT: Record<PolicyType, string> = {
  'identity-based policy':
    'A Deny statement in a policy attached to the caller (its user, group or role) matches this action and resource, and a Deny wins over every Allow: find that statement (the IAM policy simulator names it) and narrow or remove it.',
  'resource-based policy':
    'The resource’s own policy (a bucket policy, an API’s resource policy, a key policy, a role’s trust policy) has a Deny statement matching this caller and action — often a condition on the source IP, VPC endpoint or TLS: check that policy’s Deny statements and their conditions.',
  'service control policy':
    'A service control policy (SCP) of the AWS Organization — on the account, an organizational unit above it or the root — denies this action. It binds everyone in the account, the root user included, and nothing in the account can override it: ask the organization’s administrators (a region or service restriction is the usual cause).',
  'resource control policy':
    'A resource control policy (RCP) of the AWS Organization denies this action on resources of the account, whoever calls: ask the organization’s administrators.',
  'permissions boundary':
    'The caller’s permissions boundary (the managed policy set on the user or role that caps what its policies may grant) has a Deny statement matching this request: change the boundary, or ask whoever set it.',
  'session policy':
    'The session policy passed when these temporary credentials were made (assume-role --policy, or a federation token’s) denies this action: start a new session without that restriction.',
  'VPC endpoint policy':
    'The policy of the VPC endpoint the request went through denies this action: check that endpoint’s policy.',
};

const IMPLICIT: Record<PolicyType, string> = {
  'identity-based policy':
    'No policy attached to the caller (its user, group or role) allows this action on this resource — an implicit deny: add an Allow for it.',
  'resource-based policy':
    'The resource’s own policy does not allow this caller, and for this request it must (a call from another account, or a resource that requires it): add the caller to that policy.',
  'service control policy':
    'The service control policies (SCPs) of the AWS Organization allow only listed actions, and this one is not allowed at some level (the root, an organizational unit or the account): only the organization’s administrators can change that.',
  'resource control policy':
    'The resource control policies (RCPs) of the AWS Organization do not allow this action on the account’s resources: ask the organization’s administrators.',
  'permissions boundary':
    'The caller has a permissions boundary (a managed policy set on the user or role that caps what its policies may grant) that does not allow this action on this resource, so even an Allow in its own policies cannot grant it: add the action to the boundary, or ask whoever set it.',
  'session policy':
    'These temporary credentials were made with a session policy that does not allow this action, so the role’s own Allow is not enough: start a new session without that restriction, or with one that allows it.',
  'VPC endpoint policy':
    'The policy of the VPC endpoint the request went through does not allow this action: add it to the endpoint’s policy.',
};

/**
 * The phrase starts at a fixed opening found with indexOf, so the cost is one pass whatever the
 * message holds.
 */
function policyAfter(
  message: string,
  opening: string,
): { type: PolicyType; at: number } | undefined {
  const at = message.indexOf(opening);
  if (at < 0) return undefined;
  const rest = message.slice(at + opening.length, at + opening.length + 40);
  const type = POLICY_TYPES.find((name) => rest.startsWith(name));
  return type === undefined ? undefined : { type, at: at + opening.length + type.length };
}

/** Which policy an AccessDenied message names, and what that means; undefined when none. */
export function explainDenial(message: string): Denial | undefined {
  // API Gateway, Lambda authorizer: "User is not authorized to access this resource with an explicit deny".
  if (/^\s*User is not authorized to access this resource/.test(message))
    return {
      explicit: /with an explicit deny/.test(message),
      sentence:
        'The API’s Lambda authorizer returned a policy that does not allow this method and path. It may be a cached answer: API Gateway caches an authorizer’s policy per token for the authorizer’s TTL, so a policy naming only the first path called denies the others. Check the authorizer’s policy (use a wildcard resource) and its caching.',
    };
  const explicit =
    policyAfter(message, 'with an explicit deny in an ') ??
    policyAfter(message, 'with an explicit deny in a ') ??
    policyAfter(message, 'with an explicit deny in the ');
  if (explicit !== undefined) {
    const arn = /^:\s*(arn:[^\s,]+)/.exec(message.slice(explicit.at, explicit.at + 2048))?.[1];
    return {
      policyType: explicit.type,
      explicit: true,
      ...(arn !== undefined ? { policyArn: arn.replace(/\.$/, '') } : {}),
      sentence:
        EXPLICIT[explicit.type] +
        (arn !== undefined ? ` The message names the policy: ${arn.replace(/\.$/, '')}.` : ''),
    };
  }
  const implicit = policyAfter(message, 'because no ');
  if (implicit !== undefined)
    return { policyType: implicit.type, explicit: false, sentence: IMPLICIT[implicit.type] };
  if (/^\s*User: anonymous is not authorized/.test(message))
    return {
      explicit: /with an explicit deny/.test(message),
      sentence:
        '“anonymous” means AWS saw no signature it could use: the request was sent unsigned (or its signature was stripped), and the API’s resource policy does not allow unsigned callers. Sign the request, or allow the caller in the resource policy.',
    };
  return undefined;
}
