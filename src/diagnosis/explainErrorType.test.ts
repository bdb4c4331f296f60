import { describe, expect, it } from 'vitest';
import { explainErrorType } from './explainErrorType';

/** Every x-amzn-ErrorType of the reference table, and the others API Gateway sends. */
const KNOWN = [
  'MissingAuthenticationTokenException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'UnrecognizedClientException',
  'ExpiredTokenException',
  'AccessDeniedException',
  'ForbiddenException',
  'ThrottlingException',
  'RequestTooLongException',
  'BadRequestException',
];

describe('explainErrorType', () => {
  it('says that a missing token can also mean a missing route', () => {
    expect(explainErrorType('MissingAuthenticationTokenException')).toBe(
      'The request was not signed, or the stage, path or method does not exist — API Gateway answers both the same way.',
    );
  });

  it("names API Gateway's payload limit as the gateway enforces it", () => {
    expect(explainErrorType('RequestTooLongException')).toContain('at most 10 MiB');
  });

  it('has one sentence for every error type, each a different one', () => {
    const sentences = KNOWN.map((type) => explainErrorType(type));
    for (const [index, sentence] of sentences.entries()) {
      expect(sentence, KNOWN[index]).toMatch(/^[A-Z].*\.$/);
      expect(sentence!.split(/\. (?=[A-Z])/), KNOWN[index]).toHaveLength(1);
    }
    expect(new Set(sentences).size).toBe(KNOWN.length);
  });

  it('points temporary keys without a token at the session token', () => {
    expect(explainErrorType('UnrecognizedClientException')).toMatch(/session token/);
    expect(explainErrorType('AccessDeniedException')).toMatch(/IAM policy/);
  });

  it('strips the suffix after ":" and the namespace before "#"', () => {
    const accessDenied = explainErrorType('AccessDeniedException');
    expect(
      explainErrorType(
        'AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/',
      ),
    ).toBe(accessDenied);
    expect(explainErrorType('com.amazon.coral.service#AccessDeniedException')).toBe(accessDenied);
    expect(explainErrorType(' AccessDeniedException ')).toBe(accessDenied);
  });

  it('knows nothing of other types, of null, or of inherited property names', () => {
    expect(explainErrorType(null)).toBeUndefined();
    expect(explainErrorType('')).toBeUndefined();
    expect(explainErrorType('ResourceNotFoundException')).toBeUndefined();
    expect(explainErrorType('accessdeniedexception')).toBeUndefined();
    expect(explainErrorType('constructor')).toBeUndefined();
    expect(explainErrorType('toString')).toBeUndefined();
  });
});
