import { describe, expect, it } from 'vitest';
import { SIGNATURE_WINDOW_MS } from './constants';
import { S3_SIGNATURE_WINDOW_MS, signatureWindow } from './signatureWindow';

describe('signatureWindow', () => {
  it("names API Gateway's 5 minutes as API Gateway's", () => {
    expect(signatureWindow('execute-api')).toEqual({
      ms: SIGNATURE_WINDOW_MS,
      rule: 'API Gateway accepts it 5 minutes either way of X-Amz-Date',
    });
  });

  it('gives S3 its 15 minutes of skew', () => {
    expect(signatureWindow('s3').ms).toBe(S3_SIGNATURE_WINDOW_MS);
    expect(signatureWindow('s3').rule).toContain('S3');
  });

  it('does not claim another service follows API Gateway', () => {
    const { ms, rule } = signatureWindow('dynamodb');
    expect(ms).toBe(SIGNATURE_WINDOW_MS);
    expect(rule).toContain("API Gateway's rule");
    expect(rule).toContain('dynamodb may differ');
  });
});
