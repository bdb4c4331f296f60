// The response viewer inside the Response region, as the journeys see it: its view tabs, the JSON
// tree, the search box, the hex dump, the image and Save response, found by role and name.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { PlaygroundPage } from './playground';

export class ResponseViewerPage {
  constructor(readonly playground: PlaygroundPage) {}

  get page(): Page {
    return this.playground.page;
  }
  get region(): Locator {
    return this.playground.response;
  }

  /** A view tab: Pretty, Raw, Text, Image, Hex, Headers (N). */
  tab(name: string | RegExp): Locator {
    return this.region.getByRole('tab', { name });
  }
  async showView(name: string | RegExp): Promise<void> {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  get tree(): Locator {
    return this.region.getByRole('tree', { name: 'JSON tree', exact: true });
  }
  /** Tree rows whose accessible name (key, then value) matches. */
  treeItem(name: string | RegExp): Locator {
    return this.tree.getByRole('treeitem', { name });
  }
  get treeItems(): Locator {
    return this.tree.getByRole('treeitem');
  }

  /** The search field of the view shown ("Search the JSON", "Search the response body", …). */
  get search(): Locator {
    return this.region.getByRole('searchbox', { name: /^Search the / });
  }
  /** "2 of 5", "No match", "3 matches". */
  get matchCount(): Locator {
    return this.region.getByRole('status', { name: /: matches$/ });
  }
  async nextMatch(): Promise<void> {
    await this.region.getByRole('button', { name: 'Next match', exact: true }).click();
  }

  get selectedPath(): Locator {
    return this.region.getByLabel('Selected path', { exact: true });
  }
  /** Clicks "Copy path" and returns what the clipboard holds (needs clipboard-read). */
  async copyPath(): Promise<string> {
    await this.region.getByRole('button', { name: 'Copy path of the selected value' }).click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  get hexDump(): Locator {
    return this.region.getByRole('region', { name: 'Hex dump', exact: true });
  }
  get bodySize(): Locator {
    return this.region.getByLabel('Body size', { exact: true });
  }
  get textBody(): Locator {
    return this.region.getByRole('region', { name: 'Response body', exact: true });
  }
  get image(): Locator {
    return this.region.getByRole('img', { name: /^The response image/ });
  }
  get headersTable(): Locator {
    return this.region.getByRole('table', { name: 'Response headers', exact: true });
  }

  /** axe's serious and critical findings inside the Response region, one line each. */
  async seriousViolations(): Promise<string[]> {
    const { violations } = await new AxeBuilder({ page: this.page })
      .include('section.panel-response')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
      .analyze();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
      );
  }

  /** Clicks "Save response": the suggested file name and the bytes saved. */
  async save(): Promise<{ fileName: string; bytes: Buffer }> {
    const [download]: [Download, void] = await Promise.all([
      this.page.waitForEvent('download'),
      this.region.getByRole('button', { name: 'Save response', exact: true }).click(),
    ]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), bytes: await readFile(path) };
  }
}
