// User journeys through the playground page, against `npm start` (playwright.config.ts): the
// built app, the relay and the local API Gateway, as a user runs them. Elements are found by role
// and accessible name only (e2e/pages/playground.ts), and every check is on what the page shows.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_IDENTITIES, type LocalIdentity } from '../src/request/defaults';
import { explainErrorType } from '../src/diagnosis/explainErrorType';
import { parseRequestText } from '../test-support/vectors/parseRequestText';
import { startGatewayWithoutCors } from '../test-support/gatewayWithoutCors';
import { PlaygroundPage, test } from './pages/playground';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vectorsDir = path.resolve(repoRoot, 'test-vectors/aws/v4');

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

/** What differs between the two algorithms, as the page and the wire show it. */
const ALGORITHMS = [
  {
    algorithm: 'sigv4',
    label: 'SigV4',
    /** The radio's name, and the row a share link's proposal shows. */
    radio: 'SigV4',
    proposal: 'SigV4 (HMAC-SHA256)',
    stringToSignAlgorithm: 'AWS4-HMAC-SHA256',
    scope: /^\d{8}\/ca-central-1\/execute-api\/aws4_request$/,
    signature: /^[0-9a-f]{64}$/,
    /** SigV4 signs for the region of the scope: no region set. */
    regionSet: undefined,
    presignedQuery: /X-Amz-Algorithm=AWS4-HMAC-SHA256.*X-Amz-Signature=[0-9a-f]{64}/,
  },
  {
    algorithm: 'sigv4a',
    label: 'SigV4A',
    radio: 'SigV4A (ECDSA P-256)',
    proposal: 'SigV4A (ECDSA P-256)',
    stringToSignAlgorithm: 'AWS4-ECDSA-P256-SHA256',
    // The scope has no region: X-Amz-Region-Set says where the signature is valid.
    scope: /^\d{8}\/execute-api\/aws4_request$/,
    // DER-encoded ECDSA, randomized: a new one each time.
    signature: /^30[0-9a-f]{136,142}$/,
    regionSet: 'us-*,ca-central-1',
    presignedQuery:
      /X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256.*X-Amz-Region-Set=us-%2A%2Cca-central-1.*X-Amz-Signature=30[0-9a-f]+/,
  },
] as const;

const OTHER_ALGORITHM = { sigv4: 'sigv4a', sigv4a: 'sigv4' } as const;

