// The local gateway's IAM decision (iamDecisionTrace.ts) in words: the one sentence that says
// which rule decided and, for a denial, what stands in the way. The decision view on the page and
// the error doctor's denial explanation (explainDenial.ts) both say it this way.
import type {
  IamDecisionTrace,
  IamElementTrace,
  IamPolicySource,
  IamStatementTrace,
} from './iamDecisionTrace';

/** "demo's identity policy", "the API's resource policy", "role reader's trust policy". */
export function describePolicySource(source: IamPolicySource): string {
  if (source.kind === 'resource') return 'the API’s resource policy';
  if (source.kind === 'trust') return `role ${source.name}’s trust policy`;
  return `${source.name}’s identity policy`;
}

/** "statement 0 (InvokePostOnly)". */
export const describeStatement = (statement: IamStatementTrace): string =>
  `statement ${statement.index}${statement.sid === undefined ? '' : ` (${statement.sid})`}`;

/**
 * The part of a resource ARN after the API: "…/prod/GET/hello" reads better than the whole ARN,
 * which the view shows in full next to it.
 */
export function shortResource(resource: string): string {
  const api = resource.indexOf('/');
  return api < 0 ? resource : `…${resource.slice(api)}`;
}

/** Why an element did not match, in a clause: "allows only …/*\/POST/*". */
function elementClause(element: IamElementTrace): string {
  const patterns = element.tries.map((tried) => tried.pattern);
  const listed = patterns.map((pattern) => shortResource(pattern)).join(', ');
  switch (element.element) {
    case 'Action':
      return `covers only the actions ${patterns.join(', ')}`;
    case 'Resource':
      return `allows only ${listed}`;
    case 'NotAction':
      return `excludes ${patterns.join(', ')}`;
    case 'NotResource':
      return `excludes ${listed}`;
    default:
      return `does not name the caller (${element.element})`;
  }
}

/** What stops a statement from applying, as a clause; undefined when it applies. */
export function whyNotMatched(statement: IamStatementTrace): string | undefined {
  const element = statement.elements.find((candidate) => !candidate.matched);
  if (element !== undefined) return elementClause(element);
  const condition = statement.conditions.find((candidate) => !candidate.matched);
  if (condition !== undefined)
    return `applies only when ${condition.operator} ${condition.key} ${condition.policyValues.join(', ')}${condition.reason === undefined ? '' : ` (${condition.reason})`}`;
  return undefined;
}

/** The statement a reader should look at for an implicit deny: the first Allow that did not apply. */
export function nearestAllow(
  trace: IamDecisionTrace,
): { policy: number; statement: IamStatementTrace } | undefined {
  for (const [policy, entry] of trace.policies.entries()) {
    if (entry.source.kind !== 'identity') continue;
    const statement = entry.statements.find(
      (candidate) => candidate.effect === 'Allow' && !candidate.matched,
    );
    if (statement !== undefined) return { policy, statement };
  }
  return undefined;
}

/** The statement that decided, when one did. */
export function decidingStatement(trace: IamDecisionTrace): IamStatementTrace | undefined {
  const decided = trace.decidedBy;
  if (decided === undefined) return undefined;
  return trace.policies[decided.policy]?.statements.find(
    (statement) => statement.index === decided.statement,
  );
}

/**
 * The rule that decided in one sentence: "Denied: no statement allows execute-api:Invoke on
 * …/prod/GET/hello; statement 0 (InvokePostOnly) of demo's identity policy allows only
 * …/*\/POST/*."
 */
export function describeIamDecision(trace: IamDecisionTrace): string {
  const { action, resource } = trace.context;
  const what = `${action} on ${shortResource(resource)}`;
  const decided = decidingStatement(trace);
  const decidedPolicy =
    trace.decidedBy === undefined ? undefined : trace.policies[trace.decidedBy.policy];
  const by =
    decided !== undefined && decidedPolicy !== undefined
      ? `${describeStatement(decided)} of ${describePolicySource(decidedPolicy.source)}`
      : undefined;
  switch (trace.rule) {
    case 'explicit-deny':
      return `Denied explicitly: ${by ?? 'a Deny statement'} matches ${what}, and an explicit Deny wins over every Allow.`;
    case 'identity-allow':
    case 'resource-allow':
      return `Allowed: ${by ?? 'an Allow statement'} allows ${what}.`;
    case 'implicit-deny': {
      const nearest = nearestAllow(trace);
      const why = nearest === undefined ? undefined : whyNotMatched(nearest.statement);
      if (nearest === undefined || why === undefined)
        return `Denied: no statement allows ${what} (the implicit deny: everything not allowed is denied).`;
      const policy = describePolicySource(trace.policies[nearest.policy]!.source);
      return `Denied: no statement allows ${what}; ${describeStatement(nearest.statement)} of ${policy} ${why}.`;
    }
  }
}

/** A text split where a pattern stopped matching: what matched, the differing part, the rest. */
export interface HighlightedText {
  before: string;
  differs: string;
  after: string;
}

/**
 * Splits a pattern (or the value it was tried on) at the index where the match stopped
 * (IamPatternTry.patternPrefix / valuePrefix): the differing part runs to the next '/' or ':'
 * (`POST` in `…/*\/POST/*`, `GET` in `…/prod/GET/hello`), or to the end.
 */
export function highlightFrom(text: string, prefix: number | undefined): HighlightedText {
  if (prefix === undefined || prefix < 0 || prefix > text.length)
    return { before: text, differs: '', after: '' };
  let end = prefix;
  while (end < text.length && text[end] !== '/' && text[end] !== ':') end++;
  // At a separator itself the separator is what differs.
  if (end === prefix && end < text.length) end++;
  return {
    before: text.slice(0, prefix),
    differs: text.slice(prefix, end),
    after: text.slice(end),
  };
}
