// One test of a Condition block (one operator on one key) against the request, as IAM documents
// it ("IAM JSON policy elements: Condition operators", "Conditions with multiple context keys or
// values"):
// - a key the request lacks makes the test false, except ...IfExists (true), Null ("true" holds),
//   the negated operators (StringNotEquals, NotIpAddress… hold) and ForAllValues (holds: there is
//   no value that fails);
// - several policy values are ORed (for negated operators: NORed);
// - ForAnyValue: some request value matches; ForAllValues: every request value matches.
import type { IamConditionTrace } from '../../../src/diagnosis/iamDecisionTrace';
import { OPERATORS, type BaseOperator } from './conditionOperators';
import { cidrContains } from './ipAddress';
import { matchesIamPattern } from './matchIamPattern';
import { parseConditionDate } from './parsePolicy';
import type { CompiledCondition } from './policyTypes';

/** What the policies are asked about: the action, the resource, the caller, the condition keys. */
export interface EvaluationRequest {
  action: string;
  resource: string;
  callerArn: string;
  /** Condition keys by AWS's spelling (conditionKeys.ts); a key absent here is absent. */
  keys: ReadonlyMap<string, readonly string[]>;
}

/** ArnLike/ArnEquals: each of the six colon-separated parts matched on its own, wildcards within. */
function arnMatches(pattern: string, value: string): boolean {
  const split = (arn: string) => {
    const parts = arn.split(':');
    return parts.length < 6 ? undefined : [...parts.slice(0, 5), parts.slice(5).join(':')];
  };
  const p = split(pattern);
  const v = split(value);
  return p !== undefined && v !== undefined && p.every((part, i) => matchesIamPattern(part, v[i]!));
}

/** The positive form of an operator: StringNotLike → StringLike. */
const POSITIVE: Partial<Record<BaseOperator, BaseOperator>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NotIpAddress: 'IpAddress',
  DateNotEquals: 'DateEquals',
};

/** Whether one policy value (index i) matches one request value under a positive operator. */
function valueMatches(
  base: BaseOperator,
  condition: CompiledCondition,
  i: number,
  requestValue: string,
): boolean {
  const policyValue = condition.values[i]!;
  switch (base) {
    case 'StringEquals':
      return policyValue === requestValue;
    case 'StringEqualsIgnoreCase':
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'StringLike':
      return matchesIamPattern(policyValue, requestValue);
    case 'ArnEquals':
    case 'ArnLike':
      return arnMatches(policyValue, requestValue);
    case 'IpAddress':
      return cidrContains(condition.cidrs![i]!, requestValue);
    case 'Bool':
      return policyValue.toLowerCase() === requestValue.toLowerCase();
    case 'DateEquals':
    case 'DateLessThan':
    case 'DateLessThanEquals':
    case 'DateGreaterThan':
    case 'DateGreaterThanEquals': {
      const time = parseConditionDate(requestValue);
      const limit = condition.dates![i]!;
      if (time === undefined) return false;
      if (base === 'DateEquals') return time === limit;
      if (base === 'DateLessThan') return time < limit;
      if (base === 'DateLessThanEquals') return time <= limit;
      if (base === 'DateGreaterThan') return time > limit;
      return time >= limit;
    }
    default:
      return false;
  }
}

const list = (values: readonly string[]) =>
  values.length === 1 ? values[0]! : `any of ${values.join(', ')}`;

export function evaluateCondition(
  condition: CompiledCondition,
  request: EvaluationRequest,
): IamConditionTrace {
  const { operator, keyName, values } = condition;
  const present = request.keys.get(keyName);
  const requestValues = present === undefined || present.length === 0 ? null : [...present];
  const trace = (matched: boolean, reason?: string): IamConditionTrace => ({
    operator: operator.written,
    key: condition.key,
    policyValues: [...values],
    requestValues,
    matched,
    ...(matched || reason === undefined ? {} : { reason }),
  });

  if (operator.base === 'Null') {
    const wantsAbsent = values.some((value) => value.toLowerCase() === 'true');
    const wantsPresent = values.some((value) => value.toLowerCase() === 'false');
    const absent = requestValues === null;
    return trace(
      absent ? wantsAbsent : wantsPresent,
      absent
        ? `The request has no ${keyName}, and Null "false" wants it present.`
        : `The request has ${keyName}, and Null "true" wants it absent.`,
    );
  }
  const negated = OPERATORS[operator.base].negated;
  if (requestValues === null) {
    if (operator.ifExists || negated || operator.set === 'ForAllValues') return trace(true);
    return trace(
      false,
      `The request has no ${keyName}: ${operator.written} on an absent key is false (only …IfExists, negated operators and Null hold then).`,
    );
  }
  const positive = POSITIVE[operator.base] ?? operator.base;
  const anyPolicyValue = (requestValue: string) =>
    values.some((_, i) => valueMatches(positive, condition, i, requestValue));
  const holdsFor = (requestValue: string) => anyPolicyValue(requestValue) !== negated;
  const matched =
    operator.set === 'ForAllValues'
      ? requestValues.every(holdsFor)
      : operator.set === 'ForAnyValue'
        ? requestValues.some(holdsFor)
        : negated
          ? requestValues.every(holdsFor)
          : requestValues.some(holdsFor);
  const shown = requestValues.join(', ');
  return trace(
    matched,
    negated
      ? `${keyName} is ${shown}, which ${operator.base} excludes (${list(values)}).`
      : `${keyName} is ${shown}; ${operator.base} wants ${list(values)}.`,
  );
}
