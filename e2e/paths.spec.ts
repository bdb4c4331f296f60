// Journeys about the request's form: which bytes are signed when the browser, or S3, sees the path
// (or the header lines) differently from how they were typed. Against `npm start`
// (playwright.config.ts), like the others.
import { expect, test } from '@playwright/test';
import { LOCAL_IDENTITIES } from '../src/request/defaults';
import { PlaygroundPage } from './pages/playground';

const admin = LOCAL_IDENTITIES.find((candidate) => candidate.name === 'admin')!;

test.describe('path forms', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('direct: the path the browser rewrites is the one signed, and the gateway answers 200', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.fillCredentials(admin);
    await playground.setRequest({
      body: '',
      method: 'GET',
      url: 'http://127.0.0.1:5174/prod/hello/x/..',
    });

    // Through the relay the path goes out as typed; AWS's signers canonicalize it to /prod/hello.
    expect((await playground.artifactText('Canonical request')).split('\n')[1]).toBe('/prod/hello');
    expect(await playground.send()).toMatch(/^200\b/);

    // fetch() sends /prod/hello/ for it: that path is signed, and the step says why.
    await playground.setTransport('direct');
    const steps = playground.artifact('Canonical request');
    await expect(steps).toContainText(
      'the browser rewrites the path /prod/hello/x/.. to /prod/hello/',
    );
    expect((await playground.artifactText('Canonical request')).split('\n')[1]).toBe(
      '/prod/hello/',
    );
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('direct: a header typed on two lines is signed as the one line fetch sends, and the gateway answers 200', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    // A name the local gateway's CORS lets a page send, on two lines.
    await playground.addHeader('X-Amz-User-Agent', 'a');
    await playground.addHeader('X-Amz-User-Agent', 'b');

    // The relay sends both lines; a signer joins them by ",".
    expect(await playground.artifactText('Canonical request')).toContain('x-amz-user-agent:a,b');
    expect(await playground.send()).toMatch(/^200\b/);

    // fetch() sends one line, "a, b": that line is signed, and the step says why.
    await playground.setTransport('direct');
    expect(await playground.artifactText('Canonical request')).toContain('x-amz-user-agent:a, b');
    await expect(playground.artifact('Canonical request')).toContainText(
      'the browser sends a header given on several lines as one line',
    );
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('S3 rules: a path not in canonical encoding is flagged, and its fix rewrites the URL', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.setRequest({ url: 'http://127.0.0.1:5174/bucket/a*b%2a%41', service: 's3' });

    // Signed as written, as AWS's signers do, and the step says it is not the canonical form.
    expect((await playground.artifactText('Canonical request')).split('\n')[1]).toBe(
      '/bucket/a*b%2a%41',
    );
    await expect(playground.artifact('Canonical request')).toContainText(
      "not in AWS's canonical encoding (/bucket/a%2Ab%2AA)",
    );

    const warning = page.getByRole('listitem').filter({ hasText: "With S3's path rules" });
    await expect(warning).toContainText('"*" is not escaped (AWS writes %2A)');
    await warning.getByRole('button', { name: /^Fix:/ }).click();

    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/bucket/a%2Ab%2AA');
    await expect(warning).toHaveCount(0);
    expect((await playground.artifactText('Canonical request')).split('\n')[1]).toBe(
      '/bucket/a%2Ab%2AA',
    );
  });
});
