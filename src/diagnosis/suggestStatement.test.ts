import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesIamPattern } from '../../server/gateway/iam/matchIamPattern';
import { POST_ONLY, TEST_API, traceFor } from '../../test-support/iamTraces';
import { suggestStatement, withStatement } from './suggestStatement';

describe('suggestStatement', () => {
  it('allows exactly GET /prod/hello for demo', () => {
    const suggestion = suggestStatement(traceFor(`${TEST_API}/prod/GET/hello`));
    expect(suggestion).toEqual({
      policy: { kind: 'identity', principal: 'user', name: 'demo', arn: expect.any(String) },
      statement: {
        Sid: 'AllowGetHello',
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: `${TEST_API}/prod/GET/hello`,
      },
    });
  });

  it('suggests nothing for an allowed request or an explicit deny', () => {
    expect(suggestStatement(traceFor(`${TEST_API}/prod/POST/hello`))).toBeUndefined();
    const denyAll = [{ Effect: 'Deny', Action: '*', Resource: '*' }];
    expect(suggestStatement(traceFor(`${TEST_API}/prod/GET/hello`, denyAll))).toBeUndefined();
  });

  it('says when the ARN itself holds a wildcard character', () => {
    expect(suggestStatement(traceFor(`${TEST_API}/prod/GET/a*b`))?.caveat).toMatch(/wildcards/);
  });

  const segment = fc.stringMatching(/^[A-Za-z0-9._~%-]{1,12}$/);
  const arn = fc
    .record({
      region: fc.constantFrom('us-east-1', 'ca-central-1', 'eu-west-3'),
      account: fc.stringMatching(/^\d{12}$/),
      api: fc.stringMatching(/^[a-z0-9]{10}$/),
      stage: segment,
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'),
      path: fc.array(segment, { maxLength: 4 }),
    })
    .map(
      (r) =>
        `arn:aws:execute-api:${r.region}:${r.account}:${r.api}/${r.stage}/${r.method}/${r.path.join('/')}`,
    );

  it('allows the request, and nothing else (property)', () => {
    fc.assert(
      fc.property(arn, arn, (resource, other) => {
        const suggestion = suggestStatement(traceFor(resource, []))!;
        expect(suggestion.statement.Resource).toBe(resource);
        expect(matchesIamPattern(suggestion.statement.Resource, resource)).toBe(true);
        expect(matchesIamPattern(suggestion.statement.Resource, other)).toBe(other === resource);
        // Added to the policy, the request is allowed.
        const allowed = traceFor(resource, JSON.parse(withStatement('[]', suggestion.statement)!));
        expect(allowed.decision).toBe('allow');
      }),
      { numRuns: 200 },
    );
  });
});

describe('withStatement', () => {
  const statement = {
    Sid: 'AllowGetHello',
    Effect: 'Allow' as const,
    Action: 'execute-api:Invoke',
    Resource: `${TEST_API}/prod/GET/hello`,
  };

  it('appends to a document, keeping its Version', () => {
    const text = withStatement(JSON.stringify(POST_ONLY), statement)!;
    expect(JSON.parse(text)).toEqual({
      Version: '2012-10-17',
      Statement: [POST_ONLY.Statement[0], statement],
    });
  });

  it('makes a list of statements, or a single one, a document', () => {
    expect(JSON.parse(withStatement('[]', statement)!).Statement).toEqual([statement]);
    const single = JSON.stringify({ Statement: POST_ONLY.Statement[0] });
    expect(JSON.parse(withStatement(single, statement)!).Statement).toHaveLength(2);
  });

  it('gives up on text that is not a policy', () => {
    expect(withStatement('{ not json', statement)).toBeUndefined();
    expect(withStatement('42', statement)).toBeUndefined();
  });
});
