// Policies as the configuration writes them (PolicyStatement, a document's Statement entries) and
// as the engine evaluates them (CompiledPolicy: lists normalized, operators read, ranges and dates
// parsed once at load).
import type { ConditionOperator } from './conditionOperators';
import type { CidrRange } from './ipAddress';

/** Which kind of policy a document is: what elements it must and may have. */
export type PolicyKind = 'identity' | 'resource' | 'trust';

export type ConditionValue = string | boolean | number;

/** "*", or {"AWS": ARNs, account IDs or "*"}. */
export type PrincipalValue = '*' | { AWS: string | string[] };

/** One statement as written in the configuration (checked by parsePolicy). */
export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PrincipalValue;
  NotPrincipal?: PrincipalValue;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, ConditionValue | ConditionValue[]>>;
}

/** A whole policy document: {"Version": "2012-10-17", "Statement": [...]}. */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement | PolicyStatement[];
}

export interface CompiledList {
  /** NotAction, NotResource, NotPrincipal. */
  not: boolean;
  patterns: string[];
}

export interface CompiledCondition {
  operator: ConditionOperator;
  /** As written in the policy. */
  key: string;
  /** As AWS spells it (the request context's name). */
  keyName: string;
  values: string[];
  /** IpAddress/NotIpAddress: the values as ranges. */
  cidrs?: CidrRange[];
  /** Date operators: the values in epoch ms. */
  dates?: number[];
}

export interface CompiledStatement {
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  principal?: CompiledList;
  action: CompiledList;
  /** Absent in trust policies (the role is the resource). */
  resource?: CompiledList;
  conditions: CompiledCondition[];
}

export interface CompiledPolicy {
  kind: PolicyKind;
  statements: CompiledStatement[];
  /** Whether any statement has a Condition: only condition-free outcomes may be remembered. */
  hasConditions: boolean;
}
