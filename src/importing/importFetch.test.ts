import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importFetch } from './importFetch';
import type { ImportedRequest } from './importCurl';

function imported(text: string): ImportedRequest {
  const result = importFetch(text);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

// Chrome 131 "Copy as fetch" of a POST with a JSON body from a page with a cookie (DevTools
// writes JSON.stringify(options, null, 2); the cookie is not in it: credentials "include").
const CHROME_FETCH = `fetch("http://127.0.0.1:5174/prod/hello?lang=fr", {
  "headers": {
    "accept": "*/*",
    "accept-language": "en-CA,en;q=0.9",
    "content-type": "application/json",
    "sec-ch-ua": "\\"Chromium\\";v=\\"131\\", \\"Not_A Brand\\";v=\\"24\\"",
    "sec-fetch-mode": "cors"
  },
  "referrer": "http://127.0.0.1:5173/",
  "referrerPolicy": "strict-origin-when-cross-origin",
  "body": "{\\"greeting\\":\\"it's me\\",\\"emoji\\":\\"é\\"}",
  "method": "POST",
  "mode": "cors",
  "credentials": "include"
});`;

// The same request, "Copy as fetch (Node.js)": the cookie and Referer are headers, no mode.
const CHROME_FETCH_NODE = `fetch("http://127.0.0.1:5174/prod/hello?lang=fr", {
  "headers": {
    "accept": "*/*",
    "content-type": "application/json",
    "cookie": "session=abc123; theme=dark",
    "Referer": "http://127.0.0.1:5173/",
    "Referrer-Policy": "strict-origin-when-cross-origin"
  },
  "body": "{\\"greeting\\":\\"it's me\\",\\"emoji\\":\\"é\\"}",
  "method": "POST"
});`;

describe('importFetch', () => {
  it("reads Chrome's Copy as fetch", () => {
    const request = imported(CHROME_FETCH);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://127.0.0.1:5174/prod/hello?lang=fr');
    expect(request.body).toBe('{"greeting":"it\'s me","emoji":"é"}');
    expect(request.headers).toContainEqual([
      'sec-ch-ua',
      '"Chromium";v="131", "Not_A Brand";v="24"',
    ]);
    expect(request.headers).toContainEqual(['Referer', 'http://127.0.0.1:5173/']);
    expect(request.notes.join(' ')).toMatch(/credentials: "include" sends the browser’s cookies/);
    expect(request.notes.join(' ')).toMatch(/Left out.*referrerPolicy, mode, credentials/);
  });

  it("reads Chrome's Copy as fetch (Node.js), cookie included", () => {
    const request = imported(CHROME_FETCH_NODE);
    expect(request.body).toBe(imported(CHROME_FETCH).body);
    expect(request.headers).toContainEqual(['cookie', 'session=abc123; theme=dark']);
    expect(request.notes.join(' ')).toMatch(/cannot set cookie, Referer/);
  });

  it('reads a GET with a null body, and a bare fetch(url)', () => {
    expect(
      imported('fetch("https://h.example/a", {"body": null, "method": "GET"});'),
    ).toMatchObject({ method: 'GET', body: '', url: 'https://h.example/a' });
    expect(imported("await fetch('https://h.example/b')")).toMatchObject({ method: 'GET' });
    const bound = imported(
      "const response = await fetch('https://h.example/b', { method: 'POST' }).then((r) => r.json());",
    );
    expect(bound).toMatchObject({ method: 'POST', url: 'https://h.example/b' });
    expect(bound.notes).toContain(
      'What is done with the answer (.then(…) and the like) was left out.',
    );
  });

  it('reads hand-written JavaScript: single quotes, templates, bare keys, comments, JSON.stringify', () => {
    const request = imported(`fetch(\`https://h.example/c\`, {
      method: 'PUT', // replace it
      headers: { 'Content-Type': 'application/json', },
      /* the data */ body: JSON.stringify({ a: 1, b: [true, null], c: 'x\\ty' }),
    })`);
    expect(request).toMatchObject({ method: 'PUT', url: 'https://h.example/c' });
    expect(request.body).toBe('{"a":1,"b":[true,null],"c":"x\\ty"}');
  });

  it('names what it cannot read instead of running it', () => {
    expect(importFetch('fetch(url)')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/url is JavaScript code/),
    });
    expect(importFetch('fetch(`https://h/${id}`)')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/template string with \$\{…\}/),
    });
    expect(importFetch('fetch("https://h/", { body: new FormData() })')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/new is JavaScript code/),
    });
    expect(importFetch('fetch("https://h/", { "method": "POST"')).toMatchObject({ ok: false });
    expect(importFetch('fetch("https://h/", ' + '['.repeat(5000))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/nested deeper/),
    });
  });

  it('keeps a "__proto__" header as a header', () => {
    expect(imported('fetch("https://h/", {"headers": {"__proto__": "x"}})').headers).toEqual([
      ['__proto__', 'x'],
    ]);
  });

  it('ends on long hostile input with a sentence', () => {
    for (const text of [
      'fetch("' + 'a'.repeat(500_000),
      'fetch(' + '{a:'.repeat(100_000),
      'fetch("h", ' + '/*'.repeat(100_000),
      'fetch(`' + '\\u{'.repeat(100_000),
    ])
      expect(importFetch(text)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('fetch(', 'fetch("https://h/", {', "fetch('https://h/', { headers: {"),
        anyText(300),
        (start, rest) => {
          const result = importFetch(start + rest);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});
