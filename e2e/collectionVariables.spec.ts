// A collection's own variables, edited in its card, are the defaults of the requests saved in it;
// the chosen environment's win. A Bruno collection chosen as a folder keeps its folders. Against
// npm start and its local gateway, found by role and label (pages/playground.ts, pages/collections.ts).
import { expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { CollectionsPage } from './pages/collections';
import { test } from './pages/playground';

const SECRET_VALUE = 'collection-variables-e2e-secret-5b1d';
const BRUNO_FIXTURES = new URL('../test-support/fixtures/collections/bruno/', import.meta.url);

test('a collection’s variable fills {{stage}}; an environment’s of the same name wins', async ({
  page,
  playground,
}) => {
  const collections = new CollectionsPage(page);
  await collections.createCollection('Stages');
  await playground.url.fill('http://127.0.0.1:5174/{{stage}}/hello');
  expect(await collections.saveAs('Hello', 'Stages')).toBe('Saved.');
  // Nothing defines it yet: an error next to the URL, and Send waits.
  await expect(playground.sendButton).toBeDisabled();

  await collections.collectionVariables('Stages', { name: 'stage', value: 'prod' });
  const variables = page.getByRole('region', { name: 'Variables used', exact: true });
  await expect(variables).toContainText('{{stage}} = prod from collection “Stages”');
  await expect(playground.artifact('Canonical request')).toContainText('/prod/hello');
  expect(await playground.send()).toMatch(/^200\b/);

  await collections.createEnvironment('other', { name: 'stage', value: 'other' });
  await collections.environmentPicker.selectOption({ label: 'other' });
  await expect(variables).toContainText('{{stage}} = other from environment “other”');
  await expect(playground.artifact('Canonical request')).toContainText('/other/hello');

  // A secret one is kept in this tab's memory: its name is saved, never its value.
  await collections.collectionVariables('Stages', {
    name: 'apiKey',
    value: SECRET_VALUE,
    secret: true,
  });
  await expect.poll(() => collections.indexedDbText()).toContain('"name":"apiKey"');
  expect(await collections.indexedDbText()).not.toContain(SECRET_VALUE);

  // The collection's variables survive a reload (saved with the collection), a secret's value not.
  await page.reload();
  await collections.environmentPicker.selectOption({ label: 'No environment' });
  await expect(variables).toContainText('{{stage}} = prod from collection “Stages”');
  const card = await collections.collectionVariables('Stages');
  await expect(card.getByLabel('Variable 1 value', { exact: true })).toHaveValue('prod');
  await expect(card.getByLabel('Variable 2 name', { exact: true })).toHaveValue('apiKey');
  await expect(card.getByLabel('Variable 2 value', { exact: true })).toHaveValue('');
});

test('a Bruno collection chosen as a folder keeps its folders', async ({ playground }) => {
  const collections = new CollectionsPage(playground.page);
  const said = await collections.importFolder(fileURLToPath(new URL('orders-api', BRUNO_FIXTURES)));
  expect(said).toMatch(/^Imported the collection “Orders API \(Bruno\)”/);
  const collection = collections.collection('Orders API (Bruno)');
  // Its folders (named by their folder.bru), each with the requests of its own directory.
  await expect(collection.getByRole('button', { name: 'Folder Admin', exact: true })).toBeVisible();
  const orders = collection.getByRole('list', { name: 'In Orders', exact: true });
  await expect(orders.getByRole('button', { name: 'Open List orders', exact: true })).toBeVisible();
});
