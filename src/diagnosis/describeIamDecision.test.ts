import { describe, expect, it } from 'vitest';
import { describeIamDecision, highlightFrom } from './describeIamDecision';
import { POST_ONLY, TEST_API, traceFor } from '../../test-support/iamTraces';

describe('describeIamDecision', () => {
  it('names the POST-only statement for a GET', () => {
    expect(describeIamDecision(traceFor(`${TEST_API}/prod/GET/hello`))).toBe(
      'Denied: no statement allows execute-api:Invoke on …/prod/GET/hello; statement 0 (InvokePostOnly) of demo’s identity policy allows only …/*/POST/*.',
    );
  });

  it('names the allowing statement', () => {
    expect(describeIamDecision(traceFor(`${TEST_API}/prod/POST/hello`))).toBe(
      'Allowed: statement 0 (InvokePostOnly) of demo’s identity policy allows execute-api:Invoke on …/prod/POST/hello.',
    );
  });

  it('names the resource policy that denies an IP range', () => {
    const deny = [
      {
        Effect: 'Deny',
        Principal: '*',
        Action: 'execute-api:Invoke',
        Resource: `${TEST_API}/*`,
        Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } },
      },
    ];
    expect(describeIamDecision(traceFor(`${TEST_API}/prod/POST/hello`, POST_ONLY, deny))).toBe(
      'Denied explicitly: statement 0 of the API’s resource policy matches execute-api:Invoke on …/prod/POST/hello, and an explicit Deny wins over every Allow.',
    );
  });
});

describe('highlightFrom', () => {
  it('marks POST in the pattern and GET in the value, as far as the next /', () => {
    const trace = traceFor(`${TEST_API}/prod/GET/hello`);
    const resource = trace.policies[0]!.statements[0]!.elements.find(
      (element) => element.element === 'Resource',
    )!;
    const tried = resource.tries[0]!;
    expect(highlightFrom(tried.pattern, tried.patternPrefix)).toEqual({
      before: `${TEST_API}/*/`,
      differs: 'POST',
      after: '/*',
    });
    expect(highlightFrom(resource.value, tried.valuePrefix)).toEqual({
      before: `${TEST_API}/prod/`,
      differs: 'GET',
      after: '/hello',
    });
  });

  it('marks nothing without a prefix, and stays within the text', () => {
    expect(highlightFrom('abc', undefined)).toEqual({ before: 'abc', differs: '', after: '' });
    expect(highlightFrom('abc', 9)).toEqual({ before: 'abc', differs: '', after: '' });
    expect(highlightFrom('a/b', 1)).toEqual({ before: 'a', differs: '/', after: 'b' });
    expect(highlightFrom('abc', 3)).toEqual({ before: 'abc', differs: '', after: '' });
  });
});
