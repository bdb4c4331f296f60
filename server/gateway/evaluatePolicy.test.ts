import { describe, expect, it } from 'vitest';
import { evaluatePolicy, matchesIamPattern, type PolicyStatement } from './evaluatePolicy';

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
const INVOKE = 'execute-api:Invoke';

describe('matchesIamPattern', () => {
  it('matches literally when the pattern has no wildcard', () => {
    expect(matchesIamPattern(`${API}/prod/GET/hello`, `${API}/prod/GET/hello`)).toBe(true);
    expect(matchesIamPattern(`${API}/prod/GET/hello`, `${API}/prod/GET/hello2`)).toBe(false);
    expect(matchesIamPattern(`${API}/prod/GET/hello`, `${API}/prod/GET/hell`)).toBe(false);
  });

  it("lets '*' match any run of characters, '/' included, and the empty run", () => {
    expect(matchesIamPattern(`${API}/*`, `${API}/prod/POST/items/7/parts`)).toBe(true);
    expect(matchesIamPattern(`${API}/*/POST/*`, `${API}/prod/POST/hello`)).toBe(true);
    expect(matchesIamPattern(`${API}/*/POST/*`, `${API}/prod/v2/POST/a/b`)).toBe(true);
    expect(matchesIamPattern(`${API}/*/POST/*`, `${API}/prod/GET/hello`)).toBe(false);
    expect(matchesIamPattern(`${API}/prod/GET/*`, `${API}/prod/GET/`)).toBe(true);
    expect(matchesIamPattern('*', '')).toBe(true);
  });

  it("lets '?' match exactly one character, '/' included", () => {
    expect(matchesIamPattern(`${API}/prod/???/hello`, `${API}/prod/GET/hello`)).toBe(true);
    expect(matchesIamPattern(`${API}/prod/???/hello`, `${API}/prod/POST/hello`)).toBe(false);
    expect(matchesIamPattern(`${API}/prod?GET/hello`, `${API}/prod/GET/hello`)).toBe(true);
    expect(matchesIamPattern('a?c', 'ac')).toBe(false);
    expect(matchesIamPattern('a?c', 'a\nc')).toBe(true);
  });

  it('treats regular-expression characters in the pattern literally', () => {
    expect(matchesIamPattern('a.c', 'abc')).toBe(false);
    expect(matchesIamPattern('a+(b)[c]{d}|^$\\', 'a+(b)[c]{d}|^$\\')).toBe(true);
    expect(
      matchesIamPattern(
        'arn:aws:execute-api:*:*:*/$default/*',
        'arn:aws:execute-api:r:a:i/$default/GET/',
      ),
    ).toBe(true);
  });

  it('compares resources case-sensitively unless asked not to (actions)', () => {
    expect(matchesIamPattern(`${API}/prod/get/hello`, `${API}/prod/GET/hello`)).toBe(false);
    expect(matchesIamPattern('execute-api:invoke', INVOKE)).toBe(false);
    expect(matchesIamPattern('execute-api:invoke', INVOKE, true)).toBe(true);
    expect(matchesIamPattern('EXECUTE-API:*', INVOKE, true)).toBe(true);
  });

  it('keeps the case-sensitive and case-insensitive compilations of one pattern apart', () => {
    expect(matchesIamPattern('ABC', 'abc', true)).toBe(true);
    expect(matchesIamPattern('ABC', 'abc')).toBe(false);
    expect(matchesIamPattern('ABC', 'abc', true)).toBe(true);
  });
});

describe('evaluatePolicy', () => {
  const allowAll: PolicyStatement = { Effect: 'Allow', Action: INVOKE, Resource: `${API}/*` };

  it('allows when an Allow statement matches action and resource', () => {
    expect(evaluatePolicy([allowAll], INVOKE, `${API}/prod/GET/hello`)).toBe('allow');
  });

  it('denies by default: no statements, or none matching', () => {
    expect(evaluatePolicy([], INVOKE, `${API}/prod/GET/hello`)).toBe('deny');
    const postOnly: PolicyStatement = {
      Effect: 'Allow',
      Action: INVOKE,
      Resource: `${API}/*/POST/*`,
    };
    expect(evaluatePolicy([postOnly], INVOKE, `${API}/prod/GET/hello`)).toBe('deny');
    const otherAction: PolicyStatement = {
      Effect: 'Allow',
      Action: 'execute-api:ManageConnections',
      Resource: '*',
    };
    expect(evaluatePolicy([otherAction], INVOKE, `${API}/prod/GET/hello`)).toBe('deny');
  });

  it('lets an explicit Deny win over any Allow, whatever the statement order', () => {
    const denyGet: PolicyStatement = {
      Effect: 'Deny',
      Action: 'execute-api:*',
      Resource: `${API}/*/GET/*`,
    };
    expect(evaluatePolicy([allowAll, denyGet], INVOKE, `${API}/prod/GET/hello`)).toBe(
      'explicit-deny',
    );
    expect(evaluatePolicy([denyGet, allowAll], INVOKE, `${API}/prod/GET/hello`)).toBe(
      'explicit-deny',
    );
    expect(evaluatePolicy([allowAll, denyGet], INVOKE, `${API}/prod/POST/hello`)).toBe('allow');
  });

  it('reports a Deny that matches with nothing allowed as an explicit deny, not the default one', () => {
    const deny: PolicyStatement = { Effect: 'Deny', Action: INVOKE, Resource: '*' };
    expect(evaluatePolicy([deny], INVOKE, `${API}/prod/GET/hello`)).toBe('explicit-deny');
  });

  it('compares actions case-insensitively, as IAM does', () => {
    const lower: PolicyStatement = { Effect: 'Allow', Action: 'execute-api:invoke', Resource: '*' };
    expect(evaluatePolicy([lower], INVOKE, `${API}/prod/GET/hello`)).toBe('allow');
    const upperDeny: PolicyStatement = {
      Effect: 'Deny',
      Action: 'EXECUTE-API:INVOKE',
      Resource: '*',
    };
    expect(evaluatePolicy([lower, upperDeny], INVOKE, `${API}/prod/GET/hello`)).toBe(
      'explicit-deny',
    );
  });

  it('accepts lists of actions and resources, any one matching', () => {
    const listed: PolicyStatement = {
      Effect: 'Allow',
      Action: ['s3:GetObject', 'execute-api:Inv?ke'],
      Resource: [`${API}/dev/*`, `${API}/prod/GET/hel*`],
    };
    expect(evaluatePolicy([listed], INVOKE, `${API}/prod/GET/hello`)).toBe('allow');
    expect(evaluatePolicy([listed], INVOKE, `${API}/prod/POST/hello`)).toBe('deny');
  });

  it("matches resources with '*' spanning several path segments of a proxy resource", () => {
    const items: PolicyStatement = {
      Effect: 'Allow',
      Action: INVOKE,
      Resource: `${API}/prod/GET/items/*`,
    };
    expect(evaluatePolicy([items], INVOKE, `${API}/prod/GET/items/7/parts/3`)).toBe('allow');
    expect(evaluatePolicy([items], INVOKE, `${API}/prod/GET/itemsX`)).toBe('deny');
  });
});
