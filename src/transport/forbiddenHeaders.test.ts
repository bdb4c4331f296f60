import { describe, expect, it } from 'vitest';
import { signedPost } from '../../test-support/transportFakes';
import { isForbiddenRequestHeader, splitBrowserHeaders } from './forbiddenHeaders';

describe('isForbiddenRequestHeader', () => {
  it('knows the names a browser sets itself or never sends', () => {
    for (const name of [
      'Host',
      'content-length',
      'Connection',
      'Date',
      'Cookie',
      'Sec-Fetch-Mode',
      'Proxy-Authorization',
    ]) {
      expect(isForbiddenRequestHeader(name), name).toBe(true);
    }
    for (const name of ['Authorization', 'X-Amz-Date', 'X-Amz-Security-Token', 'Content-Type']) {
      expect(isForbiddenRequestHeader(name), name).toBe(false);
    }
  });

  it('forbids method overrides only to forbidden methods', () => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'trace')).toBe(true);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT')).toBe(false);
  });
});

describe('splitBrowserHeaders', () => {
  it('keeps order and tells which headers the browser drops', () => {
    expect(splitBrowserHeaders(signedPost.headers)).toEqual({
      sendable: [
        ['Content-Type', 'application/json'],
        ['X-Amz-Date', '20150830T123600Z'],
        ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/...'],
      ],
      dropped: [
        ['Host', '42mydti3lg.execute-api.ca-central-1.amazonaws.com'],
        ['Content-Length', '17'],
      ],
    });
  });
});
