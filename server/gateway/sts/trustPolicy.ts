// A role's trust policy, evaluated for one AssumeRole the way IAM does: a matching Deny wins, a
// matching Allow is needed, and a statement matches only when its principal names the caller and
// every condition holds. Which Allow matched matters afterwards: one that names the caller itself
// grants the call on its own (a resource policy in the same account), one that names only the
// caller's account delegates to the account, so the caller's own policy must also allow
// sts:AssumeRole on the role (assumeRole.ts).
import { matchesIamPattern } from '../evaluatePolicy';
import type { TrustCondition, TrustStatement } from './stsConfig';

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

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

const ACCOUNT_OF = /^arn:aws:(?:iam|sts)::(\d{12}):/;
const ASSUMED_ROLE = /^arn:aws:sts::(\d{12}):assumed-role\/([^/]+)\/[^/]+$/;

/**
 * How a principal entry names the caller: itself ('caller'), its account ('account'), or not at
 * all. A role's ARN names the sessions of that role, as in IAM.
 */
export function principalNames(entry: string, callerArn: string): 'caller' | 'account' | undefined {
  if (entry === '*' || entry === callerArn) return 'caller';
  const account = ACCOUNT_OF.exec(callerArn)?.[1];
  if (account !== undefined && (entry === account || entry === `arn:aws:iam::${account}:root`))
    return 'account';
  const session = ASSUMED_ROLE.exec(callerArn);
  // A role's ARN may have a path (role/team/name); a session ARN names the role without it.
  if (session && new RegExp(`^arn:aws:iam::${session[1]}:role/(?:[^/]+/)*`).test(entry))
    if (entry.slice(entry.lastIndexOf('/') + 1) === session[2]) return 'caller';
  return undefined;
}

/** The value a condition key has in this request, or undefined when the request lacks it. */
function contextValue(key: string, context: TrustContext): string | undefined {
  if (key === 'sts:ExternalId') return context.externalId;
  if (key === 'aws:MultiFactorAuthPresent') return String(context.mfaPresent);
  return undefined;
}

/**
 * Whether every condition holds. A key the request lacks fails StringEquals and Bool and passes
 * StringNotEquals, as in IAM. Bool compares case-insensitively ("True" is true).
 */
export function conditionsHold(
  condition: TrustCondition | undefined,
  context: TrustContext,
): boolean {
  if (condition === undefined) return true;
  return Object.entries(condition).every(([operator, tests]) =>
    Object.entries(tests ?? {}).every(([key, expected]) => {
      const actual = contextValue(key, context);
      const values = asList(expected).map(String);
      switch (operator) {
        case 'StringEquals':
          return actual !== undefined && values.includes(actual);
        case 'StringNotEquals':
          return actual === undefined || !values.includes(actual);
        case 'Bool':
          return actual !== undefined && values.some((value) => value.toLowerCase() === actual);
        default:
          return false;
      }
    }),
  );
}

function actionMatches(statement: TrustStatement): boolean {
  return asList(statement.Action).some((pattern) =>
    matchesIamPattern(pattern, 'sts:AssumeRole', true),
  );
}

function namedBy(statement: TrustStatement, callerArn: string): 'caller' | 'account' | undefined {
  if (statement.Principal === '*') return 'caller';
  const entries = asList(statement.Principal.AWS).map((entry) => principalNames(entry, callerArn));
  return entries.includes('caller')
    ? 'caller'
    : entries.includes('account')
      ? 'account'
      : undefined;
}

export function evaluateTrust(
  statements: readonly TrustStatement[],
  context: TrustContext,
): TrustDecision {
  let decision: TrustDecision = 'not-trusted';
  for (const statement of statements) {
    const named = namedBy(statement, context.callerArn);
    if (
      named === undefined ||
      !actionMatches(statement) ||
      !conditionsHold(statement.Condition, context)
    )
      continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (named === 'caller') decision = 'trusted';
    else if (decision === 'not-trusted') decision = 'trusted-account';
  }
  return decision;
}
