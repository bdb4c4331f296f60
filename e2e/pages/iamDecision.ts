// The IAM decision view next to an answer and the "Gateway policies" panel, by role and label.
import { expect, type Locator, type Page } from '@playwright/test';
import type { PlaygroundPage } from './playground';

export class IamDecisionPage {
  constructor(
    private readonly page: Page,
    private readonly playground: PlaygroundPage,
  ) {}

  get decision(): Locator {
    return this.page.getByRole('region', { name: 'IAM decision' });
  }
  get rule(): Locator {
    return this.decision.getByLabel('Deciding rule');
  }
  statement(name: string | RegExp): Locator {
    return this.decision.getByRole('article', { name });
  }
  /** The marked parts of a statement's patterns and values, in order (pattern, then request). */
  differences(statement: Locator): Locator {
    // <mark>: Playwright's role list has no 'mark' yet.
    return statement.locator('mark');
  }
  /** The response body viewer (its tabs), the first thing below the answer that could move. */
  get bodyViewer(): Locator {
    return this.playground.response.getByRole('tablist', { name: 'Response views' });
  }
  /** The top of a locator in the document (not the viewport, so a scroll does not count). */
  async documentTop(locator: Locator): Promise<number> {
    return locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
  }
  get whyDenied(): Locator {
    return this.decision.getByRole('button', { name: 'Why was this denied?' });
  }

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Gateway policies' });
  }
  get policy(): Locator {
    return this.panel.getByRole('combobox', { name: 'Policy' });
  }
  get editor(): Locator {
    return this.panel.getByRole('textbox', { name: 'Policy JSON' });
  }
  get check(): Locator {
    return this.panel.getByRole('status', { name: 'Policy check' });
  }
  get suggestion(): Locator {
    return this.panel.getByRole('region', { name: 'Suggested statement' });
  }
  /** What the last Apply said. */
  get applied(): Locator {
    return this.panel.locator('p[role="status"]');
  }

  /**
   * Opens the collapsed panel, as a user would: clicks its summary, and again if it did not open
   * (the panels that load after the first paint can move it between aiming and clicking).
   */
  async openPanel(): Promise<void> {
    const details = this.panel.getByRole('group');
    await expect(async () => {
      if ((await details.getAttribute('open')) === null)
        await this.panel.getByText('Gateway policies', { exact: true }).click();
      await expect(details).toHaveAttribute('open', { timeout: 1_000 });
    }).toPass();
    await expect(this.editor).toBeVisible();
  }

  async choosePolicy(label: string): Promise<void> {
    await this.policy.selectOption({ label });
  }

  /** Types a policy and waits until the gateway's validator has judged it. */
  async typePolicy(text: string): Promise<void> {
    await this.editor.fill(text);
    await expect(this.check).not.toContainText('Checking…');
    await expect(this.check).not.toBeEmpty();
  }

  async apply(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(this.applied).toBeVisible();
  }

  /** "Try again": resends the request; returns the new status line, as PlaygroundPage.send(). */
  async tryAgain(): Promise<string> {
    const sent = await this.playground.historyEntries.count();
    await this.panel.getByRole('button', { name: 'Try again' }).click();
    await expect(this.playground.historyEntries).toHaveCount(sent + 1, { timeout: 15_000 });
    return (await this.playground.responseStatus.innerText()).trim();
  }
}
