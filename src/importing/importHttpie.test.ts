import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importHttpie } from './importHttpie';
import type { ImportedRequest } from './importCurl';

function imported(text: string): ImportedRequest {
  const result = importHttpie(text);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

// HTTPie's README style: JSON items, a header, a query item, over several lines.
const HTTPIE_JSON = String.raw`http POST https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello \
  X-Request-Id:abc-123 \
  lang==fr \
  name=Zoé \
  age:=29 \
  tags:='["a", "b"]' \
  'note=two words'`;

describe('importHttpie', () => {
  it('reads JSON items as HTTPie sends them (json.dumps spacing, \\u escapes)', () => {
    const request = imported(HTTPIE_JSON);
    expect(request.method).toBe('POST');
    expect(request.url).toBe(
      'https://42mydti3lg.execute-api.ca-central-1.amazonaws.com/prod/hello?lang=fr',
    );
    // Python: json.dumps({"name": "Zoé", "age": 29, "tags": ["a", "b"], "note": "two words"})
    expect(request.body).toBe(
      '{"name": "Zo\\u00e9", "age": 29, "tags": ["a", "b"], "note": "two words"}',
    );
    expect(request.headers).toEqual([
      ['X-Request-Id', 'abc-123'],
      ['Content-Type', 'application/json'],
      ['Accept', 'application/json, */*;q=0.5'],
    ]);
  });

  it('guesses the method as HTTPie does: POST with data, GET without', () => {
    expect(imported('http h.example/p a=1').method).toBe('POST');
    expect(imported('http h.example/p X-A:1').method).toBe('GET');
    expect(imported('http delete h.example/p').method).toBe('DELETE');
  });

  it('gives a bare host http://, https and xhs https://, and :port localhost', () => {
    expect(imported('http h.example/p').url).toBe('http://h.example/p');
    expect(imported('https h.example/p').url).toBe('https://h.example/p');
    expect(imported('xhs h.example/p').url).toBe('https://h.example/p');
    expect(imported('xh :5174/prod/hello').url).toBe('http://localhost:5174/prod/hello');
    expect(imported('http :/foo').url).toBe('http://localhost/foo');
    expect(imported('http --default-scheme=https h.example').url).toBe('https://h.example');
  });

  it('sends --form items urlencoded, as Python quote_plus does', () => {
    const request = imported(`http -f POST 127.0.0.1:5174/prod/hello 'a b=c&d' x=é`);
    expect(request.body).toBe('a+b=c%26d&x=%C3%A9');
    expect(request.headers).toContainEqual([
      'Content-Type',
      'application/x-www-form-urlencoded; charset=utf-8',
    ]);
  });

  it('reads escaped separators in names, empty headers and removed headers', () => {
    const request = imported(String.raw`http h.example 'a\=b=c' X-Empty; Accept: X-A:1`);
    expect(request.body).toBe('{"a=b": "c"}');
    expect(request.headers).toContainEqual(['X-Empty', '']);
    expect(request.headers.some(([name]) => name === 'Accept')).toBe(false);
  });

  it("builds HTTPie 3's nested JSON and groups repeated keys as HTTPie does", () => {
    expect(
      imported(`http h.example 'a[b]=1' 'a[c]:=2' 'x[]=1' 'x[]=2' 'l[2]=z' k=1 k=2`).body,
    ).toBe('{"a": {"b": "1", "c": 2}, "x": ["1", "2"], "l": [null, null, "z"], "k": "2"}');
    expect(imported(`http h.example '[]=1' '[]=2'`).body).toBe('["1", "2"]');
    expect(imported('http -f h.example q==1 a=1 b=2 a=3 r==2 q==3')).toMatchObject({
      url: 'http://h.example?q=1&q=3&r=2',
      body: 'a=1&a=3&b=2',
    });
    expect(importHttpie(`http h.example 'a[b]=1' 'a[]=2'`)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/array index, but this part is an object/),
    });
  });

  it('takes --raw as the body', () => {
    const request = imported(`http --raw '{"a":1}' POST h.example/p`);
    expect(request.body).toBe('{"a":1}');
    expect(request.headers).toContainEqual(['Content-Type', 'application/json']);
  });

  it('makes --auth a Basic Authorization header, and -A aws the signing keys', () => {
    expect(imported('http -a user:pa55 h.example').headers).toEqual([
      ['Authorization', 'Basic dXNlcjpwYTU1'],
    ]);
    expect(imported('http -A bearer -a tok h.example').headers).toEqual([
      ['Authorization', 'Bearer tok'],
    ]);
    const signed = imported(
      'http --auth-type=aws -a AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY https://sts.amazonaws.com/',
    );
    expect(signed.credentials).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(signed.headers).toEqual([]);
  });

  it('says what it left out: files, printing flags, unknown options', () => {
    const request = imported('http -v --offline POST h.example/up file@/tmp/a.bin --weird');
    expect(request.notes.join(' ')).toMatch(/reads the file \/tmp\/a\.bin/);
    expect(request.notes.join(' ')).toMatch(/Left out.*-v, --offline/);
    expect(request.notes.join(' ')).toMatch(/Not understood.*--weird/);
  });

  it('names what it could not read', () => {
    expect(importHttpie('http')).toEqual({ ok: false, error: 'The HTTPie command has no URL.' });
    expect(importHttpie('http h.example a:=nope')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/a:= takes JSON/),
    });
    expect(importHttpie('wget h.example')).toMatchObject({ ok: false });
    expect(importHttpie('http is a protocol')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^“a” is not a URL/),
    });
  });

  it('ends on long hostile input', () => {
    expect(importHttpie('http h.example ' + 'a\\'.repeat(200_000) + '=1').ok).toBe(true);
    expect(importHttpie('http POST h ' + 'x:='.repeat(100_000))).toMatchObject({ ok: false });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('http ', 'https -f ', 'xh POST :1 '),
        anyText(300),
        (start, rest) => {
          const result = importHttpie(start + rest);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});
