// The condition operators the gateway evaluates, read from their written form:
// [ForAnyValue:|ForAllValues:]Base[IfExists]. Each base operator says which key types it tests and
// whether it is negated (negated operators hold when the key is absent, IAM's documented rule).
import type { ConditionKeyType } from './conditionKeys';

export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'ArnEquals'
  | 'ArnNotEquals'
  | 'ArnLike'
  | 'ArnNotLike'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'Null';

interface OperatorRule {
  /** The key types it can test. */
  tests: readonly ConditionKeyType[];
  negated: boolean;
}

const STRINGS: readonly ConditionKeyType[] = ['string', 'arn'];

export const OPERATORS: Readonly<Record<BaseOperator, OperatorRule>> = {
  StringEquals: { tests: STRINGS, negated: false },
  StringNotEquals: { tests: STRINGS, negated: true },
  StringEqualsIgnoreCase: { tests: STRINGS, negated: false },
  StringNotEqualsIgnoreCase: { tests: STRINGS, negated: true },
  StringLike: { tests: STRINGS, negated: false },
  StringNotLike: { tests: STRINGS, negated: true },
  ArnEquals: { tests: ['arn'], negated: false },
  ArnNotEquals: { tests: ['arn'], negated: true },
  ArnLike: { tests: ['arn'], negated: false },
  ArnNotLike: { tests: ['arn'], negated: true },
  IpAddress: { tests: ['ip'], negated: false },
  NotIpAddress: { tests: ['ip'], negated: true },
  DateEquals: { tests: ['date'], negated: false },
  DateNotEquals: { tests: ['date'], negated: true },
  DateLessThan: { tests: ['date'], negated: false },
  DateLessThanEquals: { tests: ['date'], negated: false },
  DateGreaterThan: { tests: ['date'], negated: false },
  DateGreaterThanEquals: { tests: ['date'], negated: false },
  Bool: { tests: ['bool'], negated: false },
  Null: { tests: ['string', 'arn', 'ip', 'date', 'bool'], negated: false },
};

export interface ConditionOperator {
  /** As written: ForAnyValue:StringLikeIfExists. */
  written: string;
  base: BaseOperator;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
}

const FORM = /^(?:(ForAnyValue|ForAllValues):)?([A-Za-z]+?)(IfExists)?$/;

/** The operator a Condition block names, or a sentence saying why it is not one. */
export function readConditionOperator(written: string): ConditionOperator | { problem: string } {
  const parts = written.length <= 100 ? FORM.exec(written) : null;
  const base = parts?.[2];
  if (!parts || base === undefined || !Object.hasOwn(OPERATORS, base)) {
    return {
      problem: `"${written.slice(0, 100)}" is not a condition operator the local gateway knows (${Object.keys(OPERATORS).join(', ')}, with IfExists and ForAnyValue:/ForAllValues: forms)`,
    };
  }
  if (base === 'Null' && (parts[3] !== undefined || parts[1] !== undefined))
    return { problem: `"${written}": Null takes neither IfExists nor a set prefix` };
  return {
    written,
    base: base as BaseOperator,
    ...(parts[1] === undefined ? {} : { set: parts[1] as 'ForAnyValue' | 'ForAllValues' }),
    ifExists: parts[3] !== undefined,
  };
}
