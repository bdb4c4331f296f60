// IAM's policy evaluation logic, case by case as AWS documents it ("Policy evaluation logic",
// "How API Gateway resource policies affect authorization workflow", table A for a caller in the
// API's account), each with the trace the page shows.
import { describe, expect, it } from 'vitest';
import type { IamPolicySource } from '../../../src/diagnosis/iamDecisionTrace';
import { decide, type AppliedPolicy } from './decide';
import type { EvaluationRequest } from './evaluateCondition';
import { parsePolicy } from './parsePolicy';
import type { PolicyKind } from './policyTypes';

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';
const INVOKE = 'execute-api:Invoke';
const DEMO = 'arn:aws:iam::850047500507:user/demo';
const GET_HELLO = `${API}/prod/GET/hello`;

const IDENTITY: IamPolicySource = { kind: 'identity', principal: 'user', name: 'demo', arn: DEMO };
const RESOURCE: IamPolicySource = { kind: 'resource', name: 'resource policy', arn: API };

function applied(raw: unknown, kind: PolicyKind, source: IamPolicySource): AppliedPolicy {
  const parsed = parsePolicy(raw, kind);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return { policy: parsed.compiled, source };
}

const request = (
  resource = GET_HELLO,
  keys: Record<string, string> = { 'aws:SourceIp': '127.0.0.1' },
): EvaluationRequest => ({
  action: INVOKE,
  resource,
  callerArn: DEMO,
  keys: new Map(Object.entries(keys).map(([key, value]) => [key, [value]])),
});

const identityOnly = (statements: unknown[], on = request()) =>
  decide({ request: on, identity: applied(statements, 'identity', IDENTITY) });

const allow = (Resource: string | string[], extra: object = {}) => ({
  Effect: 'Allow',
  Action: INVOKE,
  Resource,
  ...extra,
});
const deny = (Resource: string | string[], extra: object = {}) => ({
  ...allow(Resource, extra),
  Effect: 'Deny',
});

describe('decide: identity policies', () => {
  it('denies implicitly when nothing allows, pointing at the part that differs (GET vs POST)', () => {
    const trace = identityOnly([allow(`${API}/*/POST/*`)]);
    expect(trace).toMatchObject({ decision: 'deny', rule: 'implicit-deny' });
    expect(trace.decidedBy).toBeUndefined();
    const [statement] = trace.policies[0]!.statements;
    expect(statement).toMatchObject({ index: 0, effect: 'Allow', matched: false });
    const [action, resource] = statement!.elements;
    expect(action).toMatchObject({ element: 'Action', matched: true });
    expect(resource).toMatchObject({ element: 'Resource', matched: false, value: GET_HELLO });
    const tried = resource!.tries[0]!;
    expect(tried.pattern.slice(tried.patternPrefix)).toBe('POST/*');
    expect(GET_HELLO.slice(tried.valuePrefix)).toBe('GET/hello');
    expect(resource!.reason).toContain('matches none');
  });

  it('allows on a matching Allow, naming the statement', () => {
    const trace = identityOnly([allow(`${API}/*/POST/*`), allow(`${API}/*/GET/*`, { Sid: 'Get' })]);
    expect(trace).toMatchObject({
      decision: 'allow',
      rule: 'identity-allow',
      decidedBy: { policy: 0, statement: 1 },
    });
    expect(trace.policies[0]!.statements[1]).toMatchObject({ sid: 'Get', matched: true });
    expect(trace.policies[0]!.outcome).toBe('allow');
  });

  it('lets an explicit Deny win over an Allow, wherever it stands', () => {
    for (const statements of [
      [allow('*'), deny(`${API}/*/GET/*`)],
      [deny(`${API}/*/GET/*`), allow('*')],
    ]) {
      const trace = identityOnly(statements);
      expect(trace).toMatchObject({ decision: 'deny', rule: 'explicit-deny' });
      expect(statements[trace.decidedBy!.statement]!.Effect).toBe('Deny');
    }
    expect(
      identityOnly([allow('*'), deny(`${API}/*/GET/*`)], request(`${API}/prod/POST/hello`)),
    ).toMatchObject({ decision: 'allow' });
  });

  it('compares actions case-insensitively and resources case-sensitively', () => {
    expect(identityOnly([{ ...allow('*'), Action: 'EXECUTE-API:invoke' }]).decision).toBe('allow');
    expect(identityOnly([allow(`${API}/prod/get/hello`)]).decision).toBe('deny');
  });

  it('NotAction applies to every action but the listed ones', () => {
    const notInvoke = {
      Effect: 'Allow',
      NotAction: 'execute-api:ManageConnections',
      Resource: '*',
    };
    expect(identityOnly([notInvoke]).decision).toBe('allow');
    const denyAllButInvalidate = { ...notInvoke, Effect: 'Deny', NotAction: 'execute-api:Inv*' };
    const trace = identityOnly([allow('*'), denyAllButInvalidate]);
    expect(trace.rule).toBe('identity-allow');
    expect(trace.policies[0]!.statements[1]!.elements[0]).toMatchObject({
      element: 'NotAction',
      matched: false,
      reason: expect.stringContaining('NotAction lists this action (execute-api:Inv*)'),
    });
  });

  it('NotResource applies to every resource but the listed ones', () => {
    const denyOthers = { Effect: 'Deny', Action: INVOKE, NotResource: `${API}/*/GET/public/*` };
    const trace = identityOnly([allow('*'), denyOthers]);
    expect(trace).toMatchObject({ rule: 'explicit-deny', decidedBy: { statement: 1 } });
    expect(
      identityOnly([allow('*'), denyOthers], request(`${API}/prod/GET/public/a`)).decision,
    ).toBe('allow');
  });

  it('needs every condition of a statement to hold (a Deny with a failing condition does not apply)', () => {
    const denyOutside = deny('*', {
      Condition: { NotIpAddress: { 'aws:SourceIp': '127.0.0.0/8' } },
    });
    expect(identityOnly([allow('*'), denyOutside]).decision).toBe('allow');
    const trace = identityOnly(
      [allow('*'), denyOutside],
      request(GET_HELLO, { 'aws:SourceIp': '10.1.2.3' }),
    );
    expect(trace).toMatchObject({ rule: 'explicit-deny', decidedBy: { statement: 1 } });
    expect(trace.policies[0]!.statements[1]!.conditions).toEqual([
      {
        operator: 'NotIpAddress',
        key: 'aws:SourceIp',
        policyValues: ['127.0.0.0/8'],
        requestValues: ['10.1.2.3'],
        matched: true,
      },
    ]);
  });

  it('lists the request context it decided on', () => {
    const trace = identityOnly([allow('*')]);
    expect(trace.context).toEqual({
      action: INVOKE,
      resource: GET_HELLO,
      callerArn: DEMO,
      keys: [{ key: 'aws:SourceIp', values: ['127.0.0.1'] }],
    });
  });
});

