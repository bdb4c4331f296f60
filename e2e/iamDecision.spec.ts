// Issue 16's journeys: the local gateway's IAM decision on the page, and the policy changed from
// the page. Each test runs its own playground and gateway (server/playgroundServer.ts) on free
// ports over a copy of the default configuration, so the edits never reach the gateway other specs
// share under npm start.
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH } from '../server/gateway/gatewayConfig';
import { startPlayground } from '../server/playgroundServer';
import { IamDecisionPage } from './pages/iamDecision';
import { PlaygroundPage, test as base } from './pages/playground';

const API = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg';

const test = base.extend<{ own: { playground: PlaygroundPage; iam: IamDecisionPage } }>({
  own: async ({ page }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'iam-decision-'));
    const configPath = path.join(dir, 'gateway.config.json');
    copyFileSync(DEFAULT_CONFIG_PATH, configPath);
    const running = await startPlayground({
      port: 0,
      gatewayPort: 0,
      configPath,
      gatewayLog: { format: 'text', quiet: true },
    });
    try {
      const playground = new PlaygroundPage(page);
      await playground.open(running.playground.url);
      await use({ playground, iam: new IamDecisionPage(page, playground) });
    } finally {
      await running.playground.close();
      await running.gateway?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

test.describe('the IAM decision', () => {
  test('GET as demo: 403 pointing at the POST-only statement; allowed on the page, Try again gives 200', async ({
    own: { playground, iam },
  }) => {
    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(iam.rule).toHaveText(
      'Denied: no statement allows execute-api:Invoke on …/prod/GET/hello; statement 0 (InvokePostOnly) of demo’s identity policy allows only …/*/POST/*.',
    );
    await expect(iam.decision).toContainText('AWS never does');
    // The error doctor says it in the same words.
    await expect(playground.errorDoctor).toContainText(
      'statement 0 (InvokePostOnly) of demo’s identity policy allows only …/*/POST/*',
    );
    const statement = iam.statement(/^Statement 0 \(InvokePostOnly\)/);
    await expect(statement).toContainText('Resource does not match');
    await expect(iam.differences(statement)).toHaveText(['POST', 'GET']);

    await iam.whyDenied.click();
    await expect(iam.editor).toBeVisible();
    await expect(iam.policy).toHaveValue('identity:demo');
    await expect(iam.panel).toContainText('Statement 0 of this policy is the one to change');
    await expect(iam.suggestion).toContainText(`"Resource": "${API}/prod/GET/hello"`);

    const current = await iam.editor.inputValue();
    await iam.typePolicy(current.replace('/*/POST/*', '/*/*/hello'));
    await expect(iam.check).toHaveText('Valid policy (not applied yet).');
    await iam.apply();
    await expect(iam.applied).toContainText('Applied');
    await expect(iam.applied).toContainText('not written to');

    expect(await iam.tryAgain()).toMatch(/^200\b/);
    await expect(iam.rule).toHaveText(
      'Allowed: statement 0 (InvokePostOnly) of demo’s identity policy allows execute-api:Invoke on …/prod/GET/hello.',
    );
    await expect(iam.statement(/^Statement 0 \(InvokePostOnly\), decided$/)).toBeVisible();
  });

  test('Apply suggestion allows exactly the refused request', async ({
    own: { playground, iam },
  }) => {
    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^403\b/);
    await iam.whyDenied.click();
    await iam.suggestion.getByRole('button', { name: 'Apply suggestion' }).click();
    await expect(iam.applied).toContainText('Applied');
    await expect(iam.editor).toHaveValue(/"Sid": "AllowGetHello"/);
    expect(await iam.tryAgain()).toMatch(/^200\b/);
    await expect(iam.rule).toContainText('statement 1 (AllowGetHello)');
  });

  test('a resource policy denying 127.0.0.0/8: 403 naming the resource policy', async ({
    own: { playground, iam },
  }) => {
    await iam.openPanel();
    await iam.choosePolicy('API resource policy');
    await iam.typePolicy(
      JSON.stringify(
        {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyLoopback',
              Effect: 'Deny',
              Principal: '*',
              Action: 'execute-api:Invoke',
              Resource: `${API}/*`,
              Condition: { IpAddress: { 'aws:SourceIp': '127.0.0.0/8' } },
            },
          ],
        },
        null,
        2,
      ),
    );
    await iam.apply();
    // The first-run request: POST, which demo's own policy allows.
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(iam.rule).toHaveText(
      'Denied explicitly: statement 0 (DenyLoopback) of the API’s resource policy matches execute-api:Invoke on …/prod/POST/hello, and an explicit Deny wins over every Allow.',
    );
    await expect(iam.statement(/^Statement 0 \(DenyLoopback\), decided$/)).toContainText(
      '127.0.0.0/8',
    );
  });

  test('a malformed policy is refused with its line, and nothing is applied', async ({
    own: { playground, iam },
  }) => {
    await iam.openPanel();
    await iam.typePolicy(
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Permit", "Action": "*", "Resource": "*" }\n  ]\n}',
    );
    await expect(iam.check).toContainText('line 4, column');
    await expect(iam.check).toContainText('Statement[0].Effect');
    await iam.apply();
    await expect(iam.applied).toContainText('nothing was applied: line 4');

    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^403\b/);
  });

  test('a 403 without a decision says why there is none', async ({ own: { playground, iam } }) => {
    // A wrong secret: the signature fails, so no policy was asked and no decision comes.
    await playground.secretAccessKey.fill('wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ');
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.response).toContainText(
      'No IAM decision with this answer: the signature or credentials were refused before any policy was evaluated',
    );
    await expect(playground.response).not.toContainText('AWS never says');
    await expect(iam.decision).toHaveCount(0);
  });

  test('the body viewer below the answer does not move when the decision view loads', async ({
    page,
    own: { playground, iam },
  }) => {
    // Hold the decision view's code until the rest of the answer is on screen, so the one change
    // between the two measures is the view replacing its placeholder.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/IamDecisionView-[^/]*\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.errorDoctor).toBeVisible();
    await expect(iam.bodyViewer).toBeVisible();
    await expect(iam.decision).toHaveCount(0);
    const before = await iam.documentTop(iam.bodyViewer);
    release();
    await expect(iam.rule).toBeVisible();
    expect(await iam.documentTop(iam.bodyViewer)).toBe(before);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the decision and the policies panel pass axe (${colorScheme})`, async ({
      page,
      own: { playground, iam },
    }) => {
      await page.emulateMedia({ colorScheme });
      await playground.setRequest({ body: '', method: 'GET' });
      expect(await playground.send()).toMatch(/^403\b/);
      await iam.whyDenied.click();
      await expect(iam.suggestion).toBeVisible();
      await iam.typePolicy('{ "Statement": [ { "Effect": "Permit" } ] }');
      const { violations } = await new AxeBuilder({ page })
        .include('#iam-decision-title')
        .include('section[aria-label="IAM decision"], section.iam-decision')
        .include('section[aria-label="Gateway policies"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        violations
          .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
          .map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`,
          ),
      ).toEqual([]);
    });
  }
});
