import { describe, expect, it } from 'vitest';
import {
  absentDecisionNote,
  REFUSED_BEFORE_POLICY_NOTE,
  UNDISCLOSED_DECISION_NOTE,
} from './absentDecisionNote';

const answer = (status: number, errorType?: string) => ({
  status,
  headers: errorType === undefined ? [] : ([['X-Amzn-ErrorType', errorType]] as [string, string][]),
});

describe('absentDecisionNote', () => {
  it.each([
    'InvalidSignatureException',
    'IncompleteSignatureException',
    'UnrecognizedClientException',
    'MissingAuthenticationTokenException',
    'ExpiredTokenException',
    'InvalidSignatureException:http://internal.amazon.com/coral/com.amazon.coral.service/',
    'com.amazon.coral.service#UnrecognizedClientException',
  ])('%s: refused before any policy was evaluated', (type) => {
    expect(absentDecisionNote(answer(403, type))).toBe(REFUSED_BEFORE_POLICY_NOTE);
  });

  it.each(['AccessDeniedException', 'AccessDenied'])(
    '%s without a trace: AWS (or --strict) does not say which statement',
    (type) => {
      expect(absentDecisionNote(answer(403, type))).toBe(UNDISCLOSED_DECISION_NOTE);
    },
  );

  it('a 403 of another or no type says both possibilities', () => {
    for (const note of [
      absentDecisionNote(answer(403, 'ForbiddenException')),
      absentDecisionNote(answer(403)),
    ]) {
      expect(note).toContain('only once a signature is valid');
    }
  });

  it('says nothing for an answer other than 403', () => {
    expect(absentDecisionNote(answer(200))).toBeUndefined();
    expect(absentDecisionNote(answer(401, 'InvalidSignatureException'))).toBeUndefined();
  });
});
