import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText } from '../../test-support/arbitraries';
import { importPowerShell } from './importPowerShell';
import type { ImportedRequest } from './importCurl';

function imported(text: string): ImportedRequest {
  const result = importPowerShell(text);
  if (!result.ok) throw new Error(result.error);
  return result.request;
}

// Chrome 131 "Copy as PowerShell" of a POST with a JSON body and a cookie (DevTools'
// generatePowerShellCommand: ` $ " escaped with a backtick, other characters as $([char]N),
// a body outside ASCII as UTF-8 bytes).
const CHROME_POWERSHELL = [
  '$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession',
  '$session.UserAgent = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"',
  '$session.Cookies.Add((New-Object System.Net.Cookie("session", "abc123", "/", "127.0.0.1")))',
  'Invoke-WebRequest -UseBasicParsing -Uri "http://127.0.0.1:5174/prod/hello?lang=fr" `',
  '-Method "POST" `',
  '-WebSession $session `',
  '-Headers @{',
  '"Accept"="*/*"',
  '  "Accept-Language"="en-CA,en;q=0.9"',
  '  "Origin"="http://127.0.0.1:5173"',
  '  "sec-ch-ua"="`"Chromium`";v=`"131`", `"Not_A Brand`";v=`"24`""',
  '} `',
  '-ContentType "application/json" `',
  '-Body ([System.Text.Encoding]::UTF8.GetBytes("{`"greeting`":`"it\'s me`",`"emoji`":`"$([char]233)`"}"))',
].join('\r\n');

describe('importPowerShell', () => {
  it("reads Chrome's Copy as PowerShell", () => {
    const request = imported(CHROME_POWERSHELL);
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://127.0.0.1:5174/prod/hello?lang=fr');
    expect(request.body).toBe('{"greeting":"it\'s me","emoji":"é"}');
    expect(request.headers).toEqual([
      [
        'User-Agent',
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      ],
      ['Accept', '*/*'],
      ['Accept-Language', 'en-CA,en;q=0.9'],
      ['Origin', 'http://127.0.0.1:5173'],
      ['sec-ch-ua', '"Chromium";v="131", "Not_A Brand";v="24"'],
      ['Cookie', 'session=abc123'],
      ['Content-Type', 'application/json'],
    ]);
  });

  it('reads hand-written commands: aliases, single quotes, ; in hashtables, positional URI', () => {
    const request = imported(
      `irm 'https://h.example/a?x=1&y=2' -Method Put -Headers @{ 'X-A' = 'it''s'; Accept = "text/plain" } -Body 'a=b' -ContentType text/plain`,
    );
    expect(request).toMatchObject({
      method: 'PUT',
      url: 'https://h.example/a?x=1&y=2',
      body: 'a=b',
    });
    expect(request.headers).toEqual([
      ['X-A', "it's"],
      ['Accept', 'text/plain'],
      ['Content-Type', 'text/plain'],
    ]);
  });

  it('uses variables the text sets, and a hashtable body as a form', () => {
    const request = imported(
      '$body = @{ name = "Zoé A"; n = "1" }\n$uri = "https://h.example/f"\nInvoke-RestMethod -Uri $uri -Method POST -Body $body',
    );
    expect(request.body).toBe('name=Zo%C3%A9+A&n=1');
    expect(request.headers).toContainEqual(['Content-Type', 'application/x-www-form-urlencoded']);
  });

  it('says that -Credential and -Token make a header it cannot see', () => {
    expect(
      imported('iwr https://h.example/ -Authentication Bearer -Token $token -TimeoutSec 5').notes,
    ).toEqual([
      '-authentication, -token add an Authorization header from a credential this text does not hold: add that header by hand.',
      'Left out, as they do not change the request: -timeoutsec.',
    ]);
  });

  it('names what it cannot read instead of running it', () => {
    expect(importPowerShell('iwr -Uri $url')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/\$url is a variable this text does not set/),
    });
    expect(importPowerShell('iwr -Uri "https://h/$env:X"')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/expands \$env:X/),
    });
    expect(importPowerShell('iwr -Uri "https://h/')).toMatchObject({
      ok: false,
      error: 'A "…" string is not closed.',
    });
    expect(importPowerShell('iwr -Uri https://h/ -Body (Get-Content a.json)')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/PowerShell code/),
    });
    expect(importPowerShell('iwr -Method POST')).toEqual({
      ok: false,
      error: 'The command has no -Uri.',
    });
  });

  it('ends on long hostile input with a sentence', () => {
    for (const text of [
      'iwr -Body ' + '@{a='.repeat(50_000),
      'iwr -Body ' + '('.repeat(50_000) + ')'.repeat(50_000),
      'iwr -Uri "' + '`'.repeat(200_000),
      'iwr ' + '$([char]'.repeat(50_000),
    ])
      expect(importPowerShell(text)).toMatchObject({ ok: false, error: expect.any(String) });
  });

  it('never throws', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'iwr ',
          'Invoke-WebRequest -Uri "',
          '$s = New-Object X\n',
          'irm -Headers @{',
        ),
        anyText(300),
        (start, rest) => {
          const result = importPowerShell(start + rest);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});
