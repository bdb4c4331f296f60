import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVectorCases } from '../test-support/vectors/loadVectorCases';
import { serveBundle, type BundleServer } from '../test-support/browser/bundleServer';
import type { SigV4VectorsReport } from '../test-support/browser/vectorsEntry';
import { VectorsPage } from './pages/vectorsPage';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vectorsDir = path.resolve(repoRoot, 'test-vectors/aws/v4');
const entryPoint = path.resolve(repoRoot, 'test-support/browser/vectorsEntry.ts');

let server: BundleServer;

test.beforeAll(async () => {
  server = await serveBundle(entryPoint);
});

test.afterAll(async () => {
  await server?.close();
});

/** None failed and `passed` passed (one per case and signing mode), all on WebCrypto. */
function expectAllPassed(report: SigV4VectorsReport, passed: number) {
  const failures = report.lines.join('\n');
  expect(report.failed, failures).toBe(0);
  expect(report.passed, failures).toBe(passed);
  expect(report.cryptoName).toBe('webcrypto');
}

test("AWS's SigV4 vectors pass in Chromium through crypto.subtle", async ({ page }) => {
  const cases = loadVectorCases(vectorsDir);
  expect(cases, `test-suite cases in ${vectorsDir}`).toHaveLength(38);

  const { report, calls } = await new VectorsPage(page, server.url).runCountingSubtleCalls(cases);
  expectAllPassed(report, 76);
  expect(calls.sign, 'crypto.subtle.sign calls').toBeGreaterThanOrEqual(76);
  expect(calls.digest, 'crypto.subtle.digest calls').toBeGreaterThan(0);
  expect(calls.importKey, 'crypto.subtle.importKey calls').toBeGreaterThan(0);
});

test('the extra vectors (S3 path rules, unsigned payloads, binary bodies) pass in Chromium too', async ({
  page,
}) => {
  const cases = loadVectorCases(path.resolve(repoRoot, 'test-vectors/v4-extra'));
  expect(cases.length).toBeGreaterThanOrEqual(10);
  // Their bodies only hash right when they reach the page as the bytes on disk.
  expect(cases.map(({ name }) => name)).toEqual(
    expect.arrayContaining([
      'v4-extra/post-body-every-byte-value',
      'v4-extra/post-json-body-crlf',
      'v4-extra/put-s3-body-ending-in-cr',
    ]),
  );
  const report = await new VectorsPage(page, server.url).run(cases);
  expect(report.failed, report.lines.join('\n')).toBe(0);
  expect(report.passed).toBeGreaterThanOrEqual(cases.length);
  expect(report.cryptoName).toBe('webcrypto');
});

test("AWS's SigV4a vectors pass in Chromium through crypto.subtle ECDSA", async ({ page }) => {
  const cases = loadVectorCases(path.resolve(repoRoot, 'test-vectors/aws/v4a'));
  // 38 complete cases + 2 without expected results (skipped by the runner).
  expect(cases).toHaveLength(40);

  const { report, calls } = await new VectorsPage(page, server.url).runCountingSubtleCalls(cases);
  expectAllPassed(report, 76);
  // ECDSA calls only: the HMACs of the key derivation are sign calls too.
  expect(calls.ecdsaSign, 'ECDSA crypto.subtle.sign calls').toBeGreaterThanOrEqual(76);
  // Ours plus the suite's (signature.txt and the one in the signed request) per case and mode.
  expect(calls.ecdsaVerify, 'ECDSA crypto.subtle.verify calls').toBeGreaterThanOrEqual(3 * 76);
});
