// "Why was this denied?": the statement that would allow exactly the request the local gateway
// refused — its action and its resource ARN as they are, never a wider wildcard — and the
// caller's policy text with that statement added.
import type { IamDecisionTrace, IamPolicySource } from './iamDecisionTrace';

export interface SuggestedStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string;
  Resource: string;
}

export interface StatementSuggestion {
  /** The policy to add it to: the caller's identity policy. */
  policy: Extract<IamPolicySource, { kind: 'identity' }>;
  statement: SuggestedStatement;
  /** Said when the ARN itself holds a character IAM reads as a wildcard (* or ?). */
  caveat?: string;
}

/** IAM's Sid: letters and digits only. "AllowGetHello" for GET …/hello. */
function sidFor(resource: string): string {
  const [, method = '', ...path] = resource.slice(resource.indexOf('/') + 1).split('/');
  const words = [method, ...path]
    .join(' ')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .slice(0, 6)
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase());
  return `Allow${words.join('')}`.slice(0, 64);
}

/**
 * The one place a statement allowing a refused request is built (this view's suggestion and the
 * error doctor's): its action and resource ARN as they are, never a wider pattern.
 */
export function allowStatement(action: string, resource: string): SuggestedStatement {
  return { Sid: sidFor(resource), Effect: 'Allow', Action: action, Resource: resource };
}

/**
 * The statement that allows exactly this request, when an added Allow can help: not after an
 * explicit deny (a Deny wins over any Allow: that statement must change instead), nor when the
 * request was allowed.
 */
export function suggestStatement(trace: IamDecisionTrace): StatementSuggestion | undefined {
  if (trace.rule !== 'implicit-deny') return undefined;
  const source = trace.policies.find((policy) => policy.source.kind === 'identity')?.source;
  if (source === undefined || source.kind !== 'identity') return undefined;
  const { action, resource } = trace.context;
  const wildcard = /[*?]/.test(resource);
  return {
    policy: source,
    statement: allowStatement(action, resource),
    ...(wildcard
      ? {
          caveat:
            'This resource ARN holds * or ?, which IAM reads as wildcards (it has no escape for them): the statement also allows paths that differ there.',
        }
      : {}),
  };
}

/**
 * The policy text with the statement appended, pretty-printed: a document keeps its Version and
 * Id, a bare list of statements becomes a document. Undefined when the text is not a policy the
 * suggestion can be added to (not JSON, or no statement list): the page then shows the statement
 * to paste.
 */
export function withStatement(
  policyText: string,
  statement: SuggestedStatement,
): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(policyText);
  } catch {
    return undefined;
  }
  if (Array.isArray(parsed))
    return JSON.stringify({ Version: '2012-10-17', Statement: [...parsed, statement] }, null, 2);
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const document = parsed as Record<string, unknown>;
  const current = document.Statement;
  const statements =
    current === undefined ? [] : Array.isArray(current) ? current : [current as unknown];
  return JSON.stringify({ ...document, Statement: [...statements, statement] }, null, 2);
}
