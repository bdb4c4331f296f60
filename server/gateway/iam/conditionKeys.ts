// The condition keys the local gateway knows, with the type of their values: what decides which
// operators may test them, and how a policy's values are checked at load. A key not listed here
// is refused at load rather than silently false (IAM would evaluate it as absent).

export type ConditionKeyType = 'string' | 'arn' | 'ip' | 'date' | 'bool';

export interface ConditionKey {
  /** As AWS spells it; policies may write it in any case. */
  name: string;
  type: ConditionKeyType;
  /** Which policies may test it: sts:ExternalId exists only in AssumeRole's request. */
  only?: 'trust';
}

export const CONDITION_KEYS: readonly ConditionKey[] = [
  { name: 'aws:SourceIp', type: 'ip' },
  { name: 'aws:CurrentTime', type: 'date' },
  { name: 'aws:EpochTime', type: 'date' },
  { name: 'aws:SecureTransport', type: 'bool' },
  { name: 'aws:MultiFactorAuthPresent', type: 'bool' },
  { name: 'aws:PrincipalArn', type: 'arn' },
  { name: 'aws:PrincipalAccount', type: 'string' },
  { name: 'aws:PrincipalType', type: 'string' },
  { name: 'aws:username', type: 'string' },
  { name: 'aws:userid', type: 'string' },
  { name: 'sts:ExternalId', type: 'string', only: 'trust' },
];

const BY_LOWER_NAME = new Map(CONDITION_KEYS.map((key) => [key.name.toLowerCase(), key]));

/** The key a policy names, whatever its case (IAM's condition keys are case-insensitive). */
export const conditionKeyNamed = (name: string): ConditionKey | undefined =>
  BY_LOWER_NAME.get(name.toLowerCase());
