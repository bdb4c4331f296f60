import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCurl } from '../importing/importCurl';
import { shellWords } from '../importing/shellWords';
import { bashQuote, curlUrl, shellBody, toCurl, toHttpText } from './requestText';

const join = (lines: string[]) => lines.join(' \\\n  ');

describe('bashQuote', () => {
  it('quotes so that bash reads the text back', () => {
    for (const text of ['plain', "it's", 'a b', 'tab\there\nnew', '\\x', '$HOME', '`x`', '\u0001é'])
      expect(shellWords(`x ${bashQuote(text)}`)).toEqual(['x', text]);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), (text) => {
        expect(shellWords(`x ${bashQuote(text)}`)).toEqual(['x', text]);
      }),
    );
  });
});

describe('toCurl', () => {
  it('keeps the path as signed and sends the headers and body as they are', () => {
    const command = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:5174/prod/./hello?a=[1]',
      headers: [
        ['content-type', 'application/json'],
        ['x-empty', ''],
      ],
      body: '{"it\'s":1}',
    });
    expect(command).toBe(
      join([
        "curl --path-as-is -g -X POST 'http://127.0.0.1:5174/prod/./hello?a=[1]'",
        "-H 'content-type: application/json'",
        "-H 'x-empty;'",
        `--data-raw $'{"it\\'s":1}'`,
      ]),
    );
  });

  it("sends a body starting with '@' as text, never as a file to read", () => {
    expect(toCurl({ method: 'PUT', url: 'https://x/', headers: [], body: '@/etc/passwd' })).toBe(
      join([
        'curl --path-as-is -g -X PUT https://x/',
        '--data-raw @/etc/passwd',
        "-H 'Content-Type:'",
      ]),
    );
  });

  it('writes an empty or blank header value as curl sends it: Name;', () => {
    const command = toCurl({
      method: 'GET',
      url: 'https://x/',
      headers: [
        ['X-Empty', ''],
        ['X-Blank', '  '],
      ],
    });
    expect(command).toContain("-H 'X-Empty;'");
    expect(command).toContain("-H 'X-Blank;'");
    expect(command).not.toMatch(/X-(Empty|Blank):/);
  });

  it('uses --head for HEAD, no -X for a plain GET, and @file for bytes from a file', () => {
    expect(toCurl({ method: 'HEAD', url: 'https://x/', headers: [] })).toContain('--head');
    expect(toCurl({ method: 'GET', url: 'https://x/', headers: [] })).not.toContain('-X');
    expect(
      toCurl(
        { method: 'PUT', url: 'https://x/', headers: [], body: new Uint8Array(2) },
        { bodyFileName: 'a b.png' },
      ),
    ).toContain(`--data-binary '@a b.png'`);
  });

  it('pipes bytes, text holding NUL and long text to curl instead of one argument', () => {
    const bytes = toCurl({
      method: 'PUT',
      url: 'https://x/',
      headers: [],
      body: new Uint8Array([0xff, 0, 1]),
    });
    expect(bytes).toMatch(/^printf '%s' '\/wAB' \| base64 -d \| curl .*\n {2}--data-binary @-/s);
    expect(shellBody({ kind: 'text', text: 'a\u0000b' })).toEqual({
      kind: 'pipe',
      pipe: "printf '%s' 'YQBi' | base64 -d | ",
    });
    const long = shellBody({ kind: 'text', text: 'é'.repeat(40_000) });
    expect(long.kind === 'pipe' && long.pipe.startsWith("printf '%s' 'éé")).toBe(true);
    expect(shellBody({ kind: 'text', text: 'a'.repeat(65_536) }).kind).toBe('argument');
  });

  it('stops curl adding a form Content-Type the request does not have', () => {
    const withType = toCurl({
      method: 'POST',
      url: 'https://x/',
      headers: [['Content-Type', 'text/plain']],
      body: 'x',
    });
    expect(withType).not.toContain("'Content-Type:'");
    expect(toCurl({ method: 'POST', url: 'https://x/', headers: [], body: 'x' })).toContain(
      "-H 'Content-Type:'",
    );
  });

  it('reads a withheld header from the environment, and adds signing arguments', () => {
    const command = toCurl(
      { method: 'GET', url: 'https://x/', headers: [['X-Api-Key', 'secret']] },
      {
        signingArgs: ['--aws-sigv4 aws:amz:r:s', '--user "$A:$B"'],
        headerVariable: ([name]) => (name === 'X-Api-Key' ? 'X_API_KEY' : null),
      },
    );
    expect(command).toBe(
      join([
        'curl --path-as-is -g https://x/',
        '--aws-sigv4 aws:amz:r:s',
        '--user "$A:$B"',
        `-H 'X-Api-Key: '"$X_API_KEY"`,
      ]),
    );
  });

  it('imports back as the same request, whatever the header values and body', () => {
    const value = fc.string({ unit: 'grapheme', maxLength: 40 }).filter(
      // Header values hold no control characters (RFC 9110), and SigV4 trims them.
      // eslint-disable-next-line no-control-regex
      (text) => !/[\u0000-\u001f\u007f]/.test(text) && text === text.trim(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
        fc.array(fc.tuple(fc.constantFrom('X-A', 'x-b', 'Content-Type'), value), { maxLength: 3 }),
        fc.string({ unit: 'grapheme', maxLength: 80 }),
        (method, headers, body) => {
          const sent = body.includes('\u0000') ? '' : body;
          const result = importCurl(
            toCurl({ method, url: 'https://h.example/a?b=1', headers, body: sent }),
          );
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.request).toMatchObject({
            method,
            url: 'https://h.example/a?b=1',
            body: sent,
          });
          expect(result.request.headers).toEqual(headers);
        },
      ),
    );
  });
});

