import { describe, expect, it } from 'vitest';
import { readBody } from './readBody';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('readBody', () => {
  it('reads JSON by its type, or by its first character when the type says nothing', () => {
    expect(readBody(bytes('{"a":1}'), 'application/json')).toMatchObject({
      kind: 'json',
      value: { a: 1 },
    });
    expect(readBody(bytes(' [1]'), 'text/plain')).toMatchObject({ kind: 'json', value: [1] });
    expect(readBody(bytes('"x"'), 'application/problem+json')).toMatchObject({ kind: 'json' });
    expect(readBody(bytes('{oops'), 'application/json')).toMatchObject({
      kind: 'text',
      jsonError: expect.any(String) as string,
    });
  });

  it('reads XML by its type or its first tag, but not HTML', () => {
    expect(readBody(bytes('<Error/>'), 'application/xml').kind).toBe('xml');
    expect(readBody(bytes('<?xml version="1.0"?><a/>'), undefined).kind).toBe('xml');
    expect(readBody(bytes('<html><body/></html>'), undefined).kind).toBe('text');
    expect(readBody(bytes('<p>hi</p>'), 'text/html').kind).toBe('text');
  });

  it('knows images by their bytes, SVG by its type', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect(readBody(png, 'application/octet-stream')).toEqual({
      kind: 'image',
      mimeType: 'image/png',
    });
    expect(readBody(bytes('GIF89a...'), 'image/gif')).toEqual({
      kind: 'image',
      mimeType: 'image/gif',
    });
    expect(readBody(bytes('RIFF\0\0\0\0WEBPVP8 '), undefined)).toEqual({
      kind: 'image',
      mimeType: 'image/webp',
    });
    expect(readBody(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml')).toEqual({
      kind: 'image',
      mimeType: 'image/svg+xml',
    });
    // Labelled PNG, but not one: shown as bytes or text, never as a broken image.
    expect(readBody(bytes('not a png'), 'image/png').kind).toBe('text');
  });

  it('shows what is not UTF-8 as binary, and nothing as empty', () => {
    expect(readBody(new Uint8Array([0xff, 0xfe, 0x00]), undefined).kind).toBe('binary');
    expect(readBody(new Uint8Array(), 'application/json').kind).toBe('empty');
  });
});
