// User journeys through the playground page, against `npm start` (playwright.config.ts): the
// built app, the relay and the local API Gateway, as a user runs them. Elements are found by role
// and accessible name only (e2e/pages/playground.ts), and every check is on what the page shows.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGatewayConfig } from '../server/gateway/gatewayConfig';
import { startGateway } from '../server/gateway/gatewayServer';
import { LOCAL_IDENTITIES, type LocalIdentity } from '../src/request/defaults';
import { explainErrorType } from '../src/request/explainErrorType';
import { parseRequestText } from '../test-support/vectors/parseRequestText';
import { PlaygroundPage } from './pages/playground';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vectorsDir = path.resolve(repoRoot, '../shared/sigv4-test-suite/v4');

function identity(name: LocalIdentity['name']): LocalIdentity {
  const found = LOCAL_IDENTITIES.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No local identity named ${name}`);
  return found;
}
const demo = identity('demo');
const admin = identity('admin');
const temp = identity('temp');

/** The hello Lambda's answer; the page may show the JSON string as sent (quotes escaped) or decoded. */
const helloAnswer = (caller: string, rest: string) =>
  new RegExp(
    `${caller} sent a ${rest}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/"/g, '\\\\?"'),
  );

/** The x-amzn-ErrorType and its explanation, both on screen. */
async function expectErrorType(playground: PlaygroundPage, type: string) {
  await expect(playground.response).toContainText(type);
  await expect(playground.response).toContainText(explainErrorType(type)!);
}

test.describe('the playground page', () => {
  test.describe.configure({ mode: 'serial' });
  // artifactText() reads what a section's Copy button copies.
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('first run: Send gets the local gateway’s 200 for the demo identity', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();

    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText(
      helloAnswer('arn:aws:iam::850047500507:user/demo', 'POST with body: {"hello":"world"}'),
    );
    await playground.screenshot('first-run');
  });

  test('GET as demo is denied and explained; the admin keys may', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.setRequest({ body: '', method: 'GET' });

    expect(await playground.send()).toMatch(/^403\b/);
    await expectErrorType(playground, 'AccessDeniedException');
    await expect(playground.response).toContainText(
      'User: arn:aws:iam::850047500507:user/demo is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/GET/hello',
    );
    await playground.screenshot('get-as-demo-denied');

    await playground.fillCredentials(admin);
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText(
      helloAnswer('arn:aws:iam::850047500507:user/admin', 'GET'),
    );
    await playground.screenshot('get-as-admin');
  });

  test('a wrong secret key gets InvalidSignatureException', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.fillCredentials({
      accessKeyId: demo.accessKeyId,
      secretAccessKey: demo.secretAccessKey.replace(/KEY$/, 'KEZ'),
    });

    expect(await playground.send()).toMatch(/^403\b/);
    await expectErrorType(playground, 'InvalidSignatureException');
    await expect(playground.response).toContainText(
      'The request signature we calculated does not match the signature you provided.',
    );
    await playground.screenshot('wrong-secret');
  });

  test('temporary keys need their session token', async ({ page }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.fillCredentials({
      accessKeyId: temp.accessKeyId,
      secretAccessKey: temp.secretAccessKey,
      sessionToken: '',
    });

    // The validator's warning, tied to the field it is about.
    await expect(playground.sessionToken).toHaveAccessibleDescription(/session token/i);
    expect(await playground.send()).toMatch(/^403\b/);
    await expectErrorType(playground, 'UnrecognizedClientException');
    await expect(playground.response).toContainText(
      'The security token included in the request is invalid.',
    );
    await playground.screenshot('temporary-keys-without-token');

    await playground.sessionToken.fill(temp.sessionToken!);
    await expect(playground.sessionToken).not.toHaveAccessibleDescription(/ASIA/);
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText(
      helloAnswer(
        'arn:aws:sts::850047500507:assumed-role/playground/demo-session',
        'POST with body: {"hello":"world"}',
      ),
    );
    await playground.screenshot('temporary-keys-with-token');
  });

  test('a presigned URL works when fetched as it is', async ({ page, request }) => {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.fillCredentials(admin);
    // A link carries no headers: with content-type gone, only host is signed.
    await playground.setHeaders([]);
    await playground.setRequest({ body: '', method: 'GET' });
    await playground.setSigningMode('query');
    await expect(playground.expiresIn).toBeVisible();

    const presignedUrl = await playground.artifactText('Presigned URL');
    expect(presignedUrl).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/prod\/hello\?.*X-Amz-Signature=[0-9a-f]{64}/,
    );
    const answer = await request.get(presignedUrl);
    const text = await answer.text();
    expect(answer.status(), text).toBe(200);
    expect(text).toMatch(helloAnswer('arn:aws:iam::850047500507:user/admin', 'GET'));
    await playground.screenshot('presigned-url');
  });

  // AWS's own test suite, entered by hand: the page must show its files to the byte.
  for (const name of [
    'get-vanilla',
    'post-x-www-form-urlencoded',
    'get-vanilla-query-order-encoded',
  ]) {
    test(`shows the test suite's ${name} artifacts exactly`, async ({ page }) => {
      const read = (file: string) => readFileSync(path.join(vectorsDir, name, file), 'utf8');
      const context = JSON.parse(read('context.json')) as {
        credentials: { access_key_id: string; secret_access_key: string };
        region: string;
        service: string;
        sign_body?: boolean;
        timestamp: string;
      };
      const vector = parseRequestText(read('request.txt'));
      const host = vector.headers.find(([header]) => header.toLowerCase() === 'host')![1];

      const playground = new PlaygroundPage(page);
      await playground.open();
      await playground.fillCredentials({
        accessKeyId: context.credentials.access_key_id,
        secretAccessKey: context.credentials.secret_access_key,
        sessionToken: '',
      });
      // Host comes from the URL, as the suite's own signer takes it.
      await playground.setHeaders(
        vector.headers.filter(([header]) => header.toLowerCase() !== 'host'),
      );
      await playground.setRequest({
        // sign_body false: the suite signs the empty payload whatever the body.
        body: context.sign_body ? vector.body : '',
        method: vector.method,
        url: `https://${host}${vector.target}`,
        region: context.region,
        service: context.service,
      });
      await playground.setSigningTime(context.timestamp);
      await playground.setSigningMode('header');
      await playground.setContentSha256Header(context.sign_body === true);

      const signature = read('header-signature.txt').trim();
      await expect(playground.artifact('Signature')).toContainText(signature);
      expect(await playground.artifactText('Canonical request')).toBe(
        read('header-canonical-request.txt'),
      );
      expect(await playground.artifactText('String to sign')).toBe(
        read('header-string-to-sign.txt'),
      );
      expect(await playground.artifactText('Signature')).toBe(signature);
      await playground.screenshot(`vector-${name}`);
    });
  }

  test('an API without CORS is reported as "Blocked by CORS" when sent directly', async ({
    page,
  }) => {
    const config = loadGatewayConfig();
    const noCors = await startGateway({
      config: { ...config, cors: { ...config.cors, enabled: false } },
      port: 0,
      log: () => {},
    });
    try {
      const playground = new PlaygroundPage(page);
      await playground.open();
      await playground.setTransport('direct');

      // The local gateway allows any origin: direct works there.
      expect(await playground.send()).toMatch(/^200\b/);

      await playground.setRequest({ url: `${noCors.url}/${config.stage}/hello` });
      expect(await playground.send()).toContain('Blocked by CORS');
      await expect(playground.response).toContainText('Access-Control-Allow-Origin');
      await playground.screenshot('cors-blocked');
    } finally {
      await noCors.close();
    }
  });
});
