import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPastedRequest } from './cleanPastedRequest';
import { MAX_COMMAND_LENGTH } from './shellWords';

const PASTE_CHARACTERS = fc.constantFrom(
  ...['\uFEFF', ' ', '\t', '\n', '\r', '#', '$', 'curl', '.exe', 'GET /', 'https://', ':method:'],
  ...['a', 'é', '\uD800', '\u0000'],
);

describe('cleanPastedRequest', () => {
  it('drops a byte order mark, blank and comment lines and a "$ " prompt before the request', () => {
    expect(
      cleanPastedRequest(
        '\uFEFF\n  # Signed 2026-11-26T10:00:00Z\r\n\n\t# more\n$ curl https://h/',
      ),
    ).toEqual({ ok: true, text: 'curl https://h/', format: 'curl' });
  });

  it('tells curl (bash or cmd), HTTPie, fetch, PowerShell, a URL, HTTP/1.1, HTTP/2 headers and anything else apart', () => {
    const format = (text: string) => {
      const cleaned = cleanPastedRequest(text);
      return cleaned.ok ? cleaned.format : cleaned.error;
    };
    expect(format('curl.exe "https://h/"')).toBe('curl');
    expect(format('https://h/a?X-Amz-Signature=1\n')).toBe('url');
    expect(format('GET /a HTTP/1.1\nHost: h')).toBe('http');
    expect(format(':method: GET\n:authority: h')).toBe('http');
    expect(format('http POST https://h/p a=1')).toBe('httpie');
    expect(format('http https://h/p')).toBe('httpie');
    expect(format('xhs h/p')).toBe('httpie');
    expect(format('fetch("https://h/", {});')).toBe('fetch');
    expect(format('await fetch ("https://h/")')).toBe('fetch');
    expect(format('const r = await fetch("https://h/")')).toBe('fetch');
    expect(format('$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession\n')).toBe(
      'powershell',
    );
    expect(format('Invoke-WebRequest -Uri "https://h/"')).toBe('powershell');
    expect(format('irm https://h/')).toBe('powershell');
    expect(format('[default]\naws_access_key_id = A')).toBe('other');
    expect(format('')).toBe('other');
  });

  it('keeps the end as it is: in HTTP text it is the body', () => {
    const cleaned = cleanPastedRequest('# note\nPOST /a HTTP/1.1\nHost: h\n\nbody \n\n');
    expect(cleaned).toEqual({
      ok: true,
      text: 'POST /a HTTP/1.1\nHost: h\n\nbody \n\n',
      format: 'http',
    });
  });

  it('refuses text over the length limit, and never throws', () => {
    expect(cleanPastedRequest('#'.repeat(MAX_COMMAND_LENGTH + 1))).toEqual({
      ok: false,
      error: `The text is longer than ${MAX_COMMAND_LENGTH} characters.`,
    });
    fc.assert(
      // The characters that matter here: fast-check's 'binary' unit costs seconds to set up.
      fc.property(fc.string({ unit: PASTE_CHARACTERS, maxLength: 300 }), (text) => {
        const cleaned = cleanPastedRequest(text);
        expect(cleaned.ok).toBe(true);
        if (cleaned.ok) expect(text.endsWith(cleaned.text)).toBe(true);
      }),
    );
  });
});
