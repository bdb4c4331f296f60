import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl, toHttpText } from './requestText';

describe('shellQuote', () => {
  it("single-quotes, writing a quote as '\\''", () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
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
      [
        "curl --path-as-is -g -X POST 'http://127.0.0.1:5174/prod/./hello?a=[1]'",
        "-H 'content-type: application/json'",
        "-H 'x-empty;'",
        `--data-binary '{"it'\\''s":1}'`,
      ].join(' \\\n  '),
    );
  });

  it('uses --head for HEAD, no -X for a plain GET, and @file for binary bodies', () => {
    expect(toCurl({ method: 'HEAD', url: 'https://x/', headers: [] })).toContain('--head');
    expect(toCurl({ method: 'GET', url: 'https://x/', headers: [] })).not.toContain('-X');
    expect(
      toCurl({ method: 'PUT', url: 'https://x/', headers: [], body: new Uint8Array(2) }, 'a b.png'),
    ).toContain(`--data-binary '@a b.png'`);
  });
});

describe('toHttpText', () => {
  it('writes the request line, the headers, an empty line and the body', () => {
    expect(
      toHttpText({ method: 'POST', url: 'https://x/a', headers: [['h', 'v']], body: 'hi' }),
    ).toBe('POST https://x/a\nh: v\n\nhi');
    expect(toHttpText({ method: 'GET', url: 'https://x/', headers: [] })).toBe('GET https://x/');
    expect(
      toHttpText({ method: 'PUT', url: 'https://x/', headers: [], body: new Uint8Array(3) }, 'f'),
    ).toBe('PUT https://x/\n\n(3 bytes from f)');
  });
});
