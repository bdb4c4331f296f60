// The accessibility audit: axe-core over the page as a newcomer meets it (first view, a 403 with
// the mismatch view open, an import) in light and dark, at a desktop's and a phone's size, and a
// keyboard journey that tabs through the whole page and checks that every focused element is on
// screen and not under the sticky Send bar (WCAG 2.4.11).
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { LOCAL_IDENTITIES } from '../src/request/defaults';
import { PlaygroundPage, test } from './pages/playground';

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

const demo = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;

/** axe's serious and critical findings, one line each: rule, impact, and where. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes
          .map(
            (node) =>
              `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
          )
          .join(' | ')}`,
    );
}

test.describe('axe finds no serious or critical violations', () => {
  // Three audits of the whole page and a Send, on two cores.
  test.describe.configure({ timeout: 90_000 });
  for (const size of SIZES) {
    for (const colorScheme of SCHEMES) {
      test(`${size.name} (${size.width}×${size.height}), ${colorScheme}: first view, a 403 with the mismatch view, an import`, async ({
        page,
      }) => {
        await page.setViewportSize({ width: size.width, height: size.height });
        await page.emulateMedia({ colorScheme });
        const playground = new PlaygroundPage(page);
        await playground.open();
        expect(await seriousViolations(page), 'first view').toEqual([]);

        // A wrong secret: the gateway answers SignatureDoesNotMatch and the mismatch view opens.
        await playground.fillCredentials({
          accessKeyId: demo.accessKeyId,
          secretAccessKey: demo.secretAccessKey.replace(/KEY$/, 'KEZ'),
        });
        await playground.sendButton.click();
        await expect(playground.signatureMismatch).toBeVisible({ timeout: 15_000 });
        await expect(playground.response).toContainText('403');
        expect(await seriousViolations(page), 'after a 403, mismatch view open').toEqual([]);

        const said = await playground.importText(
          `curl -X POST http://127.0.0.1:5174/prod/hello -H 'Content-Type: application/json' -d '{"a":1}'`,
        );
        expect(said).toContain('Imported a curl command');
        expect(await seriousViolations(page), 'after an import').toEqual([]);
      });
    }
  }
});

/** Where the focused element is, against the viewport and the sticky bar holding Send. */
interface FocusPlace {
  /** How to find it again in a failure message. */
  what: string;
  isFirst: boolean;
  inBar: boolean;
  onScreen: boolean;
  covered: boolean;
}

async function focusPlace(page: Page): Promise<FocusPlace | null> {
  return page.evaluate(async () => {
    // Two frames: the browser's focus scrolling and the page's own adjustment are done.
    for (let frame = 0; frame < 2; frame++)
      await new Promise((resolve) => requestAnimationFrame(resolve));
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    // The first element focused, kept to tell when Tab has gone all the way round.
    const seen = window as unknown as { firstFocused?: Element };
    seen.firstFocused ??= element;
    const isFirst = seen.firstFocused === element;
    const what = `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40)}"${element.id ? `#${element.id}` : ''}`;
    // The bar is the sticky ancestor of the Send button.
    const send = [...document.querySelectorAll('button')].find(
      (button) => button.textContent?.trim() === 'Send',
    );
    let bar: Element | null = send ?? null;
    while (bar && getComputedStyle(bar).position !== 'sticky') bar = bar.parentElement;
    if (!bar) throw new Error('No sticky bar around Send');
    const inBar = bar.contains(element);
    const box = element.getBoundingClientRect();
    const barBox = bar.getBoundingClientRect();
    const height = window.innerHeight;
    const onScreen =
      box.bottom > 0 && box.top < height && box.right > 0 && box.left < window.innerWidth;
    // Under the bar: the element's box overlaps the bar's (vertically and horizontally). An element
    // taller than the room above the bar only needs its top clear of it.
    const overlapsX = box.right > barBox.left && box.left < barBox.right;
    const room = barBox.top;
    const covered =
      !inBar &&
      overlapsX &&
      (box.height <= room
        ? box.bottom > barBox.top + 0.5 && box.top < barBox.bottom
        : box.top >= barBox.top);
    const where = `at ${Math.round(box.top)}–${Math.round(box.bottom)}, bar ${Math.round(barBox.top)}–${Math.round(barBox.bottom)}, viewport ${height}`;
    return { what: `${what} ${where}`, isFirst, inBar, onScreen, covered };
  });
}

test.describe('keyboard: every focused element is on screen and clear of the Send bar', () => {
  const TAB_SIZES = [
    { name: 'desktop', width: 1440, height: 900 },
    { name: 'laptop', width: 1280, height: 720 },
    { name: 'phone', width: 390, height: 844 },
  ] as const;
  const MAX_TABS = 400;

  for (const size of TAB_SIZES) {
    test(`${size.name} (${size.width}×${size.height}): Tab through the whole page`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const playground = new PlaygroundPage(page);
      await playground.open();

      const problems: string[] = [];
      let visited = 0;
      for (let presses = 0; presses < MAX_TABS; presses++) {
        await page.keyboard.press('Tab');
        const place = await focusPlace(page);
        if (place === null) {
          if (visited > 0) break;
          continue;
        }
        if (place.isFirst && visited > 0) break;
        visited++;
        if (!place.onScreen) problems.push(`off screen: ${place.what}`);
        if (place.covered) problems.push(`under the Send bar: ${place.what}`);
      }
      expect(visited, 'focusable elements reached').toBeGreaterThan(20);
      expect(problems).toEqual([]);
    });
  }
});

