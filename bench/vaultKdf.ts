/**
 * `npx tsx bench/vaultKdf.ts`: what the vault's key derivation costs in headless Chromium, to
 * choose it (src/vault/vaultKey.ts) with figures: @noble/hashes' Argon2id at OWASP's parameters
 * (19 MiB, t=2, p=1: the vault's) and scrypt at OWASP's (N=2^17, r=8, p=1), both pure JavaScript
 * (the page's CSP has no 'wasm-unsafe-eval'), beside WebCrypto's PBKDF2-SHA-256 at 600,000
 * iterations. Each is run BENCH_RUNS times (3 by default) in one page on a loopback origin
 * (crypto.subtle needs a secure context); the median is printed. Figures only: nothing fails.
 */
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumLaunchOptions } from '../test-support/browser/chromium';
import { quantile } from './quantiles';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Runs in the page: the three derivations once each, in milliseconds. */
const PAGE_SOURCE = `
import { argon2idAsync } from '@noble/hashes/argon2.js';
import { scryptAsync } from '@noble/hashes/scrypt.js';
globalThis.deriveOnce = async () => {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const passphrase = 'orbit lantern pebble 42 quietly';
  const timed = async (derive) => {
    const start = performance.now();
    await derive();
    return performance.now() - start;
  };
  return {
    'argon2id m=19MiB t=2 p=1': await timed(() =>
      argon2idAsync(passphrase, salt, { m: 19 * 1024, t: 2, p: 1, dkLen: 32 })),
    'scrypt N=2^17 r=8 p=1': await timed(() =>
      scryptAsync(passphrase, salt, { N: 2 ** 17, r: 8, p: 1, dkLen: 32 })),
    'PBKDF2-SHA-256 600000': await timed(async () => {
      const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveBits']);
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600000 }, key, 256);
    }),
  };
};`;

const bundled = await build({
  stdin: { contents: PAGE_SOURCE, resolveDir: process.cwd(), loader: 'js' },
  bundle: true,
  format: 'iife',
  write: false,
  minify: true,
});
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  const origin = 'http://127.0.0.1:9/';
  await page.route(`${origin}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>kdf</title>' }),
  );
  await page.goto(origin);
  await page.addScriptTag({ content: bundled.outputFiles[0]!.text });
  const runs: Array<Record<string, number>> = [];
  for (let run = 0; run < RUNS; run++)
    runs.push(
      await page.evaluate(() =>
        (globalThis as unknown as { deriveOnce(): Promise<Record<string, number>> }).deriveOnce(),
      ),
    );
  for (const name of Object.keys(runs[0]!)) {
    const times = runs.map((each) => each[name]!).sort((a, b) => a - b);
    const median = quantile(times, 0.5);
    console.log(
      `${name.padEnd(28)} median ${median.toFixed(0)} ms  (${times.map((t) => t.toFixed(0)).join(', ')})`,
    );
  }
} finally {
  await browser.close();
}
