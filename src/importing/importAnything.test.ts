import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importAnything } from './importAnything';

describe('importAnything', () => {
  it('tells what was pasted', () => {
    expect(importAnything('$ curl https://h.example/')).toMatchObject({
      kind: 'request',
      source: 'curl',
    });
    expect(importAnything('GET /x HTTP/1.1\nHost: h.example')).toMatchObject({
      kind: 'request',
      source: 'http',
      request: { url: 'https://h.example/x' },
    });
    expect(importAnything('  https://h.example/a?b=1  ')).toMatchObject({
      kind: 'request',
      source: 'url',
      request: { method: 'GET', url: 'https://h.example/a?b=1', headers: [], body: '' },
    });
    expect(
      importAnything('export AWS_ACCESS_KEY_ID=AKIDEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=s'),
    ).toMatchObject({ kind: 'credentials', credentials: { format: 'env' } });
    expect(importAnything('{"AccessKeyId":"A","SecretAccessKey":"S","Version":1}')).toMatchObject({
      kind: 'credentials',
      credentials: { format: 'process-json' },
    });
    expect(importAnything('[default]\naws_access_key_id=A\naws_secret_access_key=S')).toMatchObject(
      { kind: 'credentials', credentials: { profile: 'default' } },
    );
  });

  it('reads HTTPie, fetch and PowerShell', () => {
    expect(importAnything('http PUT :5174/prod/hello a=1')).toMatchObject({
      kind: 'request',
      source: 'httpie',
      request: { method: 'PUT', url: 'http://localhost:5174/prod/hello', body: '{"a": "1"}' },
    });
    expect(
      importAnything('fetch("https://h.example/a", { "method": "DELETE", "body": null });'),
    ).toMatchObject({ kind: 'request', source: 'fetch', request: { method: 'DELETE' } });
    expect(
      importAnything(
        'Invoke-WebRequest -UseBasicParsing -Uri "https://h.example/b" -Method "PATCH"',
      ),
    ).toMatchObject({ kind: 'request', source: 'powershell', request: { method: 'PATCH' } });
    expect(importAnything('fetch(url)')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/url is JavaScript code/),
    });
  });

  it('recognises a presigned URL', () => {
    expect(
      importAnything(
        'https://h.example/a?X-Amz-Signature=ab&X-Amz-Credential=K%2F20261126%2Fr%2Fs%2Faws4_request',
      ),
    ).toMatchObject({
      kind: 'request',
      request: { url: 'https://h.example/a', existingSignature: { kind: 'presigned-url' } },
    });
  });

  it('says what it could not read', () => {
    expect(importAnything('')).toMatchObject({ kind: 'error' });
    for (const text of ['hello', 'random words here and there', 'Hello World\nfoo bar']) {
      expect(importAnything(text)).toMatchObject({
        kind: 'error',
        error: expect.stringMatching(
          /^Not a request I can read\. .*curl or HTTPie.*fetch.*PowerShell Invoke-WebRequest/,
        ),
      });
    }
    expect(importAnything('curl')).toMatchObject({
      kind: 'error',
      error: expect.stringMatching(/URL/),
    });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        const result = importAnything(text);
        expect(['request', 'credentials', 'error']).toContain(result.kind);
      }),
    );
  });
});

describe('importAnything, comments', () => {
  it('skips comment lines before a curl command', () => {
    expect(importAnything('# signed at noon\n# more\ncurl https://h.example/')).toMatchObject({
      kind: 'request',
      source: 'curl',
    });
  });
});
