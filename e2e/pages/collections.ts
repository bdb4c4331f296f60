// Collections and environments as the journeys see them: the Collections panel (its tree of
// saved requests, each opened by "Open <name>"), the Save bar above the request (Save, Save as…)
// and the Environments panel. Found by role and accessible name only.
import { expect, type Locator, type Page } from '@playwright/test';

export class CollectionsPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Collections', exact: true });
  }

  /** The "In this browser" list, or the disk folder's ("On disk"). */
  place(name: 'In this browser' | 'On disk'): Locator {
    return this.panel.getByRole('region', { name, exact: true });
  }

  collection(name: string): Locator {
    return this.panel.getByRole('region', { name: `Collection ${name}`, exact: true });
  }

  /** The button that opens a saved request into the form. */
  openButton(requestName: string): Locator {
    return this.panel.getByRole('button', { name: `Open ${requestName}`, exact: true });
  }

  async createCollection(name: string): Promise<void> {
    await this.panel.getByLabel('New collection name', { exact: true }).fill(name);
    await this.panel.getByRole('button', { name: 'Create collection', exact: true }).click();
    await expect(this.collection(name)).toBeVisible();
  }

  /** Chooses files in "Import collection…" and returns what the panel says once imported. */
  async importFiles(paths: string[]): Promise<string> {
    await this.panel.getByLabel('Collection files to import', { exact: true }).setInputFiles(paths);
    // The status says "Importing…" from the moment the files are chosen until it is done.
    const status = this.panel.getByRole('status', { name: 'Collection import', exact: true });
    await expect(status).not.toHaveText(/^\s*(Importing…)?\s*$/);
    return (await status.innerText()).trim();
  }

  /** Chooses a folder in "Import a folder…" and returns what the panel says once imported. */
  async importFolder(path: string): Promise<string> {
    await this.panel.getByLabel('Collection folder to import', { exact: true }).setInputFiles(path);
    const status = this.panel.getByRole('status', { name: 'Collection import', exact: true });
    await expect(status).not.toHaveText(/^\s*(Importing…)?\s*$/);
    return (await status.innerText()).trim();
  }

  /**
   * A collection's variables ("Variables of <name>", folded until opened), opened; with
   * `variable`, one more row filled with it.
   */
  async collectionVariables(
    collectionName: string,
    variable?: { name: string; value: string; secret?: boolean },
  ): Promise<Locator> {
    const collection = this.collection(collectionName);
    const toggle = collection.getByRole('button', {
      name: `Variables of ${collectionName}`,
      exact: true,
    });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    const add = collection.getByRole('button', { name: 'Add variable', exact: true });
    await expect(add).toBeVisible();
    if (variable !== undefined) {
      const names = collection.getByRole('textbox', { name: /^Variable \d+ name$/ });
      const row = (await names.count()) + 1;
      await add.click();
      await collection.getByLabel(`Variable ${row} name`, { exact: true }).fill(variable.name);
      await collection.getByLabel(`Variable ${row} value`, { exact: true }).fill(variable.value);
      if (variable.secret === true)
        await collection.getByLabel(`Variable ${row} secret`, { exact: true }).check();
    }
    return collection;
  }

  /** Clicks "Export to Postman" in a collection's actions; returns the downloaded file's text. */
  async exportToPostman(collectionName: string): Promise<{ fileName: string; text: string }> {
    const collection = this.collection(collectionName);
    await collection
      .getByRole('button', { name: `Actions for the collection ${collectionName}`, exact: true })
      .click();
    const download = this.page.waitForEvent('download');
    await collection
      .getByRole('button', { name: `Export ${collectionName} to Postman`, exact: true })
      .click();
    const file = await download;
    const path = await file.path();
    const { readFile } = await import('node:fs/promises');
    return { fileName: file.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  // --- The Save bar ---------------------------------------------------------------------------

  /** "Saved request": which one the form came from, and "Saved" or "Unsaved changes". */
  get savedFrom(): Locator {
    return this.page.getByLabel('Saved request', { exact: true });
  }

  get saveButton(): Locator {
    return this.page.getByRole('button', { name: 'Save', exact: true }).first();
  }

  /** Save as…: the form under a name, into a collection (and a folder), then what the page says. */
  async saveAs(name: string, collection: string, folder?: string): Promise<string> {
    await this.page.getByRole('button', { name: 'Save as…', exact: true }).click();
    const form = this.page.getByRole('form', { name: 'Save request as', exact: true });
    await form.getByLabel('Request name', { exact: true }).fill(name);
    await form.getByLabel('Collection', { exact: true }).selectOption({ label: collection });
    if (folder !== undefined)
      await form.getByLabel('Folder', { exact: true }).selectOption({ label: folder });
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(form).toHaveCount(0);
    await expect(this.savedFrom).toContainText(`${collection} / `);
    return (
      await this.page
        .getByRole('status')
        .filter({ hasText: /^Saved/ })
        .innerText()
    ).trim();
  }

  /** Opens a saved request into the form and waits until the Save bar says it came from there. */
  async open(requestName: string): Promise<void> {
    await this.openButton(requestName).click();
    await expect(this.savedFrom).toContainText(requestName);
  }

  // --- Environments ----------------------------------------------------------------------------

  get environmentPicker(): Locator {
    return this.page.getByLabel('Environment', { exact: true });
  }

  /** The folded Environments panel (a group named by its heading), opened if closed. */
  async environments(): Promise<Locator> {
    const panel = this.page.getByRole('group', { name: 'Environments', exact: true });
    const create = panel.getByRole('button', { name: 'Create environment', exact: true });
    if (!(await create.isVisible())) await panel.getByText('Environments').first().click();
    await expect(create).toBeVisible();
    return panel;
  }

  /** Creates an environment with one variable; returns its region. */
  async createEnvironment(
    name: string,
    variable: { name: string; value: string; secret?: boolean },
  ): Promise<Locator> {
    const panel = await this.environments();
    await panel.getByLabel('New environment name', { exact: true }).fill(name);
    await panel.getByRole('button', { name: 'Create environment', exact: true }).click();
    const environment = panel.getByRole('region', { name: `Environment ${name}`, exact: true });
    await environment.getByRole('button', { name: 'Add variable', exact: true }).click();
    await environment.getByLabel('Variable 1 name', { exact: true }).fill(variable.name);
    await environment.getByLabel('Variable 1 value', { exact: true }).fill(variable.value);
    if (variable.secret === true)
      await environment.getByLabel('Variable 1 secret', { exact: true }).check();
    return environment;
  }

  /**
   * Every record the page keeps in IndexedDB, as one JSON text, read with the browser's own
   * IndexedDB API (not the page's code).
   */
  async indexedDbText(): Promise<string> {
    return this.page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((database) => database.name!);
      const dumps: unknown[] = [];
      for (const name of names) {
        const database = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const stores = [...database.objectStoreNames];
        for (const store of stores) {
          const records = await new Promise<unknown[]>((resolve, reject) => {
            const request = database.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          });
          dumps.push({ database: name, store, records });
        }
        database.close();
      }
      return JSON.stringify(dumps);
    });
  }
}