test.describe('keyboard and small screens', () => {
  test('the export formats are one tab list: one Tab stop, arrow keys, Home and End', async ({
    playground,
  }) => {
    const tabs = playground.exportSection.getByRole('tablist', { name: 'Export formats' });
    const all = tabs.getByRole('tab');
    await expect(all.first()).toBeVisible();
    expect(await all.count()).toBeGreaterThan(2);
    // Only the selected tab is in the Tab order.
    await expect(tabs.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
    const first = all.first();
    await first.focus();
    await expect(first).toHaveAttribute('aria-selected', 'true');

    await first.press('ArrowRight');
    await expect(all.nth(1)).toBeFocused();
    await expect(all.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'false');
    await expect(playground.exportSection.getByRole('tabpanel')).toHaveAttribute(
      'aria-labelledby',
      (await all.nth(1).getAttribute('id'))!,
    );
    await all.nth(1).press('End');
    await expect(all.last()).toBeFocused();
    await expect(all.last()).toHaveAttribute('aria-selected', 'true');
    await all.last().press('ArrowRight');
    await expect(first).toBeFocused();
    await first.press('ArrowLeft');
    await expect(all.last()).toBeFocused();
    await all.last().press('Home');
    await expect(first).toBeFocused();
    await expect(first).toHaveAttribute('aria-selected', 'true');
  });

  test('phone: the export code is a Tab stop the arrow keys scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const playground = new PlaygroundPage(page);
    await playground.open();
    const code = playground.exportSection.getByRole('region', { name: /code$/ });
    await expect(code).toHaveAttribute('tabindex', '0');
    // Wider than its box: there is something to scroll to.
    expect(await code.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
    await code.focus();
    await code.press('End');
    await code.press('ArrowRight');
    await expect.poll(() => code.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  });

  test('"Copy as curl" is named by what it says (WCAG 2.5.3)', async ({ playground }) => {
    const button = playground
      .artifact('Request to send')
      .getByRole('button', { name: /Copy as curl/ });
    await expect(button).toHaveText('Copy as curl');
    await expect(button).toHaveAccessibleName(/^Copy as curl\b/);
  });

  test('phone: after Send the answer comes into view; not on load', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    const playground = new PlaygroundPage(page);
    await playground.open();
    const heading = playground.response.getByRole('heading', { name: 'Response', exact: true });
    await expect(heading).not.toBeInViewport();
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(heading).toBeInViewport();
  });

  test('desktop: Send does not scroll to the answer, which is beside it', async ({
    playground,
  }) => {
    // Scrolled down to the Send bar's natural place: the answer is at the top of the other column.
    await playground.page.setViewportSize({ width: 1440, height: 900 });
    await playground.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const heading = playground.response.getByRole('heading', { name: 'Response', exact: true });
    await expect(heading).not.toBeInViewport();
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.sendButton).toBeInViewport();
    await expect(heading).not.toBeInViewport();
  });

  for (const size of SIZES) {
    test(`${size.name}: "N warnings above" shows the first issue clear of the Send bar`, async ({
      page,
    }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      const playground = new PlaygroundPage(page);
      await playground.open();
      await playground.region.fill('US-EAST-1');
      // Start from the top of the page: the warning is far from the bar's link.
      await page.evaluate(() => window.scrollTo(0, 0));
      // "1 error, 1 warning above" (the upper-case region is also not the URL's).
      await page.getByRole('button', { name: /\bwarnings? above$/ }).click();
      // The first issue on the page (a FieldIssues item), and the focus in the field it is about.
      const warning = page
        .getByRole('listitem')
        .filter({ hasText: /^(Error|Warning)/ })
        .first();
      await expect(warning).toContainText(/region/i);
      await expect(playground.region).toBeFocused();
      await expect(warning).toBeInViewport();
      // Clear of the bar once the scroll has settled.
      await expect
        .poll(() =>
          warning.evaluate((element) => {
            const send = [...document.querySelectorAll('button')].find(
              (button) => button.textContent?.trim() === 'Send',
            )!;
            let bar: Element = send;
            while (getComputedStyle(bar).position !== 'sticky') bar = bar.parentElement!;
            return element.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top;
          }),
        )
        .toBe(true);
    });
  }

  test('the secret key\'s "Show" says "Hide" while the secret is shown', async ({ playground }) => {
    const show = playground.page.getByRole('button', { name: 'Show', exact: true });
    await expect(show).toHaveAttribute('aria-pressed', 'false');
    await show.click();
    const hide = playground.page.getByRole('button', { name: 'Hide', exact: true });
    await expect(hide).toHaveAttribute('aria-pressed', 'true');
    await expect(playground.secretAccessKey).toHaveAttribute('type', 'text');
    await hide.click();
    await expect(show).toHaveAttribute('aria-pressed', 'false');
    await expect(playground.secretAccessKey).toHaveAttribute('type', 'password');
  });
});
