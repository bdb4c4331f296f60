// Who a Principal entry names, as IAM reads resource and trust policies: the caller itself, or
// only its account. The difference matters for a caller in the same account: a statement naming
// the caller grants on its own; one naming the account delegates to the caller's identity policy,
// which must allow too.

export type PrincipalNaming = 'caller' | 'account' | undefined;

const ACCOUNT_OF = /^arn:aws:(?:iam|sts)::(\d{12}):/;
const ASSUMED_ROLE = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[^/]+\/)*([^/]+)$/;

/**
 * How a principal entry names the caller: itself ('caller'), its account ('account'), or not at
 * all. "*" names everyone. A role's ARN names the sessions of that role, as in IAM (a role's ARN
 * may have a path, role/team/name; a session ARN names the role without it).
 */
export function principalNames(entry: string, callerArn: string): PrincipalNaming {
  if (entry === '*' || entry === callerArn) return 'caller';
  const account = ACCOUNT_OF.exec(callerArn)?.[1];
  if (account !== undefined && (entry === account || entry === `arn:aws:iam::${account}:root`))
    return 'account';
  const session = ASSUMED_ROLE.exec(callerArn);
  const role = session ? ROLE_ARN.exec(entry) : null;
  if (session && role && role[1] === session[1] && role[2] === session[2]) return 'caller';
  return undefined;
}
