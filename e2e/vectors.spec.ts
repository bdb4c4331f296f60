import { expect, test } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVectorCases } from '../test-support/vectors/loadVectorCases';
import { serveBundle, type BundleServer } from '../test-support/browser/bundleServer';
import type { SigV4VectorsReport } from '../test-support/browser/vectorsEntry';
import { toBase64Case } from '../test-support/vectors/vectorCaseBase64';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vectorsDir = path.resolve(repoRoot, 'test-vectors/aws/v4');
const entryPoint = path.resolve(repoRoot, 'test-support/browser/vectorsEntry.ts');

type SubtleMethod = 'digest' | 'sign' | 'importKey';
type SubtleCounts = Record<SubtleMethod, number>;
type CountingWindow = Window & { __subtleCounts?: SubtleCounts };

let server: BundleServer;

test.beforeAll(async () => {
  server = await serveBundle(entryPoint);
});

test.afterAll(async () => {
  await server?.close();
});

test("AWS's SigV4 vectors pass in Chromium through crypto.subtle", async ({ page }) => {
  const cases = loadVectorCases(vectorsDir);
  expect(cases, `test-suite cases in ${vectorsDir}`).toHaveLength(38);

  // Runs before any page script: count SubtleCrypto calls, still delegating to the originals.
  await page.addInitScript(() => {
    const counts = { digest: 0, sign: 0, importKey: 0 };
    (window as CountingWindow).__subtleCounts = counts;
    const prototype = SubtleCrypto.prototype;
    for (const method of ['digest', 'sign', 'importKey'] as const) {
      const original = prototype[method];
      Object.defineProperty(prototype, method, {
        configurable: true,
        writable: true,
        value: function (this: SubtleCrypto, ...args: unknown[]): unknown {
          counts[method]++;
          return Reflect.apply(original, this, args);
        },
      });
    }
  });

  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.runSigV4Vectors === 'function');
  const report: SigV4VectorsReport = await page.evaluate(
    (vectorCases) => window.runSigV4Vectors(vectorCases),
    cases.map(toBase64Case),
  );
  // Zeros when the wrappers never got installed, which fails the checks below.
  const counts = await page.evaluate(
    () => (window as CountingWindow).__subtleCounts ?? { digest: 0, sign: 0, importKey: 0 },
  );

  const failures = report.lines.join('\n');
  expect(report.failed, failures).toBe(0);
  expect(report.passed, failures).toBe(76);
  expect(report.cryptoName).toBe('webcrypto');
  expect(counts.sign, 'crypto.subtle.sign calls').toBeGreaterThanOrEqual(76);
  expect(counts.digest, 'crypto.subtle.digest calls').toBeGreaterThan(0);
  expect(counts.importKey, 'crypto.subtle.importKey calls').toBeGreaterThan(0);
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
  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.runSigV4Vectors === 'function');
  const report: SigV4VectorsReport = await page.evaluate(
    (vectorCases) => window.runSigV4Vectors(vectorCases),
    cases.map(toBase64Case),
  );
  expect(report.failed, report.lines.join('\n')).toBe(0);
  expect(report.passed).toBeGreaterThanOrEqual(cases.length);
  expect(report.cryptoName).toBe('webcrypto');
});

test("AWS's SigV4a vectors pass in Chromium through crypto.subtle ECDSA", async ({ page }) => {
  const cases = loadVectorCases(path.resolve(repoRoot, 'test-vectors/aws/v4a'));
  // 38 complete cases + 2 without expected results (skipped by the runner).
  expect(cases).toHaveLength(40);

  // Count SubtleCrypto.sign calls made with ECDSA (the HMACs of the key derivation not included).
  await page.addInitScript(() => {
    const counts = { ecdsaSign: 0, ecdsaVerify: 0 };
    (window as Window & { __ecdsaCounts?: typeof counts }).__ecdsaCounts = counts;
    const prototype = SubtleCrypto.prototype;
    for (const [method, key] of [
      ['sign', 'ecdsaSign'],
      ['verify', 'ecdsaVerify'],
    ] as const) {
      const original = prototype[method];
      Object.defineProperty(prototype, method, {
        configurable: true,
        writable: true,
        value: function (this: SubtleCrypto, ...args: unknown[]): unknown {
          const algorithm = args[0];
          const name =
            typeof algorithm === 'string' ? algorithm : (algorithm as { name?: string })?.name;
          if (name === 'ECDSA') counts[key]++;
          return Reflect.apply(original, this, args);
        },
      });
    }
  });

  await page.goto(server.url);
  await page.waitForFunction(() => typeof window.runSigV4Vectors === 'function');
  const report: SigV4VectorsReport = await page.evaluate(
    (vectorCases) => window.runSigV4Vectors(vectorCases),
    cases.map(toBase64Case),
  );
  const counts = await page.evaluate(
    () =>
      (window as Window & { __ecdsaCounts?: { ecdsaSign: number; ecdsaVerify: number } })
        .__ecdsaCounts ?? { ecdsaSign: 0, ecdsaVerify: 0 },
  );
  const failures = report.lines.join('\n');
  expect(report.failed, failures).toBe(0);
  expect(report.passed, failures).toBe(76);
  expect(report.cryptoName).toBe('webcrypto');
  expect(counts.ecdsaSign, 'ECDSA crypto.subtle.sign calls').toBeGreaterThanOrEqual(76);
  // Ours plus the suite's (signature.txt and the one in the signed request) per case and mode.
  expect(counts.ecdsaVerify, 'ECDSA crypto.subtle.verify calls').toBeGreaterThanOrEqual(3 * 76);
});
