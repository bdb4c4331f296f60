// Environments: the same request, `{{stage}}` in its URL, sent to two stages by switching the
// environment; the steps say which value came from where, and an undefined variable blocks Send.
import { expect } from '@playwright/test';
import { CollectionsPage } from './pages/collections';
import { test } from './pages/playground';

test('define {{stage}} in two environments and switch between them', async ({
  page,
  playground,
}) => {
  const collections = new CollectionsPage(page);
  await collections.createEnvironment('production', { name: 'stage', value: 'prod' });
  await collections.createEnvironment('staging', { name: 'stage', value: 'staging' });
  await playground.url.fill('http://127.0.0.1:5174/{{stage}}/hello');

  const picker = collections.environmentPicker;
  // No environment yet: the reference is an error, and Send is off.
  await picker.selectOption({ label: 'No environment' });
  await expect(page.locator('#send-status')).toContainText('{{stage}}');
  await expect(playground.sendButton).toBeDisabled();

  await picker.selectOption({ label: 'production' });
  const variables = page.getByRole('region', { name: 'Variables used' });
  await expect(variables).toContainText('{{stage}} = prod from environment “production”');
  await expect(playground.artifact('Canonical request')).toContainText('/prod/hello');
  expect(await playground.send()).toMatch(/^200\b/);

  await picker.selectOption({ label: 'staging' });
  await expect(variables).toContainText('{{stage}} = staging from environment “staging”');
  await expect(playground.artifact('Canonical request')).toContainText('/staging/hello');
  expect(await playground.send()).not.toMatch(/^200\b/);
  // The form keeps the reference: it is what is saved, shared and stored.
  await expect(playground.url).toHaveValue('http://127.0.0.1:5174/{{stage}}/hello');
});
