import { describe, expect, it } from 'vitest';
import { parseRequestText } from './parseRequestText';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseRequestText', () => {
  it('parses get-vanilla', () => {
    expect(parseRequestText('GET / HTTP/1.1\nHost:example.amazonaws.com\n')).toEqual({
      method: 'GET',
      target: '/',
      headers: [['Host', 'example.amazonaws.com']],
      body: new Uint8Array(),
    });
  });

  it('splits the request line on its first and last space, so the target may hold spaces (get-space)', () => {
    const request = parseRequestText('GET /example space/ HTTP/1.1\nHost:h\n');
    expect(request.method).toBe('GET');
    expect(request.target).toBe('/example space/');
  });

  it('keeps a raw UTF-8 target and its query as written (get-utf8, get-vanilla-utf8-query)', () => {
    expect(parseRequestText('GET /ሴ?ሴ=bar HTTP/1.1\nHost:h').target).toBe('/ሴ?ሴ=bar');
  });

  it('trims spaces and tabs around a header value but keeps inner runs (get-header-value-trim)', () => {
    const request = parseRequestText(
      'GET / HTTP/1.1\nHost:h\nMy-Header1: value1\nMy-Header2: "a   b   c"\t\n',
    );
    expect(request.headers).toEqual([
      ['Host', 'h'],
      ['My-Header1', 'value1'],
      ['My-Header2', '"a   b   c"'],
    ]);
  });

  it('splits a header on its first colon only', () => {
    expect(parseRequestText('GET / HTTP/1.1\nHost:example.com:8443\n').headers).toEqual([
      ['Host', 'example.com:8443'],
    ]);
  });

  it('keeps repeated headers in order (get-header-key-duplicate)', () => {
    const request = parseRequestText(
      'GET / HTTP/1.1\nHost:h\nMy-Header1:value2\nMy-Header1:value2\nMy-Header1:value1\n',
    );
    expect(request.headers.slice(1)).toEqual([
      ['My-Header1', 'value2'],
      ['My-Header1', 'value2'],
      ['My-Header1', 'value1'],
    ]);
  });

  it('appends obs-fold continuation lines with their line break and indentation (get-header-value-multiline)', () => {
    const request = parseRequestText(
      'GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value1\n  value2\n     value3\n',
    );
    expect(request.headers).toEqual([
      ['Host', 'example.amazonaws.com'],
      ['My-Header1', 'value1\n  value2\n     value3'],
    ]);
  });

  it('treats a tab-indented line as a continuation too', () => {
    expect(parseRequestText('GET / HTTP/1.1\nA:1\n\t2\n').headers).toEqual([['A', '1\n\t2']]);
  });

  it('takes the body from after the first blank line, exactly (post-x-www-form-urlencoded)', () => {
    const request = parseRequestText(
      'POST / HTTP/1.1\nContent-Type:application/x-www-form-urlencoded\nHost:example.amazonaws.com\nContent-Length:13\n\nParam1=value1',
    );
    expect(request.headers).toEqual([
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Host', 'example.amazonaws.com'],
      ['Content-Length', '13'],
    ]);
    expect(request.body).toEqual(utf8('Param1=value1'));
  });

  it('keeps blank lines and a final newline inside the body', () => {
    expect(parseRequestText('POST / HTTP/1.1\nHost:h\n\na\n\nb\n').body).toEqual(utf8('a\n\nb\n'));
  });

  it('gives an empty body when the blank line ends the text', () => {
    const request = parseRequestText('GET / HTTP/1.1\nHost:h\n\n');
    expect(request.body).toEqual(new Uint8Array());
    expect(request.headers).toEqual([['Host', 'h']]);
  });

  it('strips CR in the head, so a CRLF head parses like an LF head', () => {
    const lf = 'POST / HTTP/1.1\nHost:h\nMy-Header1:value1\n  value2\n\nParam1=value1';
    expect(parseRequestText(lf.replace(/\n/g, '\r\n'))).toEqual(parseRequestText(lf));
  });

  it('keeps CR and CRLF inside the body, whether the head ends in CRLF or LF', () => {
    const body = '{\r\n  "a": 1\r\n}\r\n';
    expect(parseRequestText(`POST / HTTP/1.1\r\nHost:h\r\n\r\n${body}`).body).toEqual(utf8(body));
    expect(parseRequestText(`POST / HTTP/1.1\nHost:h\n\n${body}`).body).toEqual(utf8(body));
  });

  it('keeps a body that ends in a bare CR', () => {
    expect(parseRequestText('PUT / HTTP/1.1\nHost:h\n\nline\r').body).toEqual(utf8('line\r'));
  });

  it('keeps a blank line of CRs at the start of the body: only the first blank line ends the head', () => {
    expect(parseRequestText('POST / HTTP/1.1\r\nHost:h\r\n\r\n\r\nx').body).toEqual(utf8('\r\nx'));
  });

  it('passes every byte value 0–255 of the body through, not UTF-8 and CR/LF included', () => {
    const body = Uint8Array.from({ length: 256 }, (_, byte) => byte);
    const head = utf8(
      'POST /ሴ HTTP/1.1\r\nHost:h\r\nContent-Type:application/octet-stream\r\n\r\n',
    );
    const request = parseRequestText(new Uint8Array([...head, ...body]));
    expect(request.body).toEqual(body);
    expect(request.target).toBe('/ሴ');
    expect(request.headers).toEqual([
      ['Host', 'h'],
      ['Content-Type', 'application/octet-stream'],
    ]);
  });

  it('returns a copy of the body, not a view of the file bytes', () => {
    const file = utf8('POST / HTTP/1.1\nHost:h\n\nab');
    const { body } = parseRequestText(file);
    file[file.length - 1] = 0x7a;
    expect(body).toEqual(utf8('ab'));
  });

  it('throws on a head that is not UTF-8', () => {
    const file = new Uint8Array([...utf8('GET /'), 0xff, ...utf8(' HTTP/1.1\nHost:h\n')]);
    expect(() => parseRequestText(file)).toThrow('Malformed request head: it is not UTF-8 text');
  });

  it('parses a request line without headers', () => {
    expect(parseRequestText('GET / HTTP/1.1')).toEqual({
      method: 'GET',
      target: '/',
      headers: [],
      body: new Uint8Array(),
    });
  });

  it('throws on a request line without two spaces', () => {
    expect(() => parseRequestText('GET /\nHost:h\n')).toThrow('Malformed request line: "GET /"');
    expect(() => parseRequestText('')).toThrow(/Malformed request line/);
  });

  it('throws on a header line without a name and colon', () => {
    expect(() => parseRequestText('GET / HTTP/1.1\nNoColon\n')).toThrow(
      'Malformed header line: "NoColon"',
    );
    expect(() => parseRequestText('GET / HTTP/1.1\n:value\n')).toThrow(/Malformed header line/);
  });
});
