import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importRawHttp } from './importRawHttp';

describe('importRawHttp', () => {
  it('reads a signed HTTP/1.1 request and takes the signature out', () => {
    const result = importRawHttp(
      [
        'POST /prod/hello?a=1 HTTP/1.1',
        'Host: 42mydti3lg.execute-api.ca-central-1.amazonaws.com',
        'Content-Type: application/json',
        'Content-Length: 7',
        'X-Amz-Date: 20261126T100000Z',
        'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/ca-central-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=00',
        '',
        '{"a":1}',
      ].join('\r\n'),
    );
    expect(result).toEqual({
      ok: true,
      request: {
        method: 'POST',
        url: 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?a=1',
        headers: [['Content-Type', 'application/json']],
        body: '{"a":1}',
        existingSignature: {
          kind: 'authorization-header',
          detail: expect.stringMatching(/^AWS4/),
          algorithm: 'sigv4',
        },
        accessKeyId: 'AKIDEXAMPLE',
        region: 'ca-central-1',
        service: 'execute-api',
        notes: [
          expect.stringMatching(/already signed/),
          expect.stringMatching(/^The key ID AKIDEXAMPLE went into the credentials/),
        ],
      },
    });
  });

  it('reads HTTP/2 headers as developer tools copy them', () => {
    const result = importRawHttp(
      ':method: GET\n:authority: h.example\n:scheme: https\n:path: /x\naccept: */*',
    );
    expect(result).toMatchObject({
      ok: true,
      request: { method: 'GET', url: 'https://h.example/x', headers: [['accept', '*/*']] },
    });
  });

  it('assumes http for a local host, and says so', () => {
    const local = importRawHttp('GET /prod/hello HTTP/1.1\nHost: 127.0.0.1:5174');
    expect(local).toMatchObject({
      ok: true,
      request: { url: 'http://127.0.0.1:5174/prod/hello' },
    });
    expect(local.ok && local.request.notes.join(' ')).toMatch(/http was assumed/);
    const absolute = importRawHttp('GET http://127.0.0.1:5174/prod/hello HTTP/1.1');
    expect(absolute).toMatchObject({
      ok: true,
      request: { url: 'http://127.0.0.1:5174/prod/hello', headers: [], notes: [] },
    });
  });

  it('says which part it did not understand', () => {
    expect(importRawHttp('GET / HTTP/1.1\nX-A: 1')).toEqual({
      ok: false,
      error: expect.stringMatching(/no Host/),
    });
    expect(importRawHttp('GET / HTTP/1.1\nHost: h\nnot a header')).toEqual({
      ok: false,
      error: expect.stringMatching(/Not a header line: not a header/),
    });
  });

  it('never throws or hangs', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        expect(typeof importRawHttp(text).ok).toBe('boolean');
        expect(typeof importRawHttp(`GET / HTTP/1.1\nHost: h\n${text}`).ok).toBe('boolean');
      }),
    );
    // Long hostile requests end (a hang fails on the test's timeout, not on a clock here).
    const manyHeaders = importRawHttp(`GET / HTTP/1.1\nHost: h\n${'X: y\n'.repeat(100_000)}`);
    expect(manyHeaders.ok && manyHeaders.request.headers.length).toBe(100_000);
    expect(importRawHttp(`GET ${' '.repeat(300_000)}`).ok).toBe(false);
  });
});
