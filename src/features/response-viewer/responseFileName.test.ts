import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispositionFileName, responseFileName, sanitizeFileName } from './responseFileName';

describe('dispositionFileName', () => {
  it('prefers filename* (RFC 5987) and unquotes filename', () => {
    expect(dispositionFileName(`attachment; filename="a \\"b\\".txt"`)).toBe('a "b".txt');
    expect(dispositionFileName('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(
      dispositionFileName(
        `attachment; filename="fallback.txt"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`,
      ),
    ).toBe('résumé.pdf');
    expect(dispositionFileName('inline')).toBeUndefined();
  });
});

describe('responseFileName', () => {
  const name = (url: string, contentType?: string, contentDisposition?: string) =>
    responseFileName({ url, contentType, contentDisposition });

  it('takes the server’s name, made safe', () => {
    expect(name('http://h/x', 'text/plain', 'attachment; filename="../../etc/passwd"')).toBe(
      '_.._etc_passwd',
    );
  });

  it('else the last path segment, with an extension from the type when it has none', () => {
    expect(name('http://127.0.0.1:5174/prod/hello', 'application/json')).toBe('hello.json');
    expect(name('http://h/img/cat.png?x=1', 'image/png')).toBe('cat.png');
    expect(name('http://h/', 'application/xml')).toBe('response.xml');
    expect(name('http://h/a%20b', undefined)).toBe('a b');
    expect(name('http://h/CON', 'text/plain')).toBe('_CON.txt');
  });

  it('on random names: no separators, controls or reserved characters; never empty', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (raw) => {
        const safe = sanitizeFileName(raw);
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/[\u0000-\u001f\u007f<>:"/\\|?*]/);
        expect(safe.length).toBeLessThanOrEqual(120);
        expect(safe).not.toMatch(/^[.\s]|[.\s]$/);
        const full = responseFileName({
          url: `http://h/${encodeURIComponent(raw)}`,
          contentType: undefined,
          contentDisposition: undefined,
        });
        expect(full).not.toBe('');
      }),
      { numRuns: 300 },
    );
  });
});
