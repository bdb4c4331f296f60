// The vault (issue 14): secrets kept in this browser only encrypted, locked by default after a
// reload, a wrong passphrase refused cleanly, and nothing secret readable in storage without the
// passphrase. Against npm start: the page, the relay and the local gateway.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playground';
import { ProfilesPanel } from './pages/profiles';
import { VaultPanel } from './pages/vault';

/** The local gateway's temporary identity (src/request/defaults.ts): keys and a session token. */
const TEMP = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  sessionToken: 'FwoGZXIvYXdzEXAMPLETOKEN//////////wEaDPLAYGROUNDSESSION+TOKEN=',
};
const PASSPHRASE = 'orbit lantern pebble 42 quietly';

// Each journey derives Argon2id keys (19 MiB, ~250 ms on an idle machine, seconds on a busy one)
// and reloads the page: more than the default 30 s when the two cores are shared.
test.describe.configure({ timeout: 90_000 });

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

test('vault: an older version’s remembered secret is moved out of localStorage and offered the vault', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  const vault = new VaultPanel(page);
  await playground.open();
  // What "Remember credentials in this browser" stored before the vault: the keys in clear.
  await page.evaluate((keys) => {
    const stored = JSON.parse(localStorage.getItem('sigv4-playground') ?? '{}');
    stored.state.credentials = { ...keys, remember: true };
    localStorage.setItem('sigv4-playground', JSON.stringify(stored));
  }, TEMP);
  await page.reload();
  await expect(vault.group.getByRole('status')).toContainText(
    'An older version of this page kept your secret key in this browser unencrypted',
  );
  // Kept in memory for this session, gone from storage at once.
  await expect(playground.secretAccessKey).toHaveValue(TEMP.secretAccessKey);
  expectNoSecret(await vault.storedText(), 'storage after the migration');
  expect(await playground.send()).toMatch(/^200\b/);

  // The offer is open: one passphrase later they are in the vault.
  await vault.group.getByLabel('New vault passphrase', { exact: true }).fill(PASSPHRASE);
  await vault.group.getByLabel('Repeat the passphrase', { exact: true }).fill(PASSPHRASE);
  await vault.group.getByRole('button', { name: 'Create vault', exact: true }).click();
  await expect(vault.unlockedNote).toBeVisible({ timeout: 15_000 });
  await expect(vault.group.getByRole('status')).toHaveCount(0);
  expectNoSecret(await vault.storedText(), 'storage with the migrated keys in the vault');
});

test('vault: locks itself after the idle time the user set', async ({ page }) => {
  // The page's clock, moved by the test: no waiting for real minutes.
  await page.clock.install();
  const playground = new PlaygroundPage(page);
  const vault = new VaultPanel(page);
  await playground.open();
  await playground.fillCredentials(TEMP);
  await vault.create(PASSPHRASE);
  await vault.group.getByLabel('Lock after', { exact: true }).fill('2');
  await page.clock.fastForward('01:00');
  await expect(vault.unlockedNote).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(vault.lockedPrompt).toBeVisible();
  await expect(playground.secretAccessKey).toHaveValue('');
});

test('vault: profiles are kept in it too, and a locked profile says to unlock', async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  const vault = new VaultPanel(page);
  const profiles = new ProfilesPanel(page);
  await playground.open();
  await profiles.paste({
    credentials: `[temp]\naws_access_key_id = ${TEMP.accessKeyId}\naws_secret_access_key = ${TEMP.secretAccessKey}\naws_session_token = ${TEMP.sessionToken}\n`,
  });
  await profiles.chooseForRequest('temp');
  // The typed keys are not the ones that sign: the profile's are.
  await playground.fillCredentials({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-these' });
  await vault.create(PASSPHRASE);
  expect(await playground.send()).toMatch(/^200\b/);

  await page.reload();
  await expect(vault.lockedPrompt).toBeVisible();
  await expect(page.getByText('Unlock the vault to sign with profile temp.').first()).toBeVisible();
  expectNoSecret(await vault.storedText(), 'storage with a profile in the locked vault');

  await vault.unlock(PASSPHRASE);
  await expect(profiles.profile('temp')).toBeVisible();
  expect(await playground.send()).toMatch(/^200\b/);
});
