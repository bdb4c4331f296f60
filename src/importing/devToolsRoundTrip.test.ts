// Round trips through what Chrome DevTools writes: random requests are written as its "Copy as
// fetch" and "Copy as PowerShell" do (NetworkLogView's generateFetchCall and
// generatePowerShellCommand, their escaping rules restated here), then imported; the method,
// URL, headers and body must come back as they were.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importAnything } from './importAnything';

/** DevTools' PowerShell string: ` $ " get a backtick; anything outside printable ASCII is $([char]N). */
const powerShellString = (text: string) =>
  '"' +
  text
    .replace(/[`$"]/g, '`$&')
    .replace(/[^\x20-\x7E]/g, (char) => `$([char]${char.charCodeAt(0)})`) +
  '"';

const headerName = fc.constantFrom('accept', 'x-trace', 'X-Amz-Date', 'sec-ch-ua', 'x-weird_name');
const anyValueText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      'a',
      ' ',
      '"',
      "'",
      '`',
      '$',
      '\\',
      '{',
      '}',
      '@',
      ';',
      '=',
      '\n',
      '\t',
      'é',
      '🙂',
      '#',
    ),
    fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  ),
  maxLength: 30,
});
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  path: fc.constantFrom('/prod/hello', '/a%20b/c', '/', '/x?y=1&z=%24'),
  headers: fc.uniqueArray(
    fc.tuple(
      headerName,
      anyValueText.map((v) => v.replace(/[\n\t]/g, ' ').trim() || 'v'),
    ),
    {
      selector: ([name]) => name.toLowerCase(),
      maxLength: 4,
    },
  ),
  body: fc.option(anyValueText, { nil: undefined }),
});

describe('Chrome DevTools round trips', () => {
  it('Copy as fetch', () => {
    fc.assert(
      fc.property(request, ({ method, path, headers, body }) => {
        const url = `https://h.example${path}`;
        const options = {
          headers: headers.length > 0 ? Object.fromEntries(headers) : undefined,
          referrer: 'http://127.0.0.1:5173/',
          referrerPolicy: 'strict-origin-when-cross-origin',
          body: body ?? null,
          method,
          mode: 'cors',
          credentials: 'omit',
        };
        const snippet = `fetch(${JSON.stringify(url)}, ${JSON.stringify(options, null, 2)});`;
        const result = importAnything(snippet);
        expect(result).toMatchObject({ kind: 'request', source: 'fetch' });
        if (result.kind !== 'request') return;
        expect(result.request.method).toBe(method);
        expect(result.request.url).toBe(url);
        expect(result.request.body).toBe(body ?? '');
        expect(result.request.headers).toEqual([...headers, ['Referer', 'http://127.0.0.1:5173/']]);
      }),
    );
  });

  it('Copy as PowerShell', () => {
    fc.assert(
      fc.property(
        request,
        fc.option(anyValueText, { nil: undefined }),
        ({ method, path, headers, body }, userAgent) => {
          const url = `https://h.example${path}`;
          const lines: string[] = [];
          if (userAgent !== undefined)
            lines.push(
              '$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession',
              `$session.UserAgent = ${powerShellString(userAgent)}`,
            );
          const command = [`-Uri ${powerShellString(url)}`];
          if (method !== 'GET') command.push(`-Method ${powerShellString(method)}`);
          if (userAgent !== undefined) command.push('-WebSession $session');
          if (headers.length > 0)
            command.push(
              `-Headers @{\n${headers.map(([name, value]) => `${powerShellString(name)}=${powerShellString(value)}`).join('\n  ')}\n}`,
            );
          if (body !== undefined && body !== '')
            command.push(
              /[^\x20-\x7E]/.test(body)
                ? `-Body ([System.Text.Encoding]::UTF8.GetBytes(${powerShellString(body)}))`
                : `-Body ${powerShellString(body)}`,
            );
          const text = `${lines.join('\n')}${lines.length > 0 ? '\n' : ''}Invoke-WebRequest -UseBasicParsing ${command.join(command.length >= 3 ? ' `\n' : ' ')}`;
          const result = importAnything(text);
          expect(result, text).toMatchObject({ kind: 'request', source: 'powershell' });
          if (result.kind !== 'request') return;
          expect(result.request.method).toBe(method);
          expect(result.request.url).toBe(url);
          expect(result.request.body).toBe(body ?? '');
          const expected = [
            ...(userAgent !== undefined ? [['User-Agent', userAgent]] : []),
            ...headers,
          ];
          expect(result.request.headers.filter(([name]) => name !== 'Content-Type')).toEqual(
            expected,
          );
        },
      ),
    );
  });
});
