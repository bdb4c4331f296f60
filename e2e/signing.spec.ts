// The live signature is one piece of state: every panel shows the same signing, and a keystroke
// signs once however many panels show it. Against npm start, found by role and label.
import { expect, test } from '@playwright/test';
import { PlaygroundPage } from './pages/playground';

/** A signature mismatch as S3 words it: the server's canonical request and string to sign. */
const MISMATCH_ERROR = [
  '<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code>',
  '<Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message>',
  '<StringToSign>AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/execute-api/aws4_request\n0000</StringToSign>',
  '<CanonicalRequest>POST\n/prod/hello\n\nhost:127.0.0.1:5174\n\nhost\nUNSIGNED-PAYLOAD</CanonicalRequest></Error>',
].join('');

/** A DER ECDSA P-256 signature in hex (SigV4A): SEQUENCE (30), 68 to 72 bytes. */
const SIGV4A_SIGNATURE = /\b30[0-9a-f]{134,142}\b/g;

test('with the paste-error panel open, a keystroke signs once and one SigV4A signature shows', async ({
  page,
}) => {
  // Counts the page's ECDSA signings as WebCrypto does them (each SigV4A signing makes one).
  await page.addInitScript(() => {
    const subtle = globalThis.crypto.subtle;
    const sign = subtle.sign.bind(subtle);
    const counter = globalThis as unknown as { ecdsaSignings: number };
    counter.ecdsaSignings = 0;
    subtle.sign = (algorithm, key, data) => {
      if (typeof algorithm === 'object' && algorithm.name === 'ECDSA') counter.ecdsaSignings += 1;
      return sign(algorithm, key, data);
    };
  });
  const ecdsaSignings = () =>
    page.evaluate(() => (globalThis as unknown as { ecdsaSignings: number }).ecdsaSignings);

  const playground = new PlaygroundPage(page);
  await playground.open();
  await playground.setAlgorithm('sigv4a');
  await expect(playground.artifact('Signature')).toContainText(SIGV4A_SIGNATURE);
  await playground.pasteAwsError(MISMATCH_ERROR);
  const oursColumn = playground.signatureMismatch
    .getByRole('table', { name: /^Canonical request/ })
    .getByRole('row');
  const payloadHash = async () =>
    /[0-9a-f]{64}/.exec(await playground.artifact('Hashed payload').innerText())![0];
  const before = await payloadHash();
  await expect(oursColumn.filter({ hasText: before })).toHaveCount(1);

  const signingsBefore = await ecdsaSignings();
  await playground.body.press('End');
  await page.keyboard.type('!');
  // Both panels now show the new body's signing: the steps, and the mismatch view's "Ours".
  await expect.poll(payloadHash).not.toBe(before);
  await expect(oursColumn.filter({ hasText: await payloadHash() })).toHaveCount(1);
  expect(await ecdsaSignings()).toBe(signingsBefore + 1);

  const onScreen = new Set((await page.locator('body').innerText()).match(SIGV4A_SIGNATURE));
  expect(onScreen.size).toBe(1);
  await expect(playground.artifact('Signature')).toContainText([...onScreen][0]!);
});

test("the steps carry the numbers of AWS's documentation, so a learner can follow both", async ({
  page,
}) => {
  const playground = new PlaygroundPage(page);
  await playground.open();
  const numbered = [
    ['Canonical request', '1'],
    ['Hashed payload', '1'],
    ['String to sign', '2–3'],
    ['Signing key', '4'],
    ['Signature', '4'],
    ['Authorization header', '5'],
  ] as const;
  for (const [heading, step] of numbered) {
    await expect(
      page.getByRole('heading', { name: heading, exact: true }).locator('.step-number'),
    ).toHaveAttribute('data-step', step);
  }
  await expect(playground.artifact('Canonical request')).toContainText('sorted by name');
});
