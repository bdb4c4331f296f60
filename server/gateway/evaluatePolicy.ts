// IAM-style policy evaluation for execute-api:Invoke: an explicit Deny wins, otherwise an Allow is
// needed; nothing allowed means denied (IAM's default deny).

export interface PolicyStatement {
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: string | string[];
}

export type PolicyDecision = 'allow' | 'deny' | 'explicit-deny';

const patternCache = new Map<string, RegExp>();

/**
 * IAM wildcards: '*' matches any run of characters ('/' included), '?' exactly one. Action names
 * compare case-insensitively (IAM treats actions so), resources case-sensitively.
 */
export function matchesIamPattern(pattern: string, value: string, ignoreCase = false): boolean {
  const key = `${ignoreCase ? 'i' : 's'}:${pattern}`;
  let regex = patternCache.get(key);
  if (!regex) {
    const source = pattern
      .split('')
      .map((char) =>
        char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (patternCache.size > 1000) patternCache.clear();
    patternCache.set(key, regex);
  }
  return regex.test(value);
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