describe('decide: identity and resource policies (same account)', () => {
  const anyone = (statement: object) => ({ Principal: '*', ...statement });
  const both = (identity: unknown[], resource: unknown[], on = request()) =>
    decide({
      request: on,
      identity: applied(identity, 'identity', IDENTITY),
      resource: applied(resource, 'resource', RESOURCE),
    });

  it('allows when the resource policy allows the caller, even if its identity policy is silent', () => {
    const trace = both([], [anyone(allow(`${API}/*`))]);
    expect(trace).toMatchObject({
      decision: 'allow',
      rule: 'resource-allow',
      decidedBy: { policy: 1, statement: 0 },
    });
    expect(trace.policies.map((policy) => policy.source.kind)).toEqual(['identity', 'resource']);
  });

  it('allows when the identity policy allows and the resource policy is silent', () => {
    const trace = both([allow('*')], [anyone(allow(`${API}/*/POST/*`))]);
    expect(trace).toMatchObject({ decision: 'allow', rule: 'identity-allow' });
  });

  it('denies when the resource policy denies, whatever the identity policy allows (IP range)', () => {
    const denyRange = anyone(
      deny(`${API}/*`, {
        Condition: { IpAddress: { 'aws:SourceIp': ['127.0.0.0/8', '::1/128'] } },
      }),
    );
    const trace = both([allow('*')], [anyone(allow(`${API}/*`)), denyRange]);
    expect(trace).toMatchObject({
      decision: 'deny',
      rule: 'explicit-deny',
      decidedBy: { policy: 1, statement: 1 },
    });
    expect(trace.policies[1]!.source).toEqual(RESOURCE);
    expect(trace.policies[1]!.outcome).toBe('explicit-deny');
    expect(
      both([allow('*')], [denyRange], request(GET_HELLO, { 'aws:SourceIp': '192.0.2.7' })).decision,
    ).toBe('allow');
  });

  it('does not let an Allow naming only the account grant by itself: it delegates to the identity policy', () => {
    const accountOnly = {
      Principal: { AWS: 'arn:aws:iam::850047500507:root' },
      ...allow(`${API}/*`),
    };
    const alone = both([], [accountOnly]);
    expect(alone).toMatchObject({ decision: 'deny', rule: 'implicit-deny' });
    expect(alone.policies[1]).toMatchObject({
      outcome: 'no-match',
      statements: [{ matched: true }],
    });
    expect(both([allow('*')], [accountOnly]).rule).toBe('identity-allow');
  });

  it('skips a resource statement whose Principal names someone else, saying so', () => {
    const other = {
      Principal: { AWS: 'arn:aws:iam::850047500507:user/other' },
      ...allow(`${API}/*`),
    };
    const trace = both([], [other]);
    expect(trace.rule).toBe('implicit-deny');
    expect(trace.policies[1]!.statements[0]!.elements[0]).toMatchObject({
      element: 'Principal',
      matched: false,
      reason: `Principal does not name the caller ${DEMO} or its account.`,
    });
  });

  it('NotPrincipal applies to everyone but the named principals', () => {
    const denyOthers = {
      NotPrincipal: { AWS: 'arn:aws:iam::850047500507:user/admin' },
      ...deny(`${API}/*`),
    };
    expect(both([allow('*')], [denyOthers]).rule).toBe('explicit-deny');
    const asAdmin = { ...request(), callerArn: 'arn:aws:iam::850047500507:user/admin' };
    expect(both([allow('*')], [denyOthers], asAdmin).rule).toBe('identity-allow');
  });
});
