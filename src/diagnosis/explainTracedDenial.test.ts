import { describe, expect, it } from 'vitest';
import { TEST_API, TEST_DEMO, traceFor } from '../../test-support/iamTraces';
import { describeIamDecision } from './describeIamDecision';
import { explainTracedDenial } from './explainTracedDenial';

describe('explainTracedDenial', () => {
  it('says what the decision view says, naming the identity policy', () => {
    const trace = traceFor(`${TEST_API}/prod/GET/hello`);
    expect(explainTracedDenial(trace)).toEqual({
      explicit: false,
      policyType: 'identity-based policy',
      policyArn: TEST_DEMO,
      sentence: describeIamDecision(trace),
    });
  });
});
