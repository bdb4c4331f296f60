// Collections: requests saved into a collection in this browser survive a reload and send as
// saved; nothing secret reaches IndexedDB. Against npm start and its local gateway, found by role
// and label (pages/playground.ts, pages/collections.ts).
import { expect, test } from '@playwright/test';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { LOCAL_IDENTITIES } from '../src/request/defaults';
import { CollectionsPage } from './pages/collections';
import { PlaygroundPage } from './pages/playground';

const demo = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const GATEWAY = 'http://127.0.0.1:5174/prod';
const POSTMAN_FIXTURES = new URL('../test-support/fixtures/collections/postman/', import.meta.url);
const postmanFixture = (name: string) => fileURLToPath(new URL(name, POSTMAN_FIXTURES));

/** Values that must never be found in IndexedDB. */
const SECRETS = {
  secretKey: 'collections-e2e-secret-key-8d2e',
  sessionToken: 'collections-e2e-session-token-41f0',
  apiKey: 'collections-e2e-api-key-c3b7',
  urlToken: 'collections-e2e-url-token-9a6c',
  variable: 'collections-e2e-variable-e05d',
};

test.describe('collections', () => {
  // Long journeys (a reload each, many steps): three times the usual time on a busy machine.
  test.slow();

  test('two requests saved into a collection survive a reload, and each opens and sends as saved', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open();
    await playground.fillCredentials(demo);
    await collections.createCollection('Hello API');

    await playground.setRequest({ url: `${GATEWAY}/hello`, body: '{"hello":"world"}' });
    expect(await collections.saveAs('Hello world', 'Hello API')).toBe('Saved.');
    await expect(collections.savedFrom).toContainText('Hello API / Hello world');
    await expect(collections.savedFrom).toContainText('Saved');

    await playground.setRequest({ url: `${GATEWAY}/hello?lang=en`, body: '{"hello":"again"}' });
    await expect(collections.savedFrom).toContainText('Unsaved changes');
    expect(await collections.saveAs('Hello again', 'Hello API')).toBe('Saved.');

    await page.reload();
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    const collection = collections.collection('Hello API');
    await expect(collection.getByRole('button', { name: /^Open / })).toHaveCount(2);
    // The form still knows where it came from.
    await expect(collections.savedFrom).toContainText('Hello API / Hello again');

    await collections.open('Hello world');
    await expect(playground.url).toHaveValue(`${GATEWAY}/hello`);
    await expect(playground.body).toHaveValue('{"hello":"world"}');
    await expect(collections.savedFrom).toContainText('Saved');
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText('world');

    await collections.open('Hello again');
    await expect(playground.url).toHaveValue(`${GATEWAY}/hello?lang=en`);
    await expect(playground.body).toHaveValue('{"hello":"again"}');
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText('again');
  });

  test('no key, credential header, URL credential or secret variable reaches IndexedDB', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open();
    await playground.fillCredentials({
      accessKeyId: 'ASIAE2ECOLLECTIONS01',
      secretAccessKey: SECRETS.secretKey,
      sessionToken: SECRETS.sessionToken,
    });
    const environment = await collections.createEnvironment('secrets', {
      name: 'apiKey',
      value: SECRETS.variable,
      secret: true,
    });
    const value = environment.getByLabel('Variable 1 value', { exact: true });
    await expect(value).toHaveAttribute('type', 'password');
    const show = environment.getByRole('button', { name: 'Show secret values', exact: true });
    await show.click();
    await expect(value).toHaveAttribute('type', 'text');
    await expect(show).toHaveAttribute('aria-pressed', 'true');

    await collections.createCollection('Secrets API');
    await playground.setRequest({ url: `${GATEWAY}/hello?access_token=${SECRETS.urlToken}&a=1` });
    await playground.addHeader('X-Api-Key', SECRETS.apiKey);
    expect(await collections.saveAs('With secrets', 'Secrets API')).toBe(
      'Saved, without X-Api-Key, access_token (credentials are never saved in a collection).',
    );

    // The writes are asynchronous: wait until the request and the variable's name are stored.
    await expect.poll(() => collections.indexedDbText()).toContain('With secrets');
    await expect.poll(() => collections.indexedDbText()).toContain('"apiKey"');
    const stored = await collections.indexedDbText();
    expect(stored).toContain('X-Api-Key');
    for (const [what, secret] of Object.entries(SECRETS))
      expect(stored, `IndexedDB holds the ${what}`).not.toContain(secret);

    // The secret variable's value lived in this tab only: after a reload it is asked for again.
    await page.reload();
    const reloaded = await collections.environments();
    await reloaded.getByRole('button', { name: 'Variables of secrets', exact: true }).click();
    await expect(reloaded.getByLabel('Variable 1 name', { exact: true })).toHaveValue('apiKey');
    await expect(reloaded.getByLabel('Variable 1 value', { exact: true })).toHaveValue('');
  });

  test('a Postman collection and its environment import and send 200 as the demo identity; the export holds no key and imports again', async ({
    page,
  }, testInfo) => {
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open();
    await playground.fillCredentials({ accessKeyId: '', secretAccessKey: '' });

    const said = await collections.importFiles([
      postmanFixture('local-gateway.postman_collection.json'),
      postmanFixture('local-gateway.postman_environment.json'),
    ]);
    expect(said).toContain('Imported the collection “Local API Gateway” and 1 environment');
    expect(said).toContain('Credentials');
    // The environment's keys went to the credentials panel (memory only).
    await expect(playground.accessKeyId).toHaveValue(demo.accessKeyId);
    await expect(playground.secretAccessKey).toHaveValue(demo.secretAccessKey);

    await collections.environmentPicker.selectOption({ label: 'Local gateway' });
    await collections.open('Say hello');
    await expect(playground.url).toHaveValue('{{baseUrl}}/hello');
    expect(await playground.send()).toMatch(/^200\b/);

    const exported = await collections.exportToPostman('Local API Gateway');
    expect(exported.fileName).toMatch(/\.postman_collection\.json$/);
    expect(exported.text).toContain('"awsv4"');
    expect(exported.text).not.toContain(demo.secretAccessKey);
    const again = testInfo.outputPath(exported.fileName);
    await writeFile(again, exported.text);
    expect(await collections.importFiles([again])).toContain(
      'Imported the collection “Local API Gateway”',
    );
    const copies = collections.panel.getByRole('region', {
      name: 'Collection Local API Gateway',
      exact: true,
    });
    await expect(copies).toHaveCount(2);
    const requestNames = async (index: number) =>
      (
        await copies
          .nth(index)
          .getByRole('button', { name: /^Open / })
          .allTextContents()
      ).map((text) => text.trim());
    expect(await requestNames(1)).toEqual(await requestNames(0));
  });
});
