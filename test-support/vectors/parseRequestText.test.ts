import { describe, expect, it } from 'vitest';
import { parseRequestText } from './parseRequestText';

describe('parseRequestText', () => {
  it('parses get-vanilla', () => {
    expect(parseRequestText('GET / HTTP/1.1\nHost:example.amazonaws.com\n')).toEqual({
      method: 'GET',
      target: '/',
      headers: [['Host', 'example.amazonaws.com']],
      body: '',
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
    expect(request.body).toBe('Param1=value1');
  });

  it('keeps blank lines and a final newline inside the body', () => {
    expect(parseRequestText('POST / HTTP/1.1\nHost:h\n\na\n\nb\n').body).toBe('a\n\nb\n');
  });

  it('gives an empty body when the blank line ends the text', () => {
    const request = parseRequestText('GET / HTTP/1.1\nHost:h\n\n');
    expect(request.body).toBe('');
    expect(request.headers).toEqual([['Host', 'h']]);
  });

  it('strips CR, so CRLF text parses like LF text', () => {
    const lf = 'POST / HTTP/1.1\nHost:h\nMy-Header1:value1\n  value2\n\nParam1=value1';
    expect(parseRequestText(lf.replace(/\n/g, '\r\n'))).toEqual(parseRequestText(lf));
  });

  it('parses a request line without headers', () => {
    expect(parseRequestText('GET / HTTP/1.1')).toEqual({
      method: 'GET',
      target: '/',
      headers: [],
      body: '',
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
