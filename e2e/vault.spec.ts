// The vault (issue 14): secrets kept in this browser only encrypted, locked by default after a
// reload, a wrong passphrase refused cleanly, and nothing secret readable in storage without the
// passphrase. Against npm start: the page, the relay and the local gateway.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playground';
import { VaultPanel } from './pages/vault';

/** The local gateway's temporary identity (src/request/defaults.ts): keys and a session token. */
const TEMP = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=',
};
const PASSPHRASE = 'orbit lantern pebble 42 quietly';

/** Each secret as typed, and in the encodings a careless store might use. */
function forms(secret: string): string[] {
  const base64 = Buffer.from(secret).toString('base64');
  return [
    secret,
    base64,
    base64.replace(/=+$/, ''),
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
  ];
}
const FORBIDDEN = [TEMP.secretAccessKey, TEMP.sessionToken, PASSPHRASE].flatMap(forms);

function expectNoSecret(text: string, where: string) {
  for (const secret of FORBIDDEN) expect(text, `${where} holds ${secret}`).not.toContain(secret);
}

test('vault: create, reload locked, wrong passphrase refused, unlock, Send → 200; storage holds no secret', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  const vault = new VaultPanel(page);
  await playground.open();
  await playground.fillCredentials(TEMP);
  await vault.create(PASSPHRASE);
  expect(await playground.send()).toMatch(/^200\b/);

  // Encrypted at rest: neither IndexedDB nor localStorage, read raw, holds a secret.
  expectNoSecret(await vault.storedText(), 'storage with the vault unlocked');
  expect(await vault.storedText()).toContain('ciphertext');
  const exported = await vault.export();
  expect(JSON.parse(exported)).toMatchObject({ format: 'sigv4-playground-vault', kdf: 'argon2id' });
  expectNoSecret(exported, 'the exported vault file');

  // Locked, then reloaded: locked by default, no secret in the form, and signing says why.
  await vault.lock();
  await expect(playground.secretAccessKey).toHaveValue('');
  await page.reload();
  await expect(vault.lockedPrompt).toBeVisible();
  await expect(playground.accessKeyId).toHaveValue(TEMP.accessKeyId);
  await expect(playground.secretAccessKey).toHaveValue('');
  await expect(playground.sessionToken).toHaveValue('');
  await expect(page.getByText('Unlock the vault to sign with these keys.').first()).toBeVisible();
  expectNoSecret(await vault.storedText(), 'storage after the reload');

  // A wrong passphrase: one clear sentence, still locked, nothing filled in.
  await vault.unlock('orbit lantern pebble 43 quietly');
  await expect(vault.error).toHaveText(/^Wrong passphrase/);
  await expect(vault.lockedPrompt).toBeVisible();
  await expect(playground.secretAccessKey).toHaveValue('');

  // The right one: the keys are back, and they sign.
  await vault.unlock(PASSPHRASE);
  await expect(vault.unlockedNote).toBeVisible();
  await expect(vault.error).toHaveCount(0);
  await expect(playground.secretAccessKey).toHaveValue(TEMP.secretAccessKey);
  await expect(playground.sessionToken).toHaveValue(TEMP.sessionToken);
  expect(await playground.send()).toMatch(/^200\b/);
  expectNoSecret(await vault.storedText(), 'storage after unlocking and sending');
});

test('vault: forget everything deletes it, and the page offers a new one', async ({ page }) => {
  const playground = new PlaygroundPage(page);
  const vault = new VaultPanel(page);
  await playground.open();
  await playground.fillCredentials(TEMP);
  await vault.create(PASSPHRASE);
  await vault.group.getByRole('button', { name: 'Forget everything', exact: true }).click();
  await vault.group.getByRole('button', { name: 'Delete the vault', exact: true }).click();
  await expect(vault.offer).toBeVisible();
  await expect(playground.secretAccessKey).toHaveValue('');
  expect(await vault.storedText()).not.toContain('ciphertext');
  await page.reload();
  await expect(vault.offer).toBeVisible();
});
