// Issue 14 §1: profiles from AWS's own files, chosen per request and per environment, sending to
// the local gateway — demo (AKIDEXAMPLE) may only POST, admin may GET — and an expired profile
// flagged before Send. No secret of a profile is ever on screen.
import { expect } from '@playwright/test';
import { CollectionsPage } from './pages/collections';
import { ProfilesPanel } from './pages/profiles';
import { test } from './pages/playground';

const DEMO_SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const ADMIN_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const CREDENTIALS_FILE = `[demo]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = ${DEMO_SECRET}

[admin]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = ${ADMIN_SECRET}
`;
const CONFIG_FILE = `[profile admin]
region = ca-central-1

[profile reader]
role_arn = arn:aws:iam::850047500507:role/reader
source_profile = demo
mfa_serial = arn:aws:iam::850047500507:mfa/demo
external_id = playground
duration_seconds = 900

[reader]
region = us-east-1
`;

test('three profiles from two files; admin may GET where the typed demo keys get 403', async ({
  playground,
  page,
}) => {
  const profiles = new ProfilesPanel(page);
  await profiles.paste({ credentials: CREDENTIALS_FILE, config: CONFIG_FILE });
  await expect(profiles.report).toContainText('Read 3 profiles: admin, reader, demo.');
  // A bare [reader] in the config file is no profile: the AWS CLI ignores it, and the page says so.
  await expect(profiles.report).toContainText('[reader] is not a profile');
  expect(await profiles.names()).toEqual(['admin', 'reader', 'demo']);
  await expect(profiles.profile('admin')).toContainText('AKIAIOSFODNN7EXAMPLE');
  await expect(profiles.profile('admin')).toContainText('ca-central-1');
  const reader = profiles.profile('reader');
  await expect(reader).toContainText('assume role');
  await expect(reader).toContainText('arn:aws:iam::850047500507:role/reader');
  await expect(reader).toContainText('from profile demo');
  await expect(reader).toContainText('arn:aws:iam::850047500507:mfa/demo');
  await expect(reader).toContainText('external ID playground');
  await expect(reader).toContainText('900 s sessions');
  // The pasted files (with their secret keys) do not stay in the page once read.
  await expect(profiles.section.getByLabel('Credentials file', { exact: true })).toHaveValue('');

  await playground.setRequest({ body: '', method: 'GET' });
  await expect(profiles.signWithSource).toHaveText('Signs with the keys typed below.');
  expect(await playground.send()).toBe('403 Forbidden');

  await profiles.chooseForRequest('admin');
  await expect(profiles.signWithSource).toHaveText(
    'Signs with profile admin (key AKIAIOSFODNN7EXAMPLE), chosen for this request.',
  );
  expect(await playground.send()).toBe('200 OK');
  await expect(playground.artifact('Authorization header')).toContainText(
    'Credential=AKIAIOSFODNN7EXAMPLE/',
  );

  // A role profile cannot sign until it is assumed: Send says why and does not send.
  await profiles.chooseForRequest('reader');
  await expect(profiles.blocked).toHaveText('Profile reader is a role: assume it first.');
  await expect(profiles.sendStatus).toHaveText('Profile reader is a role: assume it first.');
  await expect(playground.sendButton).toBeDisabled();

  const shown = await page.locator('body').innerText();
  expect(shown).not.toContain(ADMIN_SECRET);
  expect(shown).not.toContain(DEMO_SECRET);

  await profiles.remove('demo');
  expect(await profiles.names()).toEqual(['admin', 'reader']);
  await profiles.clearAll();
  await expect(profiles.blocked).toContainText('Profile reader is not on this page');
  await profiles.chooseForRequest('');
  await expect(playground.sendButton).toBeEnabled();
});

test('an environment signs with its profile unless the request names one', async ({
  playground,
  page,
}) => {
  const profiles = new ProfilesPanel(page);
  const collections = new CollectionsPage(page);
  await profiles.paste({ credentials: CREDENTIALS_FILE });
  const environment = await collections.createEnvironment('ops', { name: 'stage', value: 'prod' });
  await profiles.chooseForEnvironment(environment, 'admin');
  await collections.environmentPicker.selectOption({ label: 'ops' });
  await expect(profiles.signWithSource).toHaveText(
    'Signs with profile admin (key AKIAIOSFODNN7EXAMPLE), the profile of the environment ops.',
  );
  await playground.setRequest({ body: '', method: 'GET' });
  expect(await playground.send()).toBe('200 OK');

  await profiles.chooseForRequest('demo');
  await expect(profiles.signWithSource).toContainText('chosen for this request');
  expect(await playground.send()).toBe('403 Forbidden');
});

test('a profile whose keys have expired is flagged before Send', async ({ playground, page }) => {
  const profiles = new ProfilesPanel(page);
  // saml2aws writes the expiry of the keys it wrote as x_security_token_expires.
  await profiles.paste({
    credentials: `[old]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = ${DEMO_SECRET}
x_security_token_expires = 2020-01-01T00:00:00Z
`,
  });
  await expect(profiles.profile('old')).toContainText(/Its keys: expired \d+ days ago/);
  await profiles.chooseForRequest('old');
  await expect(profiles.credentialsPanel).toContainText(/Profile old: expired \d+ days ago/);
  const sendBarFlag = profiles.sendBarExpiry;
  await expect(sendBarFlag).toContainText(/Profile old: expired \d+ days ago/);
  await expect(sendBarFlag).toContainText('AWS refuses expired keys (403 ExpiredToken)');
  await expect(sendBarFlag).toContainText('Send still sends');
  // A warning, not a blocker: the request still goes, so the refusal can be seen.
  await expect(playground.sendButton).toBeEnabled();
  await expect(page.locator('body')).not.toContainText(DEMO_SECRET);
});
