// One policy against one request, statement by statement: whether each statement's Principal,
// Action, Resource and Condition match and, when not, why. A statement applies only when all do
// (IAM: the elements of a statement are ANDed).
import type {
  IamElementName,
  IamElementTrace,
  IamPolicySource,
  IamPolicyTrace,
  IamStatementTrace,
} from '../../../src/diagnosis/iamDecisionTrace';
import { evaluateCondition, type EvaluationRequest } from './evaluateCondition';
import { tryIamPattern } from './matchIamPattern';
import { principalNames, type PrincipalNaming } from './principals';
import type { CompiledList, CompiledPolicy, CompiledStatement } from './policyTypes';

export interface PolicyEvaluation {
  trace: IamPolicyTrace;
  /** The first matching Deny. */
  denyAt?: number;
  /** The first matching Allow that grants by itself. */
  allowAt?: number;
  /**
   * The first matching Allow of a resource or trust policy whose Principal names only the
   * caller's account: it delegates to the caller's identity policy, which must allow too.
   */
  delegateAt?: number;
}

function listTrace(
  element: IamElementName,
  list: CompiledList,
  value: string,
  ignoreCase: boolean,
): IamElementTrace {
  const tries = list.patterns.map((pattern) => tryIamPattern(pattern, value, ignoreCase));
  const hit = tries.find((tried) => tried.matched);
  const matched = list.not ? hit === undefined : hit !== undefined;
  const what = element.replace('Not', '').toLowerCase();
  const reason = list.not
    ? `${element} lists this ${what} (${hit?.pattern}): the statement applies to every other ${what}.`
    : `The ${what} ${value} matches none of the statement's ${element} patterns.`;
  return { element, matched, value, tries, ...(matched ? {} : { reason }) };
}

function principalTrace(
  list: CompiledList,
  callerArn: string,
): { element: IamElementTrace; naming: PrincipalNaming } {
  const namings = list.patterns.map((pattern) => principalNames(pattern, callerArn));
  const naming = namings.includes('caller')
    ? 'caller'
    : namings.includes('account')
      ? 'account'
      : undefined;
  const element: IamElementName = list.not ? 'NotPrincipal' : 'Principal';
  const matched = list.not ? naming === undefined : naming !== undefined;
  const tries = list.patterns.map((pattern, i) => ({ pattern, matched: namings[i] !== undefined }));
  const reason = list.not
    ? `NotPrincipal names the caller ${callerArn}.`
    : `Principal does not name the caller ${callerArn} or its account.`;
  return {
    element: { element, matched, value: callerArn, tries, ...(matched ? {} : { reason }) },
    naming: list.not ? 'caller' : naming,
  };
}

function evaluateStatement(
  statement: CompiledStatement,
  request: EvaluationRequest,
): { trace: IamStatementTrace; naming: PrincipalNaming } {
  const elements: IamElementTrace[] = [];
  let naming: PrincipalNaming = 'caller';
  if (statement.principal !== undefined) {
    const principal = principalTrace(statement.principal, request.callerArn);
    elements.push(principal.element);
    naming = principal.naming;
  }
  elements.push(
    listTrace(
      statement.action.not ? 'NotAction' : 'Action',
      statement.action,
      request.action,
      true,
    ),
  );
  if (statement.resource !== undefined)
    elements.push(
      listTrace(
        statement.resource.not ? 'NotResource' : 'Resource',
        statement.resource,
        request.resource,
        false,
      ),
    );
  const conditions = statement.conditions.map((condition) => evaluateCondition(condition, request));
  const matched =
    elements.every((element) => element.matched) && conditions.every((test) => test.matched);
  return {
    trace: {
      index: statement.index,
      ...(statement.sid === undefined ? {} : { sid: statement.sid }),
      effect: statement.effect,
      matched,
      elements,
      conditions,
    },
    naming,
  };
}

export function evaluatePolicy(
  policy: CompiledPolicy,
  source: IamPolicySource,
  request: EvaluationRequest,
): PolicyEvaluation {
  const result: PolicyEvaluation = {
    trace: { source, outcome: 'no-match', statements: [] },
  };
  for (const statement of policy.statements) {
    const { trace, naming } = evaluateStatement(statement, request);
    result.trace.statements.push(trace);
    if (!trace.matched) continue;
    if (statement.effect === 'Deny') result.denyAt ??= statement.index;
    else if (naming === 'account' && policy.kind !== 'identity')
      result.delegateAt ??= statement.index;
    else result.allowAt ??= statement.index;
  }
  result.trace.outcome =
    result.denyAt !== undefined
      ? 'explicit-deny'
      : result.allowAt !== undefined
        ? 'allow'
        : 'no-match';
  return result;
}
