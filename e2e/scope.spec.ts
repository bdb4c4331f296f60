// A user's own API: the credential scope follows the URL they paste, and a hand-set region or
// service the host contradicts is an error on screen before Send, fixed with one click.
import { expect } from '@playwright/test';
import { test } from './pages/playground';

test.describe('the scope follows the URL', () => {
  test('pasting an own-API URL signs for its region and service; the local gateway keeps its own', async ({
    playground,
  }) => {
    // First run: the local gateway's URL, whose scope the page knows.
    await expect(playground.region).toHaveValue('ca-central-1');
    await expect(playground.service).toHaveValue('execute-api');

    for (const [url, region, service] of [
      ['https://abc123.execute-api.eu-west-1.amazonaws.com/dev/items', 'eu-west-1', 'execute-api'],
      ['https://abcdefghij.lambda-url.us-west-2.on.aws/', 'us-west-2', 'lambda'],
      ['https://my-bucket.s3.us-east-2.amazonaws.com/key.txt', 'us-east-2', 's3'],
    ] as const) {
      await playground.url.fill(url);
      await expect(playground.region).toHaveValue(region);
      await expect(playground.service).toHaveValue(service);
      await expect(playground.artifact('String to sign')).toContainText(
        `/${region}/${service}/aws4_request`,
      );
    }

    // A reload keeps following the host: nothing was stored as if typed.
    await playground.url.fill('https://abc123.execute-api.eu-west-1.amazonaws.com/dev/items');
    await playground.page.reload();
    await expect(playground.region).toHaveValue('eu-west-1');
  });

  test('a hand-set region the host contradicts is an error before Send, with the fix one click away', async ({
    page,
    playground,
  }) => {
    await playground.url.fill('https://abc123.execute-api.eu-west-1.amazonaws.com/dev/items');
    await playground.region.fill('ca-central-1');

    const sendStatus = page.locator('#send-status');
    await expect(sendStatus).toContainText('1 error above');
    const regionIssues = page.locator('#region-issues');
    await expect(regionIssues).toContainText('host says eu-west-1');
    await expect(playground.artifact('String to sign')).toContainText('/ca-central-1/');

    await regionIssues.getByRole('button', { name: /^Fix: eu-west-1$/ }).click();
    await expect(playground.region).toHaveValue('eu-west-1');
    await expect(regionIssues).toBeHidden();
    await expect(playground.artifact('String to sign')).toContainText('/eu-west-1/execute-api/');
  });

  test('a custom domain keeps the values chosen by hand, and says why', async ({
    page,
    playground,
  }) => {
    await playground.region.fill('eu-west-1');
    await playground.url.fill('https://api.example.com/items');
    await expect(playground.region).toHaveValue('eu-west-1');
    await expect(playground.service).toHaveValue('');
    await expect(
      page.getByText('A custom domain does not say its region and service'),
    ).toBeVisible();
  });
});
