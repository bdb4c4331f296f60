import { describe, expect, it } from 'vitest';
import { getBodyIssue } from './getBodyIssue';

describe('getBodyIssue', () => {
  it('warns that a browser cannot send a body with GET or HEAD (direct)', () => {
    for (const method of ['GET', 'head', ' get ']) {
      expect(getBodyIssue(method, true, 'direct')).toMatchObject({
        field: 'body',
        severity: 'warning',
        message: expect.stringMatching(
          /^A browser cannot send a body with (GET|HEAD), so Send \(direct\) will refuse/,
        ),
      });
    }
  });

  it('says what the relay does with it: sends it as signed', () => {
    expect(getBodyIssue('GET', true, 'relay')).toMatchObject({
      severity: 'info',
      message: expect.stringMatching(/^The relay sends this body with GET, as signed\./),
    });
  });

  it('says nothing of an empty body, or of a body with POST', () => {
    expect(getBodyIssue('GET', false, 'direct')).toBeUndefined();
    expect(getBodyIssue('POST', true, 'direct')).toBeUndefined();
  });
});
