// The tab bar as the journeys see it: the "Open requests" tab list above the Request panel, its
// tabs named after their request ("POST /prod/hello"), each with a "Close …" button, and "New tab".
import { expect, type Locator, type Page } from '@playwright/test';

export class TabBar {
  constructor(readonly page: Page) {}

  get list(): Locator {
    return this.page.getByRole('tablist', { name: 'Open requests', exact: true });
  }

  /** Every tab, in order. */
  get tabs(): Locator {
    return this.list.getByRole('tab');
  }

  /** The tab on screen. */
  get selected(): Locator {
    return this.list.getByRole('tab', { selected: true });
  }

  get newTabButton(): Locator {
    return this.page.getByRole('button', { name: 'New tab', exact: true });
  }

  /** The accessible names of every tab, in order. */
  async names(): Promise<string[]> {
    const tabs = await this.tabs.all();
    return Promise.all(tabs.map(async (tab) => (await tab.innerText()).trim()));
  }

  /** Clicks "New tab" and waits until the new (last) tab is on screen. */
  async openNew(): Promise<void> {
    const count = await this.tabs.count();
    await this.newTabButton.click();
    await expect(this.tabs).toHaveCount(count + 1);
    await expect(this.tabs.nth(count)).toHaveAttribute('aria-selected', 'true');
  }

  /** Clicks the tab at `index` (from 0) and waits until it is on screen. */
  async select(index: number): Promise<void> {
    await this.tabs.nth(index).click();
    await expect(this.tabs.nth(index)).toHaveAttribute('aria-selected', 'true');
  }

  /**
   * The close button of the tab at `index`, found by its name ("Close POST /prod/hello"): beside
   * the tab list, which holds only tabs.
   */
  async closeButton(index: number): Promise<Locator> {
    const name = (await this.tabs.nth(index).innerText()).trim();
    return this.page.getByRole('button', { name: `Close ${name}`, exact: true }).first();
  }
}
