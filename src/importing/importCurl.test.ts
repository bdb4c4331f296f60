import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importCurl, type ImportedRequest } from './importCurl';

function imported(text: string): ImportedRequest {
  const result = importCurl(text);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

// Chrome 131 "Copy as cURL (bash)" of a fetch from the playground to API Gateway.
const CHROME_BASH = String.raw`curl 'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?lang=fr' \
  -H 'accept: */*' \
  -H 'accept-language: en-CA,en;q=0.9' \
  -H 'content-type: application/json' \
  -H 'origin: http://127.0.0.1:5173' \
  -H 'priority: u=1, i' \
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \
  -H 'user-agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36' \
  --data-raw $'{"greeting":"it\'s me","emoji":"\u00e9"}'`;

// The same request, "Copy as cURL (cmd)".
const CHROME_CMD = String.raw`curl ^"https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?lang=fr^" ^
  -H ^"accept: */*^" ^
  -H ^"accept-language: en-CA,en;q=0.9^" ^
  -H ^"content-type: application/json^" ^
  -H ^"origin: http://127.0.0.1:5173^" ^
  -H ^"sec-ch-ua: ^\^"Chromium^\^";v=^\^"131^\^", ^\^"Not_A Brand^\^";v=^\^"24^\^"^" ^
  --data-raw ^"^{^\^"greeting^\^":^\^"it's me^\^",^\^"emoji^\^":^\^"é^\^"^}^"`;

// Firefox 133 "Copy as cURL (POSIX)" of a signed request.
const FIREFOX_SIGNED = String.raw`curl 'http://127.0.0.1:5174/prod/hello' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: */*' -H 'Accept-Language: en-US,en;q=0.5' -H 'Accept-Encoding: gzip, deflate, br, zstd' -H 'Content-Type: application/json' -H 'X-Amz-Date: 20261126T100000Z' -H 'X-Amz-Security-Token: FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=' -H 'Authorization: AWS4-HMAC-SHA256 Credential=ASIAIOSFODNN7EXAMPLE/20261126/ca-central-1/execute-api/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' -H 'Origin: http://127.0.0.1:5173' -H 'Connection: keep-alive' --data-raw '{"a":1}'`;

// API Gateway developer guide style: curl signs with --aws-sigv4.
const AWS_DOCS = `curl -X POST "https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello" \\
     --user "AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" \\
     --aws-sigv4 "aws:amz:ca-central-1:execute-api" \\
     -H "x-amz-security-token: FwoGZXIvYXdzEXAMPLETOKEN" \\
     -H "Content-Type: application/json" \\
     -d '{"key":"value"}'`;

describe('importCurl', () => {
  it("reads Chrome's bash copy", () => {
    const request = imported(CHROME_BASH);
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?lang=fr',
    );
    expect(request.body).toBe('{"greeting":"it\'s me","emoji":"é"}');
    expect(request.headers).toContainEqual([
      'sec-ch-ua',
      '"Chromium";v="131", "Not_A Brand";v="24"',
    ]);
    expect(request.headers).toContainEqual(['content-type', 'application/json']);
    expect(request.credentials).toBeUndefined();
    expect(request.existingSignature).toBeUndefined();
    expect(request.notes.join(' ')).toMatch(/cannot set origin, sec-ch-ua/);
  });

  it("reads Chrome's cmd copy as the same request", () => {
    const fromCmd = imported(CHROME_CMD);
    const fromBash = imported(CHROME_BASH);
    expect(fromCmd.url).toBe(fromBash.url);
    expect(fromCmd.body).toBe(fromBash.body);
    expect(fromCmd.headers).toEqual(
      fromBash.headers.filter(([name]) => !['priority', 'user-agent'].includes(name)),
    );
  });

  it("reads Firefox's Windows copy (curl.exe, -X, ^ escapes)", () => {
    const request = imported(
      String.raw`curl.exe ^"http://127.0.0.1:5174/prod/hello?q=a^%^20b^" -X PUT -H ^"Accept: */*^" -H ^"Content-Type: text/plain^" --data-raw ^"line 1^

line 2 ^\^"quoted^\^" C:^\^\dir^"`,
    );
    expect(request).toMatchObject({
      method: 'PUT',
      url: 'http://127.0.0.1:5174/prod/hello?q=a%20b',
      headers: [
        ['Accept', '*/*'],
        ['Content-Type', 'text/plain'],
      ],
      body: 'line 1\nline 2 "quoted" C:\\dir',
    });
  });

  it("recognises a signed request in Firefox's copy and takes the signature out", () => {
    const request = imported(FIREFOX_SIGNED);
    expect(request.existingSignature).toMatchObject({ kind: 'authorization-header' });
    expect(request.existingSignature!.detail).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIA/);
    const names = request.headers.map(([name]) => name.toLowerCase());
    expect(names).not.toContain('authorization');
    expect(names).not.toContain('x-amz-date');
    expect(names).not.toContain('x-amz-security-token');
    expect(request.sessionToken).toBe(
      'FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=',
    );
    expect(request.accessKeyId).toBe('ASIAIOSFODNN7EXAMPLE');
    expect([request.region, request.service]).toEqual(['ca-central-1', 'execute-api']);
    expect(request.body).toBe('{"a":1}');
  });

  it('fills credentials, region and service from --aws-sigv4 and --user (AWS docs)', () => {
    const request = imported(AWS_DOCS);
    expect(request.credentials).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN',
    });
    expect([request.region, request.service]).toEqual(['ca-central-1', 'execute-api']);
    expect(request.headers).toEqual([['Content-Type', 'application/json']]);
    expect(JSON.stringify(request.headers)).not.toContain('EXAMPLEKEY');
    expect(request.body).toBe('{"key":"value"}');
  });

  it('leaves shell variables out of the credentials', () => {
    const request = imported(
      `curl --aws-sigv4 "aws:amz:us-east-1:execute-api" --user "$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY" -H "x-amz-security-token: $AWS_SESSION_TOKEN" https://h.example/`,
    );
    expect(request.credentials).toBeUndefined();
    expect(request.sessionToken).toBeUndefined();
    expect(request.notes.join(' ')).toMatch(/shell variable/);
  });

  it('makes --user a Basic header without --aws-sigv4', () => {
    expect(imported('curl -u me:pw https://h.example/').headers).toEqual([
      ['Authorization', 'Basic bWU6cHc='],
    ]);
  });

  it('recognises a presigned URL and takes its X-Amz-* parameters out', () => {
    const request = imported(
      `curl 'https://h.example/a?x=1&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20261126%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20261126T100000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=abcd'`,
    );
    expect(request.url).toBe('https://h.example/a?x=1');
    expect(request.existingSignature?.kind).toBe('presigned-url');
    expect([request.region, request.service]).toEqual(['us-east-1', 's3']);
  });

  it('encodes a lone surrogate in --data-urlencode as U+FFFD, the way the body is sent', () => {
    // $'\ud800' in bash: a UTF-16 unit with no UTF-8 form; encodeURIComponent throws on it.
    expect(imported("curl --data-urlencode $'a=\\ud800' https://h.example/").body).toBe(
      'a=%EF%BF%BD',
    );
  });

  it('reads -G, --json, --data-urlencode, -X clusters and notes ignored flags', () => {
    expect(imported('curl -G -d a=1 --data-urlencode "b=x y&z" h.example/p')).toMatchObject({
      method: 'GET',
      url: 'http://h.example/p?a=1&b=x%20y%26z',
      body: '',
    });
    const json = imported(`curl --json '{"a":1}' https://h.example/`);
    expect(json.method).toBe('POST');
    expect(json.headers).toEqual([
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json'],
    ]);
    const flags = imported('curl -sSkiLv --compressed -XPUT https://h.example/ -d x');
    expect(flags.method).toBe('PUT');
    expect(flags.notes.join(' ')).toMatch(/--compressed/);
    expect(flags.headers).toEqual([['Content-Type', 'application/x-www-form-urlencoded']]);
    expect(imported('curl --request=DELETE --url https://h.example/x').method).toBe('DELETE');
    expect(imported('curl -o out.txt https://h.example/x').notes.join(' ')).toMatch(/-o out\.txt/);
  });

  it('says which part it did not understand', () => {
    expect(importCurl('wget https://h.example/')).toEqual({
      ok: false,
      error: expect.stringMatching(/starts with curl/),
    });
    expect(importCurl('curl -H "a: b"')).toEqual({
      ok: false,
      error: expect.stringMatching(/no URL/),
    });
    expect(imported('curl --frobnicate https://h.example/').notes.join(' ')).toMatch(
      /--frobnicate/,
    );
  });

  it('never throws or hangs', () => {
    fc.assert(
      fc.property(anyText(400), (text) => {
        for (const command of [
          text,
          `curl ${text}`,
          `curl ^"${text}`,
          `curl -d ${text} h`,
          `curl --data-urlencode ${text} h`,
        ])
          expect(typeof importCurl(command).ok).toBe('boolean');
      }),
    );
    // Long hostile commands end (a hang fails on the test's timeout, not on a clock here).
    expect(imported(`curl ${'-H a: '.repeat(100_000)} h`).url).toBe('http://h');
    expect(
      imported(`curl 'https://h/?${'X-Amz-Signature=1&'.repeat(20_000)}'`).existingSignature?.kind,
    ).toBe('presigned-url');
  });
});
