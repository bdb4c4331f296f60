import { expect, test } from '@playwright/test';

test('editing the URL re-signs the request on the placeholder page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'SigV4 Playground' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Canonical request' })).toBeVisible();

  const steps = page.getByRole('region', { name: 'Signing steps' });
  // The signature is the only block whose whole text is 64 hex digits.
  const signature = steps.getByText(/^[0-9a-f]{64}$/);
  await expect(steps).toContainText('/prod/hello');
  await expect(signature).toBeVisible();
  const before = await signature.textContent();

  const url = page.getByLabel('URL');
  await url.fill((await url.inputValue()).replace('/prod/hello', '/prod/goodbye'));

  await expect(steps).toContainText('/prod/goodbye');
  await expect(steps).not.toContainText('/prod/hello');
  await expect(signature).not.toHaveText(before ?? '');
  await expect(signature).toHaveText(/^[0-9a-f]{64}$/);
});
