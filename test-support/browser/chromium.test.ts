import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumLaunchOptions, PLAYWRIGHT_DISABLED_FEATURES } from './chromium';

/** The list Playwright passes as --disable-features, read from the installed playwright-core. */
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const bundle = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([^\]]*)\]/.exec(bundle)?.[1];
  if (list === undefined) throw new Error("playwright-core's disabledFeatures list was not found");
  return Array.from(list.matchAll(/^\s*"([A-Za-z0-9]+)",?\s*$/gm), (match) => match[1]!);
}

describe('the Chromium the tests and benchmarks launch', () => {
  it('keeps every feature Playwright turns off turned off (Chromium keeps the last list only)', () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs).toContain('PaintHolding');
    expect(PLAYWRIGHT_DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
  });

  it('starts no renderer beside the one of the page: no address-bar popups, no spare', async () => {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto('data:text/html,<p>a page');
      const session = await browser.newBrowserCDPSession();
      const { targetInfos } = (await session.send('Target.getTargets')) as {
        targetInfos: { url: string }[];
      };
      expect(targetInfos.map(({ url }) => url)).toContain('data:text/html,<p>a page');
      expect(targetInfos.filter(({ url }) => url.includes('omnibox-popup'))).toEqual([]);
      // A spare renderer has no target: it shows only as a process.
      const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string }[];
      };
      expect(processInfo.filter(({ type }) => type === 'renderer')).toHaveLength(1);
    } finally {
      await browser.close();
    }
  });
});
