import { describe, expect, it } from 'vitest';
import {
  failureOf,
  networkError,
  scriptedFetch,
  signedPost,
} from '../../test-support/transportFakes';
import { sendRequest } from './sendRequest';

describe('sendRequest directly', () => {
  it('fetches with the headers a browser may set, manual redirects and no cache', async () => {
    const { fetchImpl, calls } = scriptedFetch(
      () =>
        new Response('"ok"', {
          status: 200,
          statusText: 'OK',
          headers: { 'content-type': 'application/json', 'x-amzn-requestid': 'r-1' },
        }),
    );
    const outcome = await sendRequest(signedPost, { mode: 'direct', fetchImpl });

    expect(calls).toHaveLength(1);
    const { url, init } = calls[0]!;
    expect(url).toBe(signedPost.url);
    expect(init).toMatchObject({
      method: 'POST',
      body: '{"hello":"world"}',
      redirect: 'manual',
      cache: 'no-store',
      credentials: 'omit',
    });
    // Host and Content-Length go out with the same values, set by the browser itself.
    expect([...(init.headers as Headers)]).toEqual([
      ['authorization', 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/...'],
      ['content-type', 'application/json'],
      ['x-amz-date', '20150830T123600Z'],
    ]);
    if (outcome.kind !== 'response') throw new Error(JSON.stringify(outcome));
    expect(outcome.answer).toMatchObject({
      status: 200,
      statusText: 'OK',
      headers: [
        ['content-type', 'application/json'],
        ['x-amzn-requestid', 'r-1'],
      ],
      body: new TextEncoder().encode('"ok"'),
      sizeBytes: 4,
      via: 'direct',
    });
    expect(outcome.answer.timeMs).toBeGreaterThanOrEqual(0);
  });

  it('calls a failed fetch CORS when a no-cors probe of the same URL gets an answer', async () => {
    const { fetchImpl, calls } = scriptedFetch(networkError, () => new Response(null));
    const failure = failureOf(await sendRequest(signedPost, { mode: 'direct', fetchImpl }));
    expect(calls[1]!.url).toBe(signedPost.url);
    expect(calls[1]!.init).toMatchObject({ mode: 'no-cors', method: 'HEAD' });
    expect(failure.kind).toBe('cors');
    expect(failure.title).toBe('Blocked by CORS');
    expect(failure.message).toContain('https://42mydti3lg.execute-api.ca-central-1.amazonaws.com');
    for (const needed of [
      'Access-Control-Allow-Origin',
      'Authorization',
      'X-Amz-Date',
      'X-Amz-Security-Token',
      'X-Amz-Content-Sha256',
      'X-Amz-Region-Set',
      'Content-Type',
      'x-amzn-ErrorType',
      'x-amzn-RequestId',
      'relay',
    ]) {
      expect(failure.advice).toContain(needed);
    }
    // The browser sets Host itself: no CORS configuration lists it.
    expect(failure.advice).not.toMatch(/\bHost\b/);
  });

  it('calls it a network failure when the probe fails too', async () => {
    const { fetchImpl } = scriptedFetch(networkError, networkError);
    const failure = failureOf(await sendRequest(signedPost, { mode: 'direct', fetchImpl }));
    expect(failure.kind).toBe('network');
    expect(failure.message).toMatch(
      /could not connect .*: the host does not resolve, nothing listens there, or it is offline\./,
    );
  });

  it('refuses what a browser cannot send, before fetching', async () => {
    const { fetchImpl, calls } = scriptedFetch();
    const kinds = await Promise.all(
      [
        { ...signedPost, method: 'GET' },
        { ...signedPost, method: 'TRACE', body: undefined },
        { ...signedPost, url: '/relative' },
        { ...signedPost, url: 'ftp://example.com/' },
        { ...signedPost, headers: [['X-Note', 'line\nbreak']] as Array<[string, string]> },
      ].map(async (bad) => failureOf(await sendRequest(bad, { mode: 'direct', fetchImpl })).kind),
    );
    expect(kinds).toEqual(Array(5).fill('invalid-request'));
    expect(calls).toHaveLength(0);
  });

  it('sends GET with an empty body as no body', async () => {
    const { fetchImpl, calls } = scriptedFetch(() => new Response(''));
    const outcome = await sendRequest(
      { ...signedPost, method: 'GET', body: new Uint8Array(0) },
      { mode: 'direct', fetchImpl },
    );
    expect(outcome.kind).toBe('response');
    expect(calls[0]!.init.body).toBeUndefined();
  });

  it('reports a redirect, which the browser hides from the page', async () => {
    const opaque = new Response(null);
    Object.defineProperty(opaque, 'type', { value: 'opaqueredirect' });
    const { fetchImpl } = scriptedFetch(() => opaque);
    const failure = failureOf(await sendRequest(signedPost, { mode: 'direct', fetchImpl }));
    expect(failure).toMatchObject({ kind: 'network', title: 'Redirected' });
  });
});
