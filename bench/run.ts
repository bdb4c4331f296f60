/**
 * `npm run bench`: how fast our SigV4 signer is next to aws4fetch, @smithy/signature-v4 and the
 * bare crypto.subtle floor, in Node and then in headless Chromium (where the app runs and where
 * the targets apply), plus how many bytes the signing core adds to a browser bundle.
 *
 * The workloads and the timing loop live in bench/workloads.ts (and the modules it names) and
 * run unchanged in both places; this file runs the Node round, drives the Chromium round through
 * Playwright, and prints one table per environment: median time per signing and ratio = floor
 * median / median (1.00 = as fast as the floor, higher is better). Targets are reported PASS/MISS
 * but never fail the run: the exit code is non-zero only if something crashes.
 *
 * BENCH_QUICK=1 runs a much shorter configuration, for trying the harness out.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { nodeSigningCrypto } from '../server/nodeSigningCrypto';
import { getDefaultSigningCrypto } from '../src/signing';
import { chromiumLaunchOptions } from '../test-support/browser/chromium';
import { serveBundle } from '../test-support/browser/bundleServer';
import {
  DEFAULT_CONFIG,
  QUICK_CONFIG,
  WORKLOAD_IDS,
  type BenchConfig,
  type Cell,
  type EnvironmentResult,
  type WorkloadId,
} from './benchConfig';
import { REQUEST_DESCRIPTION } from './benchRequest';
import { runBenchmarks } from './workloads';

const benchDir = dirname(fileURLToPath(import.meta.url));
const rootDir = dirname(benchDir);
const OURS_ID = 'ours';

/** The targets, for our signer in Chromium, as ratios floor / ours. */
const TARGETS: Partial<Record<WorkloadId, { min: number; reference: string }>> = {
  W1: { min: 0.9, reference: 'aws4fetch ~0.63×, smithy ~0.46×' },
  W4: { min: 0.9, reference: 'aws4fetch ~0.33×' },
  W3: { min: 0.95, reference: 'smithy + sha256-browser ~0.33×' },
};

const WORKLOAD_TITLES: Record<WorkloadId, string> = {
  W1: 'W1 small POST, cold',
  W4: 'W4 warm (per signing)',
  W2: 'W2 1 MiB body',
  W3: 'W3 10 MiB body',
};

function packageVersion(name: string): string {
  const file = join(rootDir, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

function progress(line: string): void {
  process.stderr.write(`${line}\n`);
}

// --- Rounds -----------------------------------------------------------------------------------

async function nodeRound(config: BenchConfig): Promise<EnvironmentResult> {
  progress('node: starting');
  const result = await runBenchmarks({
    subtle: globalThis.crypto.subtle,
    now: () => performance.now(),
    config,
    extraSigners: [
      { id: 'ours-node', label: 'ours (nodeSigningCrypto)', crypto: nodeSigningCrypto },
    ],
    log: (line) => progress(`node: ${line}`),
  });
  result.notes.push(
    `default signRequest() here runs on: ${getDefaultSigningCrypto().name}` +
      "; smithy's Sha256 from sha256-browser is pure JS here too (no window/self in Node)",
  );
  return result;
}

async function chromiumRound(
  config: BenchConfig,
): Promise<{ result: EnvironmentResult; version: string }> {
  progress('chromium: bundling bench/browserEntry.ts and launching');
  const server = await serveBundle(join(benchDir, 'browserEntry.ts'));
  try {
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      page.on('console', (message) => {
        const text = message.text();
        if (text.startsWith('[bench] ')) progress(`chromium: ${text.slice(8)}`);
      });
      page.on('pageerror', (error) => progress(`chromium: page error: ${error.message}`));
      // Cross-origin isolation (COOP + COEP on every response) gives performance.now() 5 µs
      // resolution instead of 100 µs; a warm signing in Chromium takes only a few tens of µs.
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({
          response,
          headers: {
            ...response.headers(),
            'cross-origin-opener-policy': 'same-origin',
            'cross-origin-embedder-policy': 'require-corp',
          },
        });
      });
      await page.goto(server.url);
      await page.waitForFunction(() => typeof window.runSigningBench === 'function');
      const result = await page.evaluate((c) => window.runSigningBench!(c), config);
      return { result, version: browser.version() };
    } finally {
      await browser.close();
    }
  } finally {
    await server.close();
  }
}

