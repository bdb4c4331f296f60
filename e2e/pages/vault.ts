// The vault as the journeys see it: the "Vault" group in the Credentials panel. Every locator
// goes by role and accessible name.
import { expect, type Locator, type Page } from '@playwright/test';

export class VaultPanel {
  constructor(readonly page: Page) {}

  get group(): Locator {
    return this.page.getByRole('group', { name: 'Vault', exact: true });
  }

  /** "Keep secrets in this browser, encrypted": shown while there is no vault. */
  get offer(): Locator {
    return this.group.getByText('Keep secrets in this browser, encrypted', { exact: true });
  }

  get lockedPrompt(): Locator {
    return this.group.getByText('The vault is locked.', { exact: true });
  }

  get unlockedNote(): Locator {
    return this.group.getByText('The vault is unlocked.', { exact: true });
  }

  /** The vault's error sentence (a wrong passphrase, a file that is not a vault…). */
  get error(): Locator {
    return this.group.getByRole('alert');
  }

  /** Opens the offer, types the passphrase twice and creates the vault; waits until unlocked. */
  async create(passphrase: string): Promise<void> {
    await this.offer.click();
    await this.group.getByLabel('New vault passphrase', { exact: true }).fill(passphrase);
    await this.group.getByLabel('Repeat the passphrase', { exact: true }).fill(passphrase);
    await this.group.getByRole('button', { name: 'Create vault', exact: true }).click();
    await expect(this.unlockedNote).toBeVisible({ timeout: 15_000 });
  }

  async lock(): Promise<void> {
    await this.group.getByRole('button', { name: 'Lock', exact: true }).click();
    await expect(this.lockedPrompt).toBeVisible();
  }

  /** Types the passphrase and clicks Unlock; waits until the key derivation has answered. */
  async unlock(passphrase: string): Promise<void> {
    await this.group.getByLabel('Vault passphrase', { exact: true }).fill(passphrase);
    await this.group.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(this.group.getByRole('button', { name: 'Unlocking…' })).toHaveCount(0, {
      timeout: 15_000,
    });
  }

  /** Clicks "Export vault" and returns the downloaded file's text. */
  async export(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.group.getByRole('button', { name: 'Export vault', exact: true }).click();
    const stream = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** Everything this origin keeps in IndexedDB (every database, store and record) and localStorage, as one string. */
  async storedText(): Promise<string> {
    return this.page.evaluate(async () => {
      const dump: Record<string, unknown> = { localStorage: { ...localStorage } };
      for (const { name, version } of await indexedDB.databases()) {
        if (name === undefined) continue;
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, version);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        for (const store of Array.from(database.objectStoreNames)) {
          const transaction = database.transaction(store, 'readonly');
          const [keys, values] = await Promise.all(
            [
              transaction.objectStore(store).getAllKeys(),
              transaction.objectStore(store).getAll(),
            ].map(
              (request) =>
                new Promise<unknown>((resolve, reject) => {
                  request.onsuccess = () => resolve(request.result);
                  request.onerror = () => reject(request.error);
                }),
            ),
          );
          dump[`${name}/${store}`] = { keys, values };
        }
        database.close();
      }
      return JSON.stringify(dump);
    });
  }
}
