// Profiles as the journeys see them: the "Profiles from AWS files" section of the Credentials
// panel (paste the credentials and config files, "Read profiles", the list of profiles), the
// "Sign with" choice above the typed keys and its sentence, and an environment's profile. Found by
// role and accessible name only.
import { expect, type Locator, type Page } from '@playwright/test';

export class ProfilesPanel {
  constructor(readonly page: Page) {}

  get credentialsPanel(): Locator {
    return this.page.getByRole('region', { name: 'Credentials', exact: true });
  }

  get section(): Locator {
    return this.page.getByRole('region', { name: 'Profiles from AWS files', exact: true });
  }

  /** Every profile listed, each a list item named "Profile NAME". */
  get list(): Locator {
    return this.section.getByRole('list', { name: 'Profiles', exact: true }).getByRole('listitem');
  }

  profile(name: string): Locator {
    return this.section.getByRole('listitem', { name: `Profile ${name}`, exact: true });
  }

  /** What "Read profiles" said: how many were read, and each problem. */
  get report(): Locator {
    return this.section.getByRole('status');
  }

  /** The per-request choice: "Sign with" in the Credentials panel. */
  get signWith(): Locator {
    return this.credentialsPanel.getByLabel('Sign with', { exact: true });
  }

  /** The one sentence under "Sign with": which keys sign, chosen by whom. */
  get signWithSource(): Locator {
    return this.credentialsPanel.locator('#sign-with-source');
  }

  /** Why the chosen keys cannot sign (a role not assumed yet…). */
  get blocked(): Locator {
    return this.credentialsPanel.getByRole('alert');
  }

  /** The flag in the Send bar: the keys that sign expire soon or have expired. */
  get sendBarExpiry(): Locator {
    return this.page.getByRole('note', { name: 'Keys expiry before Send', exact: true });
  }

  /** The Send bar's status line. */
  get sendStatus(): Locator {
    return this.page.locator('#send-status');
  }

  /** Pastes either file (or both) and clicks "Read profiles"; waits for its report. */
  async paste(files: { credentials?: string; config?: string }): Promise<void> {
    if (files.credentials !== undefined)
      await this.section.getByLabel('Credentials file', { exact: true }).fill(files.credentials);
    if (files.config !== undefined)
      await this.section.getByLabel('Config file', { exact: true }).fill(files.config);
    await this.section.getByRole('button', { name: 'Read profiles', exact: true }).click();
    await expect(this.report).toContainText(/Read \d+ profiles?|No profile was read/);
  }

  /** The names of the profiles listed, in order. */
  async names(): Promise<string[]> {
    const items = await this.list.all();
    return Promise.all(
      items.map(async (item) =>
        ((await item.getAttribute('aria-label')) ?? '').replace(/^Profile /, ''),
      ),
    );
  }

  /** Signs the request with profile `name`; '' goes back to none (environment's, else typed). */
  async chooseForRequest(name: string): Promise<void> {
    await this.signWith.selectOption(name);
    await expect(this.signWith).toHaveValue(name);
  }

  /** In an (opened) environment's region: the profile its requests sign with. */
  async chooseForEnvironment(environment: Locator, name: string): Promise<void> {
    const select = environment.getByLabel(/^Profile for /);
    await select.selectOption(name);
    await expect(select).toHaveValue(name);
  }

  async remove(name: string): Promise<void> {
    await this.section.getByRole('button', { name: `Remove profile ${name}`, exact: true }).click();
    await expect(this.profile(name)).toHaveCount(0);
  }

  async clearAll(): Promise<void> {
    await this.section.getByRole('button', { name: 'Clear all profiles', exact: true }).click();
    await expect(this.list).toHaveCount(0);
  }
}
