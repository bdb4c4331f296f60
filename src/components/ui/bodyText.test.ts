import { describe, expect, it } from 'vitest';
import { checkJson, decodeBody, formatBytes, getHeader } from './bodyText';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('checkJson', () => {
  it('leaves text that does not look like JSON alone', () => {
    expect(checkJson('hello')).toEqual({ kind: 'not-json' });
    expect(checkJson('')).toEqual({ kind: 'not-json' });
  });

  it('pretty-prints valid JSON and explains invalid JSON', () => {
    expect(checkJson('{"a":[1]}')).toEqual({ kind: 'valid', pretty: '{\n  "a": [\n    1\n  ]\n}' });
    expect(checkJson('{"a":')).toMatchObject({ kind: 'invalid' });
  });
});

describe('decodeBody', () => {
  it('pretty-prints a JSON answer and keeps its text', () => {
    const body = decodeBody(utf8('{"message":"Missing Authentication Token"}'), 'application/json');
    expect(body.text).toBe('{"message":"Missing Authentication Token"}');
    expect(body.prettyJson).toBe('{\n  "message": "Missing Authentication Token"\n}');
  });

  it('recognizes JSON without a JSON content type, and tolerates a JSON type on non-JSON', () => {
    expect(decodeBody(utf8('[1]'), 'text/plain').prettyJson).toBe('[\n  1\n]');
    expect(decodeBody(utf8('oops'), 'application/json')).toEqual({
      text: 'oops',
      prettyJson: null,
    });
  });

  it('reports bytes that are not UTF-8 as binary', () => {
    expect(decodeBody(new Uint8Array([0xff, 0xfe, 0x00]), undefined)).toEqual({
      text: null,
      prettyJson: null,
    });
  });
});

describe('getHeader', () => {
  it('finds a header in any case', () => {
    expect(getHeader([['x-amzn-errortype', 'AccessDeniedException']], 'x-amzn-ErrorType')).toBe(
      'AccessDeniedException',
    );
    expect(getHeader([], 'x')).toBeUndefined();
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(17)).toBe('17 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(50 * 1024 * 1024)).toBe('50 MiB');
  });
});