// --- Bundle size ------------------------------------------------------------------------------

interface BundleSize {
  minified: number;
  gzipped: number;
  /** Minified bytes in the output per source package ('src/signing', 'aws4fetch', ...). */
  byPackage: Map<string, number>;
  /** Gzipped bytes of the chunks loaded only on demand (dynamic imports). */
  lazyGzipped: number;
}

function packageOf(path: string): string {
  const parts = path.split(/[\\/]/);
  const index = parts.lastIndexOf('node_modules');
  if (index < 0) return parts.slice(0, 2).join('/');
  const name = parts[index + 1] ?? '?';
  return name.startsWith('@') ? `${name}/${parts[index + 2] ?? '?'}` : name;
}

/**
 * esbuild (bundle, minify, tree-shake, esm, browser, code splitting) of a one-line entry, then
 * gzip -9. Only the entry chunk counts as loaded up front; chunks behind a dynamic import (the
 * pure-JS fallback, loaded only outside secure contexts) are reported apart.
 */
async function bundleSize(contents: string, external: string[] = []): Promise<BundleSize> {
  const result = await build({
    stdin: { contents, resolveDir: benchDir, sourcefile: 'size-entry.ts', loader: 'ts' },
    bundle: true,
    minify: true,
    treeShaking: true,
    splitting: true,
    outdir: join(rootDir, 'node_modules/.tmp/size'),
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external,
    logLevel: 'silent',
  });
  // Up front: the entry chunk and every chunk it imports statically; the rest loads on demand.
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const upFront = new Set<string>();
  const visit = (path: string) => {
    if (upFront.has(path)) return;
    upFront.add(path);
    for (const imported of outputs[path]!.imports) {
      if (imported.kind === 'import-statement' && outputs[imported.path]) visit(imported.path);
    }
  };
  visit(entry);
  const contentsOf = (outputPath: string) =>
    result.outputFiles.find((file) => file.path.endsWith(`/${outputPath.split('/').pop()!}`))!
      .contents;
  const byPackage = new Map<string, number>();
  let minified = 0;
  let gzipped = 0;
  let lazyGzipped = 0;
  for (const [outputPath, output] of Object.entries(outputs)) {
    const size = gzipSync(contentsOf(outputPath), { level: 9 }).length;
    if (!upFront.has(outputPath)) {
      lazyGzipped += size;
      continue;
    }
    minified += contentsOf(outputPath).length;
    gzipped += size;
    for (const [path, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0) continue;
      const name = packageOf(relative(rootDir, join(rootDir, path)).split(sep).join('/'));
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  return { minified, gzipped, byPackage, lazyGzipped };
}

async function sizeReport(): Promise<string[]> {
  const fmt = (size: BundleSize) =>
    `${(size.gzipped / 1024).toFixed(2).padStart(6)} KiB min+gz (${(size.minified / 1024).toFixed(1)} KiB min)`;
  const parts = (size: BundleSize) =>
    [...size.byPackage]
      .sort((a, b) => b[1] - a[1])
      .map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)}`)
      .join(', ');
  const withDefault = await bundleSize(`export { signRequest } from '../src/signing';`);
  const core = await bundleSize(
    `export { createSigner, createWebCryptoSigning } from '../src/signing';`,
  );
  const fallbackPackages = ['@aws-crypto/*', '@aws-sdk/*'];
  const coreWithoutFallback = await bundleSize(
    `export { createSigner, createWebCryptoSigning } from '../src/signing';`,
    fallbackPackages,
  );
  const aws4fetch = await bundleSize(`export { AwsV4Signer } from 'aws4fetch';`);
  const lazy = (size: BundleSize) =>
    size.lazyGzipped > 0
      ? `      + ${(size.lazyGzipped / 1024).toFixed(2)} KiB min+gz loaded on demand (the pure-JS fallback outside secure contexts; SigV4a's module on first SigV4a signing)`
      : '      nothing loaded on demand';
  const lines = [
    'Bundle size (esbuild: bundle, minify, tree-shaking, code splitting, esm, platform browser; gzip -9; what loads up front):',
    `  signRequest (default crypto)                      ${fmt(withDefault)}`,
    `      min KiB by package: ${parts(withDefault)}`,
    lazy(withDefault),
    `  core: createSigner + createWebCryptoSigning       ${fmt(core)}`,
    `      min KiB by package: ${parts(core)}`,
    lazy(core),
    `  core with @aws-crypto/* and @aws-sdk/* external   ${fmt(coreWithoutFallback)}`,
    `  aws4fetch AwsV4Signer (reference)                 ${fmt(aws4fetch)}`,
  ];
  return lines;
}

// --- Printing ---------------------------------------------------------------------------------

function formatTime(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 100) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(1)} ms`;
}

function spread(cell: Cell): string {
  return `±${Math.round(((cell.q3 - cell.q1) / 2 / cell.median) * 100)}%`;
}

function table(title: string, result: EnvironmentResult, withTargets: boolean): string[] {
  const floor = result.implementations.find((i) => i.isFloor);
  const labelWidth = Math.max(...result.implementations.map((i) => i.label.length)) + 2;
  const cellWidth = 29;
  const head1 =
    ''.padEnd(labelWidth) +
    WORKLOAD_IDS.map((w) => {
      const target = withTargets ? TARGETS[w] : undefined;
      const title = target ? `${WORKLOAD_TITLES[w]} ≥${target.min.toFixed(2)}` : WORKLOAD_TITLES[w];
      return title.padEnd(cellWidth);
    }).join('');
  const head2 =
    'implementation'.padEnd(labelWidth) +
    WORKLOAD_IDS.map(() => 'median    IQR/2  ratio'.padEnd(cellWidth)).join('');
  const lines = [title, head1.trimEnd(), head2.trimEnd()];
  for (const implementation of result.implementations) {
    let line = implementation.label.padEnd(labelWidth);
    for (const workload of WORKLOAD_IDS) {
      const cell = implementation.cells[workload];
      const floorMedian = floor?.cells[workload].median ?? NaN;
      const ratio = floorMedian / cell.median;
      let text = `${formatTime(cell.median).padStart(8)}  ${spread(cell).padStart(4)}  ${ratio.toFixed(2)}×`;
      const target = withTargets && implementation.id === OURS_ID ? TARGETS[workload] : undefined;
      if (target) text += ratio >= target.min ? ' PASS' : ' MISS';
      line += text.padEnd(cellWidth);
    }
    lines.push(line.trimEnd());
  }
  const perSample = (w: WorkloadId) => floor?.cells[w].perSample ?? 0;
  const samples = (w: WorkloadId) => floor?.cells[w].samples ?? 0;
  lines.push(
    `  medians per signing over interleaved repeats: ` +
      WORKLOAD_IDS.map((w) => `${w} ${samples(w)}×${perSample(w)}`).join(', ') +
      ` (repeats × signings per sample); IQR/2 = half the interquartile range, relative`,
  );
  return lines;
}

function targetSummary(result: EnvironmentResult): string[] {
  const floor = result.implementations.find((i) => i.isFloor)!;
  const ratio = (id: string, w: WorkloadId) => {
    const implementation = result.implementations.find((i) => i.id === id);
    return implementation ? floor.cells[w].median / implementation.cells[w].median : NaN;
  };
  const lines = ['Targets (Chromium, ours = createSigner + createWebCryptoSigning):'];
  for (const workload of WORKLOAD_IDS) {
    const target = TARGETS[workload];
    if (!target) continue;
    const ours = ratio(OURS_ID, workload);
    lines.push(
      `  ${workload}  target ≥${target.min.toFixed(2)}×  measured ${ours.toFixed(2)}×  ` +
        `${ours >= target.min ? 'PASS' : 'MISS'}   (this run: aws4fetch ${ratio('aws4fetch', workload).toFixed(2)}×, ` +
        `smithy ${ratio('smithy', workload).toFixed(2)}×; issue: ${target.reference})`,
    );
  }
  return lines;
}

/** SigV4 next to SigV4a: signings per second (from the median time per signing), cold and warm. */
function sigv4aTable(result: EnvironmentResult): string[] {
  const rows = result.sigv4a ?? [];
  if (rows.length === 0) return [];
  const rate = (cell: Cell) => `${Math.round(1000 / cell.median).toLocaleString('en-US')}/s`;
  const labelWidth = Math.max(...rows.map((row) => row.label.length)) + 2;
  const lines = [
    '  SigV4 vs SigV4a (AWS4-ECDSA-P256-SHA256), small POST, signings per second (median):',
    `  ${'implementation'.padEnd(labelWidth)}${'SigV4 cold'.padEnd(14)}${'SigV4a cold'.padEnd(14)}${'SigV4 warm'.padEnd(14)}${'SigV4a warm'.padEnd(14)}SigV4a verifies`,
  ];
  for (const row of rows) {
    lines.push(
      `  ${row.label.padEnd(labelWidth)}${rate(row.sigv4Cold).padEnd(14)}${rate(row.sigv4aCold).padEnd(14)}` +
        `${rate(row.sigv4Warm).padEnd(14)}${rate(row.sigv4aWarm).padEnd(14)}${row.verified ? 'yes' : 'NO'}`,
    );
  }
  lines.push(
    '  cold = a new secret per signing (SigV4: 4-HMAC chain; SigV4a: KDF + P-256 key import); warm = keys cached',
  );
  return lines;
}

function environmentLines(result: EnvironmentResult): string[] {
  return [...result.agreement, ...result.notes.map((note) => `note: ${note}`)].map((l) => `  ${l}`);
}

// --- Main -------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const quick = process.env.BENCH_QUICK === '1';
  const config = quick ? QUICK_CONFIG : DEFAULT_CONFIG;
  const started = performance.now();

  const versions =
    `aws4fetch ${packageVersion('aws4fetch')}, @smithy/signature-v4 ${packageVersion('@smithy/signature-v4')}, ` +
    `@aws-crypto/sha256-browser ${packageVersion('@aws-crypto/sha256-browser')}`;
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const print = (lines: string[]) => console.log(lines.join('\n'));
  print([
    `SigV4 signing benchmark${quick ? ' (BENCH_QUICK: short run, noisy)' : ''}`,
    `  ${versions}; ${availableParallelism()} CPUs (${cpu})`,
    `  request: ${REQUEST_DESCRIPTION}`,
    '  ours = createSigner({ crypto }) from src/signing; ratio = floor median / median (1.00 = as fast as the floor, higher is better)',
    '',
  ]);

  // Each section is printed as soon as it is measured, so a crash later still leaves results.
  const node = await nodeRound(config);
  progress(`node: done in ${(node.elapsedMs / 1000).toFixed(1)} s`);
  print([
    ...table(
      `Node ${process.version} (floor and aws4fetch on globalThis.crypto.subtle)`,
      node,
      false,
    ),
    ...environmentLines(node),
    ...sigv4aTable(node),
    '  targets apply to Chromium only',
    '',
  ]);

  const browser = await chromiumRound(config);
  progress(`chromium: done in ${(browser.result.elapsedMs / 1000).toFixed(1)} s`);
  print([
    ...table(`Chromium ${browser.version} (headless)`, browser.result, true),
    ...environmentLines(browser.result),
    ...sigv4aTable(browser.result),
    '',
    ...targetSummary(browser.result),
    '',
  ]);

  print([...(await sizeReport()), '']);
  if (!node.agreed || !browser.result.agreed) {
    print([
      'WARNING: implementations disagree on a signature (see above); timings compare unequal work',
    ]);
  }
  print([`total ${((performance.now() - started) / 1000).toFixed(1)} s`]);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
