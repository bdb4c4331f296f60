// "Who am I?" and "Assume role" as the journeys see them: the Identity panel (its "Who am I?"
// section and the "Assume a role" form), the slot beside each role profile, and the error
// doctor's offer. Every locator goes by role and accessible name.
import { expect, type Locator, type Page } from '@playwright/test';

/** How long an STS round trip through the relay may take on loopback. */
const ANSWER_TIMEOUT_MS = 15_000;

export class IdentityPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Identity', exact: true });
  }

  /** A "Who am I?" section: the panel's, or the one the error doctor offers inside `within`. */
  whoAmI(within: Locator = this.panel): Locator {
    return within.getByRole('region', { name: 'Who am I?', exact: true });
  }

  /** Clicks "Who am I?" and waits for STS's answer: the identity's facts, or its refusal. */
  async askWhoAmI(within: Locator = this.panel): Promise<Locator> {
    const section = this.whoAmI(within);
    await section.getByRole('button', { name: 'Who am I?', exact: true }).click();
    await expect(section.getByText(/^(Asking STS…)$/)).toHaveCount(0, {
      timeout: ANSWER_TIMEOUT_MS,
    });
    return section;
  }

  /** The answer's facts (Account, Arn, UserId), as one list. */
  callerIdentity(section: Locator): Locator {
    return section.getByLabel('Caller identity', { exact: true });
  }

  /** The slot next to role profile `name` in the profiles list. */
  roleProfile(name: string): Locator {
    return this.page.getByRole('group', { name: `Role profile ${name}`, exact: true });
  }

  /** Clicks "Assume role NAME" (or "Refresh NAME") and waits for STS's answer. */
  async assumeRole(name: string): Promise<Locator> {
    const slot = this.roleProfile(name).first();
    await slot.getByRole('button', { name: new RegExp(`^(Assume role|Refresh) ${name}$`) }).click();
    await expect(slot.getByText(`Assuming ${name}…`)).toHaveCount(0, {
      timeout: ANSWER_TIMEOUT_MS,
    });
    return slot;
  }

  /** Opens "Assume a role…" and fills the form; `source` is a profile's name or '' (typed keys). */
  async fillAssumeRoleForm(form: {
    roleArn: string;
    source?: string;
    sessionName?: string;
    duration?: string;
    name?: string;
  }): Promise<Locator> {
    const details = this.panel.getByText('Assume a role…', { exact: true });
    const roleArn = this.panel.getByLabel('Role ARN', { exact: true });
    if (!(await roleArn.isVisible())) await details.click();
    await roleArn.fill(form.roleArn);
    const source = this.panel.getByLabel('Source profile', { exact: true });
    if (form.source !== undefined)
      await source.selectOption(form.source === '' ? '' : `Profile ${form.source}`);
    if (form.sessionName !== undefined)
      await this.panel.getByLabel('Session name', { exact: true }).fill(form.sessionName);
    if (form.duration !== undefined)
      await this.panel.getByLabel('Duration (seconds)', { exact: true }).fill(form.duration);
    if (form.name !== undefined)
      await this.panel.getByLabel('Keep as profile', { exact: true }).fill(form.name);
    return this.panel.getByRole('form', { name: 'Assume a role', exact: true });
  }

  /** "Show how this was signed" under an STS call's answer. */
  async showHowSigned(within: Locator): Promise<void> {
    await within.getByRole('button', { name: 'Show how this was signed', exact: true }).click();
  }
}
