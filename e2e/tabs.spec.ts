// Tabs: several requests open at once against the local gateway, each with its own answer and
// signature, kept across a reload without secrets, and driven from the keyboard. Against
// npm start, found by role and label (pages/playground.ts, pages/tabs.ts).
import { expect, test } from '@playwright/test';
import { LOCAL_IDENTITIES } from '../src/request/defaults';
import { PlaygroundPage } from './pages/playground';
import { TabBar } from './pages/tabs';

const demo = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
/** A credential header's value the third tab carries: it must never reach storage. */
const API_KEY = 'tabs-e2e-api-key-5c1f';

/** The 64 hex digits the Signature section shows (SigV4). */
async function signatureOnScreen(playground: PlaygroundPage): Promise<string> {
  const section = playground.artifact('Signature');
  await expect(section).toContainText(/[0-9a-f]{64}/);
  return /[0-9a-f]{64}/.exec(await section.innerText())![0];
}

test.describe('tabs', () => {
  test('three tabs sent to the gateway keep their own answers and signatures, and come back after a reload without secrets', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const tabs = new TabBar(page);
    await playground.open();
    await expect(tabs.tabs).toHaveCount(1);
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/hello');
    await playground.fillCredentials(demo);

    // 1: the demo identity may POST.
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText('with body');
    const first = await signatureOnScreen(playground);

    // 2: a fresh tab starts from the first-run request; as GET the demo identity is denied.
    await tabs.openNew();
    await expect(playground.responseStatus).toHaveText('Not sent yet');
    await playground.setRequest({ body: '', method: 'GET' });
    await expect(tabs.selected).toHaveAccessibleName('GET /prod/hello');
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.response).toContainText('is not authorized to perform');
    const second = await signatureOnScreen(playground);

    // 3: its own body, and a credential header that must not be stored.
    await tabs.openNew();
    await playground.setRequest({
      body: '{"tab":3}',
      url: 'http://127.0.0.1:5174/prod/hello?tab=3',
    });
    await playground.addHeader('X-Api-Key', API_KEY);
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText('tab');
    const third = await signatureOnScreen(playground);
    expect(new Set([first, second, third]).size).toBe(3);

    // Each tab shows its own request, answer and the signature it was sent with.
    await tabs.select(0);
    await expect(playground.method).toHaveValue('POST');
    await expect(playground.responseStatus).toHaveText(/^200\b/);
    await expect(playground.artifact('Signature')).toContainText(first);
    await tabs.select(1);
    await expect(playground.method).toHaveValue('GET');
    await expect(playground.responseStatus).toHaveText(/^403\b/);
    await expect(playground.artifact('Signature')).toContainText(second);
    await tabs.select(2);
    await expect(playground.body).toHaveValue('{"tab":3}');
    await expect(playground.responseStatus).toHaveText(/^200\b/);
    await expect(playground.artifact('Signature')).toContainText(third);
    await tabs.select(1);

    const names = await tabs.names();
    expect(names).toEqual(['POST /prod/hello', 'GET /prod/hello', 'POST /prod/hello']);
    const stored = await playground.storedText();
    expect(stored).not.toContain(demo.secretAccessKey);
    expect(stored).not.toContain(API_KEY);

    // After a reload: the same tabs, the same one on screen, each with its request (answers
    // are not kept); the API key's value was not kept and the page says so.
    await page.reload();
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    // The tab bar loads once the first signature is painted.
    await expect(tabs.tabs).toHaveCount(names.length);
    expect(await tabs.names()).toEqual(names);
    await expect(tabs.tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(playground.method).toHaveValue('GET');
    await tabs.select(2);
    await expect(playground.body).toHaveValue('{"tab":3}');
    await expect(playground.credentialsNotKept).toContainText('X-Api-Key');
    await expect(playground.headerValues.last()).toHaveValue('');
    await tabs.select(0);
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
  });

  test('the keyboard opens, moves between and closes tabs; closing the last leaves a fresh one', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const tabs = new TabBar(page);
    await playground.open();
    await playground.url.fill('http://127.0.0.1:5174/prod/one');
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/one');

    // From a text field: the shortcuts work anywhere on the page.
    await playground.url.focus();
    await page.keyboard.press('Alt+Shift+N');
    await expect(tabs.tabs).toHaveCount(2);
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/hello');
    await expect(playground.url).toHaveValue(/\/prod\/hello$/);
    await page.keyboard.press('Control+Alt+PageUp');
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/one');
    await page.keyboard.press('Control+Alt+PageDown');
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/hello');
    await page.keyboard.press('Control+Alt+PageDown');
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/one');

    // The tab list itself: arrow keys move the selection and the focus, Delete closes.
    await tabs.selected.focus();
    await page.keyboard.press('ArrowRight');
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/hello');
    await expect(tabs.selected).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/one');
    await expect(tabs.selected).toBeFocused();
    await expect(tabs.tabs.nth(1)).toHaveAttribute('tabindex', '-1');

    // Each tab has a close button named after it; the tab shown next keeps the focus in the bar.
    await (await tabs.closeButton(0)).click();
    await expect(tabs.tabs).toHaveCount(1);
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/hello');
    await expect(tabs.selected).toBeFocused();

    await playground.url.fill('http://127.0.0.1:5174/prod/last');
    await playground.url.focus();
    await page.keyboard.press('Alt+Shift+W');
    await expect(tabs.tabs).toHaveCount(1);
    await expect(tabs.selected).toHaveAccessibleName('POST /prod/hello');
    await expect(playground.url).toHaveValue(/\/prod\/hello$/);
  });
});
