// What people paste from other tools: Chrome's "Copy as fetch" and "Copy as PowerShell" fill the
// request; API Gateway's bare Forbidden and an AccessDenied naming an SCP get their sentence.
import { expect } from '@playwright/test';
import { test } from './pages/playground';

// Chrome's "Copy as fetch" of a POST with a JSON body (its cookie rides on credentials: include).
const CHROME_FETCH = `fetch("http://127.0.0.1:5174/prod/hello?lang=fr", {
  "headers": {
    "accept": "*/*",
    "content-type": "application/json",
    "x-trace": "fetch-1"
  },
  "referrer": "http://127.0.0.1:5173/",
  "referrerPolicy": "strict-origin-when-cross-origin",
  "body": "{\\"greeting\\":\\"from fetch\\"}",
  "method": "POST",
  "mode": "cors",
  "credentials": "include"
});`;

// Chrome's "Copy as PowerShell" of a PUT with a JSON body and a cookie.
const CHROME_POWERSHELL = [
  '$session = New-Object Microsoft.PowerShell.Commands.WebRequestSession',
  '$session.Cookies.Add((New-Object System.Net.Cookie("session", "abc123", "/", "127.0.0.1")))',
  'Invoke-WebRequest -UseBasicParsing -Uri "http://127.0.0.1:5174/prod/items/7" `',
  '-Method "PUT" `',
  '-WebSession $session `',
  '-Headers @{',
  '"Accept"="*/*"',
  '  "x-trace"="powershell-1"',
  '} `',
  '-ContentType "application/json" `',
  '-Body "{`"name`":`"caf$([char]233)`"}"',
].join('\r\n');

test.describe('paste from other tools', () => {
  test('Copy as fetch and Copy as PowerShell fill the request', async ({ playground }) => {
    expect(await playground.importText(CHROME_FETCH)).toContain(
      'Imported a fetch snippet: POST http://127.0.0.1:5174/prod/hello?lang=fr',
    );
    await expect(playground.method).toHaveValue('POST');
    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/prod/hello?lang=fr');
    await expect(playground.body).toHaveValue('{"greeting":"from fetch"}');
    await expect(playground.headerValues.nth(2)).toHaveValue('fetch-1');

    expect(await playground.importText(CHROME_POWERSHELL)).toContain(
      'Imported a PowerShell command: PUT http://127.0.0.1:5174/prod/items/7',
    );
    await expect(playground.method).toHaveValue('PUT');
    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/prod/items/7');
    await expect(playground.body).toHaveValue('{"name":"café"}');
    await expect(playground.importPanel.getByRole('list', { name: 'Import notes' })).toContainText(
      'cannot set Cookie',
    );
  });

  test("a bare Forbidden and an SCP's deny are explained", async ({ page, playground }) => {
    await playground.pasteAwsError('{"message":"Forbidden"}');
    await expect(page.getByText(/requires an API key that is missing/)).toBeVisible();
    await playground.pasteAwsError(
      '{"Message":"User: arn:aws:sts::111122223333:assumed-role/dev/me is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:111122223333:abc123/prod/GET/hello with an explicit deny in a service control policy"}',
    );
    await expect(
      page.getByText(/A service control policy \(SCP\) of the AWS Organization/),
    ).toBeVisible();
  });
});