test.describe('SigV4 and SigV4A', () => {
  // artifactText() and the share link read what a Copy button copies.
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const signing of ALGORITHMS) {
    test(`${signing.label}: Send gets the local gateway’s 200, signed as the steps show`, async ({
      playground,
    }) => {
      // SigV4: the first-run request, as it is.
      await playground.setAlgorithm(signing.algorithm);
      if (signing.regionSet !== undefined) await playground.regionSet.fill(signing.regionSet);

      await expect(playground.artifact('String to sign')).toContainText(
        signing.stringToSignAlgorithm,
      );
      const [algorithmLine, , scope] = (await playground.artifactText('String to sign')).split(
        '\n',
      );
      expect(algorithmLine).toBe(signing.stringToSignAlgorithm);
      expect(scope).toMatch(signing.scope);
      expect(await playground.artifactText('Signature')).toMatch(signing.signature);

      expect(await playground.send()).toMatch(/^200\b/);
      await expect(playground.response).toContainText(
        helloAnswer('arn:aws:iam::850047500507:user/demo', 'POST with body: {"hello":"world"}'),
      );
    });

    test(`${signing.label}: a presigned URL works when fetched as it is`, async ({
      request,
      playground,
    }) => {
      await playground.fillCredentials(admin);
      // A link carries no headers: with content-type gone, only host is signed.
      await playground.setHeaders([]);
      await playground.setRequest({ body: '', method: 'GET' });
      await playground.setSigningMode('query');
      await playground.setAlgorithm(signing.algorithm);
      if (signing.regionSet !== undefined) await playground.regionSet.fill(signing.regionSet);
      await expect(playground.expiresIn).toBeVisible();

      await expect(playground.artifact('Presigned URL')).toContainText(signing.presignedQuery);
      const presignedUrl = await playground.artifactText('Presigned URL');
      expect(presignedUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/prod\/hello\?/);
      expect(presignedUrl).toMatch(signing.presignedQuery);
      const answer = await request.get(presignedUrl);
      const text = await answer.text();
      expect(answer.status(), text).toBe(200);
      expect(text).toMatch(helloAnswer('arn:aws:iam::850047500507:user/admin', 'GET'));
    });

    test(`${signing.label}: a share link keeps the algorithm`, async ({ browser, playground }) => {
      await playground.setAlgorithm(signing.algorithm);
      if (signing.regionSet !== undefined) await playground.regionSet.fill(signing.regionSet);
      const link = await playground.copyShareLink();

      // A fresh browser profile, set to the other algorithm: only the link can bring this one.
      const elsewhere = await browser.newContext();
      try {
        const other = new PlaygroundPage(await elsewhere.newPage());
        await other.open();
        await other.setAlgorithm(OTHER_ALGORITHM[signing.algorithm]);
        await other.page.goto(link);
        await expect(other.sharedRequest).toContainText(signing.proposal);
        await other.openSharedRequest();
        await expect(
          other.page.getByRole('radio', { name: signing.radio, exact: true }),
        ).toBeChecked();
        if (signing.regionSet !== undefined)
          await expect(other.regionSet).toHaveValue(signing.regionSet);
        await expect(other.artifact('String to sign')).toContainText(signing.stringToSignAlgorithm);
      } finally {
        await elsewhere.close();
      }
    });

    test(`${signing.label}: "Check a signature" finds the page’s own curl command valid with its secret only`, async ({
      playground,
    }) => {
      await playground.setAlgorithm(signing.algorithm);
      await expect(playground.artifact('String to sign')).toContainText(
        signing.stringToSignAlgorithm,
      );
      const curl = await playground.requestAsCurl();
      expect(curl).toMatch(/^curl /);
      expect(curl).toContain(`Authorization: ${signing.stringToSignAlgorithm}`);

      expect(await playground.checkSignature(curl, demo.secretAccessKey)).toBe('Valid');
      // Its canonical request and string to sign, as the page's own steps show them.
      const canonical = await playground.artifactText('Canonical request');
      await expect(playground.checkSignaturePanel).toContainText(canonical.split('\n')[0]!);
      await expect(playground.checkSignaturePanel).toContainText(signing.stringToSignAlgorithm);

      const wrong = demo.secretAccessKey.replace(/KEY$/, 'KEZ');
      expect(await playground.checkSignature(curl, wrong)).toBe('Not valid');
      await expect(
        playground.checkSignaturePanel.getByRole('list', { name: 'Findings' }),
      ).toBeVisible();
    });
  }

  test('SigV4A: the steps show the region set and the key derivation, never the private key', async ({
    playground,
  }) => {
    await playground.setAlgorithm('sigv4a');
    await expect(playground.regionSet).toBeVisible();
    await expect(playground.regionSet).toHaveAttribute('placeholder', /ca-central-1/);

    const canonical = playground.artifact('Canonical request');
    await expect(canonical).toContainText('x-amz-region-set:ca-central-1');
    await expect(
      canonical.getByRole('listitem').filter({ hasText: 'x-amz-region-set:' }),
    ).toContainText('region set');

    const key = playground.artifact('Signing key');
    const kdf = key.getByRole('definition').filter({ hasText: '00000001' });
    await expect(kdf).toBeVisible();
    for (const part of ['AWS4-ECDSA-P256-SHA256', '"AKIDEXAMPLE"', '00000100']) {
      await expect(key).toContainText(part);
    }
    // The secret is masked like SigV4's kSecret; the public key is shown, the private key never.
    await expect(key).toContainText('AWS4A••••');
    await expect(key).not.toContainText(demo.secretAccessKey);
    await expect(key.getByLabel('Public key', { exact: true })).toContainText(
      /x\s*[0-9a-f]{64}\s*y\s*[0-9a-f]{64}/,
    );
    await expect(playground.artifact('Signature')).toContainText('randomized');
  });

  test('a SigV4A region set without the gateway’s region gets 403 and says why', async ({
    playground,
  }) => {
    await playground.setAlgorithm('sigv4a');
    await playground.regionSet.fill('us-*, eu-west-1');
    await expect(playground.artifact('Canonical request')).toContainText(
      'x-amz-region-set:us-*,eu-west-1',
    );

    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.response).toContainText(
      "Credential should be scoped to a valid region, not 'us-*,eu-west-1'.",
    );
  });
});

