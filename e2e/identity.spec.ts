// Issue 14 §3-4 against the local gateway's STS: "Who am I?", "Assume role" and the STS call's
// own signing steps, as a user goes through them. The gateway's default configuration has the
// demo user (may only POST) and the role reader (trusts demo, may GET).
import { expect } from '@playwright/test';
import { IdentityPanel } from './pages/identity';
import { ProfilesPanel } from './pages/profiles';
import { TabBar } from './pages/tabs';
import { test } from './pages/playground';

const CREDENTIALS_FILE = `[demo]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY

[admin]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;
const CONFIG_FILE = `[profile reader]
role_arn = arn:aws:iam::850047500507:role/reader
source_profile = demo
`;
const DEMO_ARN = 'arn:aws:iam::850047500507:user/demo';
const READER_SESSION = /arn:aws:sts::850047500507:assumed-role\/reader\/[\w+=,.@-]+/;

test('demo may not GET; it assumes reader, and reader may', async ({ playground, page }) => {
  const profiles = new ProfilesPanel(page);
  const identity = new IdentityPanel(page);
  await profiles.paste({ credentials: CREDENTIALS_FILE, config: CONFIG_FILE });
  await profiles.chooseForRequest('demo');
  await playground.setRequest({ body: '', method: 'GET' });
  expect(await playground.send()).toBe('403 Forbidden');

  // The error doctor offers "Who am I?" for the refusal: demo's keys are demo's.
  const doctorsWho = await identity.askWhoAmI(playground.errorDoctor);
  await expect(identity.callerIdentity(doctorsWho)).toContainText(DEMO_ARN);

  const slot = await identity.assumeRole('reader');
  await expect(slot).toContainText(READER_SESSION);
  // The profile says until when its keys are good (beside its Assume role / Refresh button).
  await expect(profiles.profile('reader')).toContainText(/until \d{4}-\d\d-\d\dT[\d:]+Z/);
  expect(await playground.send()).toBe('200 OK');
  // The role's session token, from STS, is in no field: the steps draw it masked.
  await expect(playground.artifact('Canonical request')).toContainText(
    /x-amz-security-token:•{40,}/,
  );

  const who = await identity.askWhoAmI();
  await expect(identity.callerIdentity(who)).toContainText(READER_SESSION);
  // Nothing secret of the role's keys is on screen.
  await expect(page.locator('body')).not.toContainText('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
});

test('a role that does not trust the caller is refused in a sentence', async ({
  playground,
  page,
}) => {
  await expect(playground.accessKeyId).toHaveValue('AKIDEXAMPLE');
  const identity = new IdentityPanel(page);
  const form = await identity.fillAssumeRoleForm({
    roleArn: 'arn:aws:iam::850047500507:role/nobody',
    name: 'nobody',
  });
  await form.getByRole('button', { name: 'Assume role', exact: true }).click();
  await expect(form.getByRole('alert')).toContainText(/may not assume that role/, {
    timeout: 15_000,
  });
});

test('the STS call opens as a tab whose steps sign it', async ({ playground, page }) => {
  const identity = new IdentityPanel(page);
  const tabs = new TabBar(page);
  const who = await identity.askWhoAmI();
  await expect(identity.callerIdentity(who)).toContainText(DEMO_ARN);
  const before = await tabs.tabs.count();
  await identity.showHowSigned(who);
  await expect(tabs.tabs).toHaveCount(before + 1);
  await expect(playground.body).toHaveValue('Action=GetCallerIdentity&Version=2011-06-15');
  await expect(playground.artifact('Canonical request')).toContainText('POST');
  await expect(playground.artifact('Canonical request')).toContainText(
    'content-type:application/x-www-form-urlencoded; charset=utf-8',
  );
  await expect(playground.artifact('String to sign')).toContainText('/us-east-1/sts/aws4_request');
  await expect(playground.service).toHaveValue('sts');
});
