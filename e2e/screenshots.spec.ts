// The one journey whose point is its pictures: the page after a Send, full length, at a phone's,
// a tablet's and a desktop's width, light and dark, in test-results/screenshots/ for a person to
// look at (nothing compares them). Three answers a user meets first: a 200 (the response viewer),
// a 403 from the policy (the IAM decision next to it) and a 403 from a wrong secret (the
// mismatch view). Only the viewport and the color scheme change between pictures of one answer.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playground';

// The layout's breakpoints are 760 px (the steps' two columns) and 1100 px (the side-by-side
// columns): one size below, between and above them.
const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
  { name: 'desktop', width: 1440, height: 900 },
] as const;

async function everySize(playground: PlaygroundPage, answer: string) {
  const { page } = playground;
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await playground.screenshot(`${answer}-${size.name}-${colorScheme}`);
    }
  }
}

test('screenshots: phone, tablet and desktop, light and dark', async ({ page }) => {
  // Eighteen full-length pictures: more than the default 30 s on a busy 2-core machine.
  test.slow();
  const playground = new PlaygroundPage(page);
  await playground.open();
  expect(await playground.send()).toMatch(/^200\b/);
  await everySize(playground, 'ok');

  // demo may only POST: the gateway's decision names the statement.
  await playground.setMethod('GET');
  expect(await playground.send()).toMatch(/^403\b/);
  await expect(page.getByRole('region', { name: 'IAM decision' })).toBeVisible();
  await everySize(playground, 'denied');

  await playground.setMethod('POST');
  await playground.fillCredentials({
    accessKeyId: 'AKIDEXAMPLE',
    secretAccessKey: 'not-the-secret-key-of-demo-at-all-0000000',
  });
  expect(await playground.send()).toMatch(/^403\b/);
  await everySize(playground, 'mismatch');
});
