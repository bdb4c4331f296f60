// The playground page as the journeys see it: every locator goes by role and accessible name, the
// way a user (or a screen reader) finds things, so the specs say what they do and not how the
// page is built. The names are the page's contract with these tests; keep them in step.
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_HISTORY_ENTRIES } from '../../src/store/historySlice';

/** The artifact sections, each a region named by its heading. */
export type ArtifactHeading =
  | 'Canonical request'
  | 'Hashed payload'
  | 'String to sign'
  | 'Signing key'
  | 'Signature'
  | 'Authorization header'
  | 'Presigned URL'
  | 'Request to send';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** '' clears the field; left out, the field is not touched. */
  sessionToken?: string;
}

/** test-results/screenshots at the repository root, wherever the tests are run from. */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../test-results/screenshots', import.meta.url),
);

/** How long an answer may take once sent: the relay's round trip on loopback is milliseconds. */
const ANSWER_TIMEOUT_MS = 15_000;
/** How long the page may take to adopt its first view (interactive). */
const ADOPT_TIMEOUT_MS = 15_000;

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  // --- Fields -----------------------------------------------------------------------------------

  get accessKeyId(): Locator {
    return this.page.getByLabel('Access key ID', { exact: true });
  }
  get secretAccessKey(): Locator {
    return this.page.getByLabel('Secret access key', { exact: true });
  }
  get sessionToken(): Locator {
    return this.page.getByLabel('Session token', { exact: true });
  }
  get region(): Locator {
    return this.page.getByLabel('Region', { exact: true });
  }
  get service(): Locator {
    return this.page.getByLabel('Service', { exact: true });
  }
  get method(): Locator {
    return this.page.getByLabel('Method', { exact: true });
  }
  get url(): Locator {
    return this.page.getByLabel('URL', { exact: true });
  }
  get body(): Locator {
    return this.page.getByLabel('Body', { exact: true });
  }
  get signingTime(): Locator {
    return this.page.getByLabel('Signing time', { exact: true });
  }
  /** SigV4A's "Region set" (shown only while SigV4A is chosen). */
  get regionSet(): Locator {
    return this.page.getByLabel('Region set', { exact: true });
  }
  get expiresIn(): Locator {
    return this.page.getByLabel('Expires in', { exact: true });
  }
  get sendButton(): Locator {
    return this.page.getByRole('button', { name: 'Send', exact: true });
  }

  /** A signing-step section: the region its heading names. */
  artifact(heading: ArtifactHeading): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }

  /** The region where the answer, or what went wrong, is shown. */
  get response(): Locator {
    return this.page.getByRole('region', { name: 'Response', exact: true });
  }

  /** The outcome's headline: "200 OK", "Blocked by CORS", "Sending…". */
  get responseStatus(): Locator {
    return this.response.getByRole('status', { name: 'Outcome', exact: true });
  }

  // --- When AWS says no ------------------------------------------------------------------------

  /** The mismatch view: the server's canonical request and string to sign against ours. */
  get signatureMismatch(): Locator {
    return this.page.getByRole('region', { name: 'Signature mismatch', exact: true });
  }

  /** The error doctor's advice for every other AWS error. */
  get errorDoctor(): Locator {
    return this.page.getByRole('region', { name: 'Error doctor', exact: true });
  }

  /** Clicks the fix the error doctor offers under this name; it must be on screen. */
  async applyDoctorFix(name: string | RegExp): Promise<void> {
    const fix = this.errorDoctor.getByRole('button', { name });
    await expect(fix).toBeVisible();
    await fix.click();
  }

  /** The "AWS error" field of the collapsible "Paste an AWS error" panel (opened if closed). */
  async pasteAwsError(text: string): Promise<void> {
    const field = this.page.getByLabel('AWS error', { exact: true });
    if (!(await field.isVisible())) await this.page.getByText('Paste an AWS error').click();
    await field.fill(text);
  }

  /** The "Check a signature" panel. */
  get checkSignaturePanel(): Locator {
    return this.page.getByRole('region', { name: 'Check a signature', exact: true });
  }

  /** Pastes a signed request and a secret into "Check a signature", clicks Check, returns the verdict. */
  async checkSignature(signedRequest: string, secret: string): Promise<string> {
    const panel = this.checkSignaturePanel;
    await panel.getByLabel('Signed request', { exact: true }).fill(signedRequest);
    await panel.getByLabel('Secret key for checking', { exact: true }).fill(secret);
    await panel.getByRole('button', { name: 'Check', exact: true }).click();
    const status = panel.getByRole('status');
    await expect(status).toHaveText(/Valid|Not valid|failed/);
    return (await status.innerText()).trim();
  }

  /** What the "Copy as curl" button of "Request to send" copies (needs clipboard-read). */
  async requestAsCurl(): Promise<string> {
    await this.artifact('Request to send')
      .getByRole('button', { name: 'Copy as curl command', exact: true })
      .click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  // --- Meeting users where they are -------------------------------------------------------------

  /** The collapsible Import panel (a group named by its heading). */
  get importPanel(): Locator {
    return this.page.getByRole('group', { name: 'Import', exact: true });
  }

  /** Opens Import if closed, pastes the text, clicks Import and returns what the panel says. */
  async importText(text: string): Promise<string> {
    const field = this.page.getByLabel('Paste a curl command, credentials or an HTTP request', {
      exact: true,
    });
    if (!(await field.isVisible())) await this.importPanel.getByText('Import').first().click();
    await field.fill(text);
    await this.importPanel.getByRole('button', { name: 'Import', exact: true }).click();
    const status = this.importPanel.getByRole('status');
    await expect(status).not.toHaveText(/^\s*$/);
    return (await status.innerText()).trim();
  }

  /** The History panel. */
  get history(): Locator {
    return this.page.getByRole('region', { name: 'History', exact: true });
  }

  /** The sent requests in History, newest first. */
  get historyEntries(): Locator {
    return this.history.getByRole('list', { name: 'Sent requests' }).getByRole('listitem');
  }

  /** What "Copy share link" copies (needs clipboard-read). */
  async copyShareLink(): Promise<string> {
    await this.page.getByRole('button', { name: 'Copy share link', exact: true }).click();
    await expect(this.page.getByText('Link copied')).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** The Export section under "Request to send". */
  get exportSection(): Locator {
    return this.page.getByRole('region', { name: 'Export', exact: true });
  }

  // --- Secrets ----------------------------------------------------------------------------------

  /** The Request panel's note naming the credential values a reload, history or link left out. */
  get credentialsNotKept(): Locator {
    return this.page.getByRole('note', { name: 'Credentials not kept', exact: true });
  }

  /** The value fields of the header table, in order. */
  get headerValues(): Locator {
    return this.page.getByRole('textbox', { name: /^Header( \d+)? value$/ });
  }

  /** Everything this origin keeps in localStorage, as one string. */
  async storedText(): Promise<string> {
    return this.page.evaluate(() => JSON.stringify(localStorage));
  }

  /** A share link's proposal: what it would set beside the form, before anything changes. */
  get sharedRequest(): Locator {
    return this.page.getByRole('region', { name: 'Open a shared request?', exact: true });
  }

  /** The proposal's warnings ("Before you open it"). */
  get sharedRequestWarnings(): Locator {
    return this.sharedRequest.getByRole('list', { name: 'Before you open it' });
  }

  /** Clicks "Open this request": only then does a share link change the form. */
  async openSharedRequest(): Promise<void> {
    await this.sharedRequest
      .getByRole('button', { name: 'Open this request', exact: true })
      .click();
    await expect(this.sharedRequest).toHaveCount(0);
  }

  async dismissSharedRequest(): Promise<void> {
    await this.sharedRequest.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect(this.sharedRequest).toHaveCount(0);
  }

  // --- Actions ----------------------------------------------------------------------------------

  /**
   * Opens the page (npm start's by default) and waits until it has signed the first-run request
   * and adopted it: npm start serves the first view already signed, busy until the page's scripts
   * have adopted it (src/store/firstView.ts).
   */
  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await expect(this.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    await this.interactive();
    await this.settled();
  }

  /**
   * Waits until the panels that load after the first paint are there (no place kept for one is
   * left: neither the hidden copy of it the first view holds it with, nor a "Loading…"), as a
   * user sees the page settle. Their places keep their height at every width (issue 17), so a
   * click before that lands where it was aimed too; journeys that read the panels wait for them.
   */
  async settled(): Promise<void> {
    await expect(this.page.locator('.first-state, .reserved-place > .hint')).toHaveCount(0, {
      timeout: ADOPT_TIMEOUT_MS,
    });
  }

  /**
   * Where each panel of the two columns and each radio of the signing options is on the page:
   * its name, and its top and height in whole pixels from the top of the page.
   */
  async places(): Promise<Array<readonly [string, number, number]>> {
    const radios = this.page.getByRole('region', { name: 'Signing options' }).getByRole('radio');
    return this.page
      .locator('main > .column > *')
      .or(radios)
      .evaluateAll((elements) =>
        elements.map((element) => {
          const box = element.getBoundingClientRect();
          const name =
            element instanceof HTMLInputElement
              ? `radio ${element.labels?.[0]?.textContent}`
              : (element.querySelector('h2, summary')?.textContent ?? element.className);
          return [name, Math.round(box.top + window.scrollY), Math.round(box.height)] as const;
        }),
      );
  }

  /**
   * Waits until the page has adopted its first view (no longer busy). Input made before that is
   * kept too (store/firstViewScript.ts); waiting makes the journeys' checks of the page's state
   * (a field's value, a selected tab) read the adopted page. Adopting runs the page's whole
   * script and renders the page once: on a loaded 2-core machine that took over 5 s.
   */
  async interactive(): Promise<void> {
    await expect(this.page.locator('#root')).not.toHaveAttribute('aria-busy', {
      timeout: ADOPT_TIMEOUT_MS,
    });
  }

  async fillCredentials({ accessKeyId, secretAccessKey, sessionToken }: Credentials) {
    await this.accessKeyId.fill(accessKeyId);
    await this.secretAccessKey.fill(secretAccessKey);
    if (sessionToken !== undefined) await this.sessionToken.fill(sessionToken);
  }

  /** A select or a text field with suggestions: either way the method ends up as given. */
  async setMethod(method: string): Promise<void> {
    const isSelect = await this.method.evaluate((element) => element.tagName === 'SELECT');
    if (isSelect) await this.method.selectOption(method);
    else await this.method.fill(method);
  }

  /** An ISO 8601 instant (2015-08-30T12:36:00Z) pins the signing time; '' signs with the clock. */
  async setSigningTime(iso: string): Promise<void> {
    await this.signingTime.fill(iso);
  }

  /**
   * Fills what is given. The body goes first (a page may lock it for GET), and the URL before
   * region and service: the page reads those from the URL, and the values given here override it.
   */
  async setRequest(request: {
    method?: string;
    url?: string;
    region?: string;
    service?: string;
    body?: string;
  }): Promise<void> {
    if (request.body !== undefined) await this.body.fill(request.body);
    if (request.method !== undefined) await this.setMethod(request.method);
    if (request.url !== undefined) await this.url.fill(request.url);
    if (request.region !== undefined) await this.region.fill(request.region);
    if (request.service !== undefined) await this.service.fill(request.service);
  }

  /**
   * Replaces the header table: every row removed with its "Remove header" button, then one
   * "Add header" per pair, filling the new row's "Header name" and "Header value".
   */
  async setHeaders(headers: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const remove = this.page.getByRole('button', { name: /^Remove header\b/ });
    for (let rows = await remove.count(); rows > 0; rows--) await remove.first().click();
    await expect(remove).toHaveCount(0);
    const names = this.page.getByRole('textbox', { name: /^Header( \d+)? name$/ });
    const values = this.page.getByRole('textbox', { name: /^Header( \d+)? value$/ });
    for (const [index, [name, value]] of headers.entries()) {
      await this.page.getByRole('button', { name: 'Add header', exact: true }).click();
      await expect(names).toHaveCount(index + 1);
      await names.nth(index).fill(name);
      await values.nth(index).fill(value);
    }
  }

  /** One more row in the header table ("Add header", then its name and value). */
  async addHeader(name: string, value: string): Promise<void> {
    const names = this.page.getByRole('textbox', { name: /^Header( \d+)? name$/ });
    const count = await names.count();
    await this.page.getByRole('button', { name: 'Add header', exact: true }).click();
    await expect(names).toHaveCount(count + 1);
    await names.nth(count).fill(name);
    await this.headerValues.nth(count).fill(value);
  }

  /** 'header' signs an Authorization header, 'query' a presigned URL. */
  async setSigningMode(mode: 'header' | 'query'): Promise<void> {
    const name = mode === 'header' ? /^Authorization header\b/ : /^Presigned URL\b/;
    await this.page.getByRole('radio', { name }).check();
  }

  /** 'sigv4' signs with HMAC-SHA256, 'sigv4a' with ECDSA P-256 for a region set. */
  async setAlgorithm(algorithm: 'sigv4' | 'sigv4a'): Promise<void> {
    const name = algorithm === 'sigv4' ? 'SigV4' : 'SigV4A (ECDSA P-256)';
    await this.page.getByRole('radio', { name, exact: true }).check();
  }

  /** Whether the signer adds and signs X-Amz-Content-Sha256 (the test suite's sign_body). */
  async setContentSha256Header(on: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: /X-Amz-Content-Sha256/i }).setChecked(on);
  }

  async setTransport(mode: 'relay' | 'direct'): Promise<void> {
    const name = mode === 'relay' ? /^Relay\b/ : /^Direct\b/;
    await this.page.getByRole('radio', { name }).check();
  }

  /**
   * Clicks Send and waits for the outcome, which it returns (the status line's text). The page
   * records every send in History in the same update that shows its outcome, so one more History
   * entry means this send's outcome is on screen: no need to tell it from the previous one, which
   * may read the same ("200 OK").
   */
  async send(): Promise<string> {
    const sent = await this.historyEntries.count();
    if (sent >= MAX_HISTORY_ENTRIES)
      throw new Error(`History is full (${sent}): clear it before send() can tell a new entry.`);
    await this.sendButton.click();
    await expect(this.historyEntries).toHaveCount(sent + 1, { timeout: ANSWER_TIMEOUT_MS });
    return (await this.responseStatus.innerText()).trim();
  }

  /**
   * An artifact's exact text: what its section's Copy button copies (needs the clipboard-read
   * permission), checked to be on screen line by line too.
   */
  async artifactText(heading: ArtifactHeading): Promise<string> {
    const section = this.artifact(heading);
    await section
      .getByRole('button', { name: /^Copy\b/ })
      .first()
      .click();
    const text = await this.page.evaluate(() => navigator.clipboard.readText());
    for (const line of text.split('\n')) {
      // A session token is drawn masked (as the secret is): only what precedes it is on screen.
      const shown = line.trim().replace(/(security-token[:=]).*/i, '$1');
      if (shown !== '') await expect(section).toContainText(shown);
    }
    return text;
  }

  /**
   * A full-page screenshot in test-results/screenshots/NAME.png, taken scrolled to the end: a
   * full-page capture keeps the sticky Send bar where the viewport's bottom is, and only at the
   * end is that the bar's own place, covering nothing.
   */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await this.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await this.page.screenshot({ path: file, fullPage: true });
    return file;
  }
}

/** Playwright's `test` with a `playground`: the page opened, its first-run request signed. */
/**
 * What must never happen in any journey: the page failing to adopt the server's first view (React
 * reports a hydration mismatch and draws the page again) or the CSP refusing something the page
 * itself does (an inline script or style it ships).
 */
const FORBIDDEN_PAGE_ERRORS = /Minified React error #(418|419|423|425)\b|Hydration failed|hydrat/i;
const CSP_VIOLATION = /violates the following Content Security Policy/;

export const test = base.extend<{ playground: PlaygroundPage }>({
  playground: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => {
      if (FORBIDDEN_PAGE_ERRORS.test(error.message)) problems.push(error.message);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && CSP_VIOLATION.test(message.text()))
        problems.push(message.text());
    });
    const playground = new PlaygroundPage(page);
    await playground.open();
    await use(playground);
    expect(problems).toEqual([]);
  },
});
