// IAM-style policy evaluation for execute-api:Invoke: an explicit Deny wins, otherwise an Allow is
// needed; nothing allowed means denied (IAM's default deny).
import { matchesWildcard, type WildcardOptions } from './matchWildcard';

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

export type PolicyDecision = 'allow' | 'deny' | 'explicit-deny';

const IAM_WILDCARDS: WildcardOptions = { questionMark: true };

/**
 * IAM wildcards: '*' matches any run of characters ('/' included), '?' exactly one. Action names
 * compare case-insensitively (IAM treats actions so), resources case-sensitively. Patterns come
 * from the configuration, but the resource ARN holds the request's path, so the match is the
 * regex-free one (no backtracking blow-up on a long path against a pattern with many stars).
 */
export function matchesIamPattern(pattern: string, value: string, ignoreCase = false): boolean {
  return ignoreCase
    ? matchesWildcard(pattern.toLowerCase(), value.toLowerCase(), IAM_WILDCARDS)
    : matchesWildcard(pattern, value, IAM_WILDCARDS);
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

function statementMatches(statement: PolicyStatement, action: string, resource: string): boolean {
  return (
    asList(statement.Action).some((pattern) => matchesIamPattern(pattern, action, true)) &&
    asList(statement.Resource).some((pattern) => matchesIamPattern(pattern, resource))
  );
}

export function evaluatePolicy(
  statements: readonly PolicyStatement[],
  action: string,
  resource: string,
): PolicyDecision {
  let allowed = false;
  for (const statement of statements) {
    if (!statementMatches(statement, action, resource)) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    allowed = true;
  }
  return allowed ? 'allow' : 'deny';
}