describe('curlUrl', () => {
  it('escapes what curl refuses or re-encodes, and nothing else', () => {
    expect(curlUrl('https://h/a b/é?q=a b&r=ü\t')).toBe(
      'https://h/a%20b/%C3%A9?q=a%20b&r=%C3%BC%09',
    );
    const kept = 'https://h/a/../b/[x]{y}%2F?q=[1]&r={2}&s=%20+&t="<>|^`\\';
    expect(curlUrl(kept)).toBe(kept);
  });
});

describe('toHttpText', () => {
  it("'url': the request line, the headers, an empty line and the body, as Request to send shows them", () => {
    expect(
      toHttpText(
        { method: 'POST', url: 'https://x/a', headers: [['h', 'v']], body: 'hi' },
        { form: 'url' },
      ),
    ).toBe('POST https://x/a\nh: v\n\nhi');
    expect(toHttpText({ method: 'GET', url: 'https://x/', headers: [] }, { form: 'url' })).toBe(
      'GET https://x/',
    );
    expect(
      toHttpText(
        { method: 'PUT', url: 'https://x/', headers: [], body: new TextEncoder().encode('abc') },
        { form: 'url', bodyFileName: 'f' },
      ),
    ).toBe('PUT https://x/\n\n(3 bytes from f)');
  });

  it("'wire': HTTP/1.1 with the path and query, Host and Content-Length", () => {
    expect(
      toHttpText(
        {
          method: 'POST',
          url: 'http://127.0.0.1:5174/prod/./a?b=[1]#frag',
          headers: [['X-Key', 'k']],
          body: 'é',
        },
        { form: 'wire', headerVariable: ([name]) => (name === 'X-Key' ? 'X_KEY' : null) },
      ),
    ).toBe(
      'POST /prod/./a?b=[1] HTTP/1.1\nHost: 127.0.0.1:5174\nX-Key: <left out: $X_KEY>\nContent-Length: 2\n\né',
    );
    expect(
      toHttpText({ method: 'GET', url: 'https://h', headers: [['host', 'h']] }, { form: 'wire' }),
    ).toBe('GET / HTTP/1.1\nhost: h\n\n');
  });
});