test.describe('the playground page', () => {
  // artifactText() reads what a section's Copy button copies.
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('GET as demo is denied and explained; the admin keys may', async ({ playground }) => {
    await playground.setRequest({ body: '', method: 'GET' });

    expect(await playground.send()).toMatch(/^403\b/);
    await expectErrorType(playground, 'AccessDeniedException');
    await expect(playground.response).toContainText(
      'User: arn:aws:iam::850047500507:user/demo is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/GET/hello',
    );

    await playground.fillCredentials(admin);
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText(
      helloAnswer('arn:aws:iam::850047500507:user/admin', 'GET'),
    );
  });

  test('an answer comes with its error doctor and body viewer at once: nothing grows under it afterwards', async ({
    page,
    playground,
  }) => {
    // The answer's views load once the first signature is on screen.
    await page.waitForLoadState('networkidle');
    // What the page holds at the first moment its outcome reads 403.
    const firstFrame = page.evaluate(
      () =>
        new Promise<{ doctor: boolean; viewer: boolean; waiting: boolean }>((resolve) => {
          const observer = new MutationObserver(() => {
            const outcome = document.querySelector('[role="status"][aria-label="Outcome"]');
            if (!outcome?.textContent?.startsWith('403')) return;
            observer.disconnect();
            const text = document.body.innerText;
            resolve({
              doctor: text.includes('Error doctor'),
              viewer:
                document.querySelector('[role="tablist"][aria-label="Response views"]') !== null,
              waiting: text.includes('Reading the error…'),
            });
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
    );
    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^403\b/);
    expect(await firstFrame).toEqual({ doctor: true, viewer: true, waiting: false });
  });

  test('a wrong secret key gets InvalidSignatureException', async ({ playground }) => {
    await playground.fillCredentials({
      accessKeyId: demo.accessKeyId,
      secretAccessKey: demo.secretAccessKey.replace(/KEY$/, 'KEZ'),
    });

    expect(await playground.send()).toMatch(/^403\b/);
    await expectErrorType(playground, 'InvalidSignatureException');
    await expect(playground.response).toContainText(
      'The request signature we calculated does not match the signature you provided.',
    );
  });

  test('temporary keys need their session token', async ({ playground }) => {
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

    await playground.sessionToken.fill(temp.sessionToken!);
    await expect(playground.sessionToken).not.toHaveAccessibleDescription(/ASIA/);
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText(
      helloAnswer(
        'arn:aws:sts::850047500507:assumed-role/playground/demo-session',
        'POST with body: {"hello":"world"}',
      ),
    );
  });

  // AWS's own test suite, entered by hand: the page must show its files to the byte.
  for (const name of [
    'get-vanilla',
    'post-x-www-form-urlencoded',
    'get-vanilla-query-order-encoded',
  ]) {
    test(`shows the test suite's ${name} artifacts exactly`, async ({ playground }) => {
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
        body: context.sign_body ? new TextDecoder().decode(vector.body) : '',
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
    });
  }

  test('an API without CORS is reported as "Blocked by CORS" when sent directly', async ({
    playground,
  }) => {
    const noCors = await startGatewayWithoutCors();
    try {
      await playground.setTransport('direct');

      // The local gateway allows any origin: direct works there.
      expect(await playground.send()).toMatch(/^200\b/);

      await playground.setRequest({ url: noCors.helloUrl });
      expect(await playground.send()).toContain('Blocked by CORS');
      await expect(playground.response).toContainText('Access-Control-Allow-Origin');
    } finally {
      await noCors.close();
    }
  });
});

test.describe('when AWS says no', () => {
  // The Copy buttons write the clipboard; the journeys read it back.
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a wrong secret: the mismatch view compares both sides and blames the secret', async ({
    playground,
  }) => {
    await playground.fillCredentials({
      accessKeyId: demo.accessKeyId,
      secretAccessKey: demo.secretAccessKey.replace(/KEY$/, 'KEZ'),
    });

    expect(await playground.send()).toMatch(/^403\b/);
    const mismatch = playground.signatureMismatch;
    await expect(mismatch).toBeVisible();
    // Both sides, line by line: the server's canonical request is ours here, to the byte.
    await expect(mismatch.getByRole('table', { name: /^Canonical request/ })).toContainText(
      'identical',
    );
    await expect(mismatch.getByRole('table', { name: /^String to sign/ })).toBeVisible();
    await expect(mismatch.getByRole('listitem').first()).toContainText(/secret/i);
  });

  test('a header changed on the way: the mismatch view marks it and says so', async ({
    page,
    playground,
  }) => {
    // Something between client and server (here the test, in the relay call) rewrites a signed
    // header after signing.
    await page.route('**/relay', async (route) => {
      const call = route.request().postDataJSON() as { headers: Array<[string, string]> };
      call.headers = call.headers.map(([name, value]) =>
        name.toLowerCase() === 'content-type' ? [name, 'text/plain'] : [name, value],
      );
      await route.continue({ postData: JSON.stringify(call) });
    });

    expect(await playground.send()).toMatch(/^403\b/);
    const mismatch = playground.signatureMismatch;
    await expect(mismatch).toBeVisible();
    const canonical = mismatch.getByRole('table', { name: /^Canonical request/ });
    await expect(canonical).toContainText('1 differ');
    await expect(canonical.getByRole('row', { name: /differs/ })).toContainText('text/plain');
    await expect(canonical.getByRole('row', { name: /differs/ })).toContainText('application/json');
    await expect(mismatch.getByRole('listitem').first()).toContainText(
      'The content-type header changed on the way',
    );
  });

  test('a signing time 10 minutes ago: "Signature expired" explained, with a fix', async ({
    page,
    playground,
  }) => {
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
    await playground.setSigningTime(tenMinutesAgo);
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    await expect(page.getByText(/expired .* ago/)).toBeVisible();

    expect(await playground.send()).toMatch(/^403\b/);
    const doctor = playground.errorDoctor;
    await expect(doctor).toContainText('Signature expired');
    await expect(doctor).toContainText('more than 5 minutes before the server’s clock');
    await playground.applyDoctorFix('Sign with the current time');
    await expect(playground.signingTime).toHaveValue('');
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('a skewed clock: the Date header is read, and "Sign with the server’s time" fixes it', async ({
    page,
    playground,
  }) => {
    // The server's clock 10 minutes ahead of this one: its Date header says so.
    await page.route('**/relay', async (route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as { headers?: Array<[string, string]> | undefined };
      answer.headers = answer.headers?.map(([name, value]) =>
        name.toLowerCase() === 'date'
          ? [name, new Date(Date.now() + 600_000).toUTCString()]
          : [name, value],
      );
      await route.fulfill({ response, json: answer });
    });
    expect(await playground.send()).toMatch(/^200\b/);
    const notice = playground.response.getByRole('note', { name: 'Clock skew' });
    await expect(notice).toContainText(/\+(599|600|601) s from this machine’s clock/);

    await notice.getByRole('button', { name: 'Sign with the server’s time' }).click();
    await expect(playground.response).toContainText(/clock moved by \+(599|600|601) s/);
    await page.unroute('**/relay');

    // The real gateway's clock is this machine's: a signature 10 minutes ahead is not yet valid.
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.errorDoctor).toContainText('Signature not yet valid');
    await playground.response.getByRole('button', { name: 'Use this machine’s clock' }).click();
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('how long a signature stays valid, counting down', async ({ page, playground }) => {
    const steps = page.getByRole('region', { name: 'Signing steps', exact: true });
    await expect(steps).toContainText(
      /Valid for 4:[0-5]\d more \(API Gateway accepts it 5 minutes either way of X-Amz-Date\)/,
    );
    await playground.setSigningMode('query');
    await expect(steps).toContainText(/The URL expires in 59:[0-5]\d\./);
  });

  for (const wrong of [
    {
      field: 'region',
      value: 'us-east-1',
      right: 'ca-central-1',
      fix: /^Use (region )?ca-central-1$/,
    },
    {
      field: 'service',
      value: 'lambda',
      right: 'execute-api',
      fix: /^Use (service )?execute-api$/,
    },
  ] as const) {
    test(`a wrong ${wrong.field}: the doctor offers ${wrong.right}, and then Send works`, async ({
      playground,
    }) => {
      await playground.setRequest({ [wrong.field]: wrong.value });

      expect(await playground.send()).toMatch(/^403\b/);
      await playground.applyDoctorFix(wrong.fix);
      await expect(playground[wrong.field]).toHaveValue(wrong.right);
      expect(await playground.send()).toMatch(/^200\b/);
    });
  }

  test('temporary keys without their token: the doctor asks for the session token', async ({
    playground,
  }) => {
    await playground.fillCredentials({
      accessKeyId: temp.accessKeyId,
      secretAccessKey: temp.secretAccessKey,
      sessionToken: '',
    });

    expect(await playground.send()).toMatch(/^403\b/);
    const doctor = playground.errorDoctor;
    await expect(doctor).toContainText('Unrecognized access key or session token');
    await expect(doctor).toContainText('only works with its session token');
    await doctor.getByRole('button', { name: 'Add the session token' }).click();
    await expect(playground.sessionToken).toBeFocused();

    await playground.sessionToken.fill(temp.sessionToken!);
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('GET as demo: access denied, with the resource ARN and a policy statement', async ({
    page,
    playground,
  }) => {
    await playground.setRequest({ body: '', method: 'GET' });

    expect(await playground.send()).toMatch(/^403\b/);
    const doctor = playground.errorDoctor;
    const arn = 'arn:aws:execute-api:ca-central-1:850047500507:42mydti3lg/prod/GET/hello';
    await expect(doctor).toContainText(arn);
    await doctor.getByRole('button', { name: 'Copy IAM policy statement' }).click();
    const statement = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as {
      Effect: string;
      Action: string | string[];
      Resource: string | string[];
    };
    expect(statement.Effect).toBe('Allow');
    expect([statement.Action].flat()).toContain('execute-api:Invoke');
    expect([statement.Resource].flat()).toContain(arn);
  });

  test('a pasted short-form mismatch: says what can and cannot be concluded', async ({
    playground,
  }) => {
    await playground.pasteAwsError(
      '{"message":"The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details."}',
    );
    const mismatch = playground.signatureMismatch;
    await expect(mismatch).toContainText('cannot be compared line by line');
    await expect(mismatch.getByRole('listitem').first()).toContainText(
      'cannot tell which part differs',
    );
    // No server side to set against ours: no line-by-line tables.
    await expect(mismatch.getByRole('table')).toHaveCount(0);
  });
});

test.describe('meet users where they are', () => {
  // The share link and the Copy buttons go through the clipboard.
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a curl command with --aws-sigv4 and --user: Import, then Send gets 200', async ({
    playground,
  }) => {
    const said = await playground.importText(
      `curl --aws-sigv4 "aws:amz:ca-central-1:execute-api" --user "${admin.accessKeyId}:${admin.secretAccessKey}" -X GET http://127.0.0.1:5174/prod/hello`,
    );
    expect(said).toContain('Imported a curl command');
    await expect(playground.method).toHaveValue('GET');
    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/prod/hello');
    await expect(playground.region).toHaveValue('ca-central-1');
    await expect(playground.service).toHaveValue('execute-api');
    await expect(playground.accessKeyId).toHaveValue(admin.accessKeyId);
    await expect(playground.secretAccessKey).toHaveValue(admin.secretAccessKey);

    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText(
      helloAnswer('arn:aws:iam::850047500507:user/admin', 'GET'),
    );
  });

  test('an already signed curl command: "Check it" checks that signature; or drop it and re-sign', async ({
    playground,
  }) => {
    const signedCurl = await playground.requestAsCurl();
    expect(signedCurl).toContain('Authorization: AWS4-HMAC-SHA256');
    expect(await playground.importText(signedCurl)).toContain('Imported a curl command');
    const existing = playground.importPanel.getByRole('note', { name: 'Existing signature' });
    await expect(existing).toContainText('Signature=');

    await existing.getByRole('button', { name: 'Check it', exact: true }).click();
    const checkField = playground.checkSignaturePanel.getByLabel('Signed request', { exact: true });
    await expect(checkField).toHaveValue(signedCurl);
    expect(await playground.checkSignature(signedCurl, demo.secretAccessKey)).toBe('Valid');

    await existing.getByRole('button', { name: 'Drop it and re-sign', exact: true }).click();
    await expect(existing).toContainText('signs the request afresh');
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('an already signed SigV4A curl command: Import signs it again as SigV4A, for its region set', async ({
    page,
    playground,
  }) => {
    await playground.setAlgorithm('sigv4a');
    await playground.regionSet.fill('us-*,ca-central-1');
    await expect(playground.artifact('String to sign')).toContainText('AWS4-ECDSA-P256-SHA256');
    const signedCurl = await playground.requestAsCurl();
    expect(signedCurl).toContain('Authorization: AWS4-ECDSA-P256-SHA256');

    // Back to SigV4 with no region set: only the import can bring both back.
    await playground.regionSet.fill('');
    await playground.setAlgorithm('sigv4');
    expect(await playground.importText(signedCurl)).toContain(
      'the signing options switch to SigV4A with that region set',
    );
    await expect(
      page.getByRole('radio', { name: 'SigV4A (ECDSA P-256)', exact: true }),
    ).toBeChecked();
    await expect(playground.regionSet).toHaveValue('us-*,ca-central-1');
    await expect(playground.artifact('String to sign')).toContainText('AWS4-ECDSA-P256-SHA256');
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('aws configure export-credentials --format env: the credential fields are filled', async ({
    page,
    playground,
  }) => {
    const urlBefore = await playground.url.inputValue();
    const said = await playground.importText(
      [
        `export AWS_ACCESS_KEY_ID=${temp.accessKeyId}`,
        `export AWS_SECRET_ACCESS_KEY=${temp.secretAccessKey}`,
        `export AWS_SESSION_TOKEN=${temp.sessionToken!}`,
        'export AWS_CREDENTIAL_EXPIRATION=2030-01-01T00:00:00Z',
      ].join('\n'),
    );
    expect(said).toContain('Filled the credentials');
    await expect(playground.accessKeyId).toHaveValue(temp.accessKeyId);
    await expect(playground.secretAccessKey).toHaveValue(temp.secretAccessKey);
    await expect(playground.sessionToken).toHaveValue(temp.sessionToken!);
    await expect(page.getByLabel('Credentials expiry')).toContainText('2030-01-01T00:00:00Z');
    // Credentials change the credentials only.
    await expect(playground.url).toHaveValue(urlBefore);

    // Something it does not understand: a message, and nothing in the form changes.
    expect(await playground.importText('hello there, world')).toContain('Nothing in the form');
    await expect(playground.accessKeyId).toHaveValue(temp.accessKeyId);
    await expect(playground.url).toHaveValue(urlBefore);
  });

  test('a share link carries the request, never the keys, and opens it elsewhere', async ({
    browser,
    playground,
  }) => {
    await playground.fillCredentials(temp);
    await playground.setRequest({ body: '{"shared":"yes"}', method: 'PUT' });
    const link = await playground.copyShareLink();
    expect(link).toContain('#share=');
    const payload = Buffer.from(
      link.slice(link.indexOf('#share=') + '#share='.length),
      'base64url',
    ).toString('utf8');
    for (const text of [link, decodeURIComponent(link), payload]) {
      expect(text).not.toContain(temp.secretAccessKey);
      expect(text).not.toContain(temp.sessionToken!);
      expect(text).not.toContain(temp.accessKeyId);
    }

    // A fresh browser profile: nothing saved there, so only the link can fill the form.
    const elsewhere = await browser.newContext();
    try {
      const other = new PlaygroundPage(await elsewhere.newPage());
      await other.page.goto(link);
      // The link proposes; the form changes on "Open this request" only.
      await expect(other.sharedRequest).toContainText('PUT');
      await expect(other.method).toHaveValue('POST');
      await other.openSharedRequest();
      await expect(other.method).toHaveValue('PUT');
      await expect(other.body).toHaveValue('{"shared":"yes"}');
      await expect(other.url).toHaveValue('http://127.0.0.1:5174/prod/hello');
      await expect(other.region).toHaveValue('ca-central-1');
      // The fragment is gone once read, and the keys are the page's own, not the sharer's.
      await expect.poll(() => new URL(other.page.url()).hash).toBe('');
      await expect(other.accessKeyId).not.toHaveValue(temp.accessKeyId);
    } finally {
      await elsewhere.close();
    }
  });

  test('History: send two requests, open the first, and the form shows it', async ({
    page,
    playground,
  }) => {
    expect(await playground.send()).toMatch(/^200\b/);
    await playground.fillCredentials(admin);
    await playground.setRequest({ body: '', method: 'GET' });
    expect(await playground.send()).toMatch(/^200\b/);

    const entries = playground.historyEntries;
    await expect(entries).toHaveCount(2);
    await expect(entries.nth(0)).toContainText('GET');
    await expect(entries.nth(1)).toContainText('POST');
    await entries.nth(1).getByRole('button', { name: 'Open', exact: true }).click();
    await expect(playground.method).toHaveValue('POST');
    await expect(playground.body).toHaveValue('{"hello":"world"}');
    // History keeps no keys.
    const saved = await page.evaluate(() => localStorage.getItem('sigv4-playground') ?? '');
    expect(JSON.stringify(JSON.parse(saved).state.history)).not.toContain(admin.secretAccessKey);

    await entries.nth(0).getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(entries).toHaveCount(1);
    await playground.history.getByRole('button', { name: 'Clear history' }).click();
    await expect(entries).toHaveCount(0);
  });

  test('Export: every snippet has a Copy button; the secret only when asked', async ({
    playground,
  }) => {
    const section = playground.exportSection;
    const tabs = section.getByRole('tab');
    await expect(tabs.first()).toBeVisible();
    const count = await tabs.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await expect(section.getByRole('tabpanel')).not.toContainText(demo.secretAccessKey);
    }
    await section
      .getByRole('checkbox', {
        name: 'Include the secret key, session token and credential headers in the code',
      })
      .check();
    await expect(section.getByRole('note')).toContainText('secret key');
  });
});
