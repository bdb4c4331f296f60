// The page npm start serves at /: kept and renewed so no visitor waits for a render, at most one
// render at a time, and the plain index.html whenever there is no first view to give.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFirstViewPage, KEEP_MS, RENEW_AFTER_MS, WAIT_MS } from './firstViewPage';

const CONFIG = { gatewayUrl: 'http://127.0.0.1:5174/prod', relay: true, collectionsDir: false };
let dir: string;

/** A stand-in for the first view's build: says what it was asked, counts its renders. */
function moduleFile(name: string, body: string): URL {
  const file = join(dir, name);
  writeFileSync(file, body);
  return pathToFileURL(file);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'first-view-'));
  writeFileSync(join(dir, 'index.html'), 'TEMPLATE');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('createFirstViewPage', () => {
  it('renders ahead of the first visitor, keeps the page, renews it in the background', async () => {
    const moduleUrl = moduleFile(
      'counting.mjs',
      `globalThis.firstViewRenders = 0;
       export async function renderFirstViewPage(template, view) {
         globalThis.firstViewRenders++;
         await new Promise((resolve) => setTimeout(resolve, 20));
         return template + ' signed at ' + view.signedAt + ' for ' + view.config.gatewayUrl;
       }`,
    );
    const renders = () => (globalThis as { firstViewRenders?: number }).firstViewRenders;
    let clock = 1_000_500;
    const first = createFirstViewPage({
      distDir: dir,
      moduleUrl,
      config: CONFIG,
      now: () => clock,
    });
    first.warm();
    // Whole seconds, as X-Amz-Date has them; many visitors at once cost one render.
    const pages = await Promise.all([first.page(), first.page(), first.page()]);
    expect(pages).toEqual(
      Array(3).fill('TEMPLATE signed at 1000000 for http://127.0.0.1:5174/prod'),
    );
    expect(renders()).toBe(1);

    clock += RENEW_AFTER_MS - 1_000;
    expect(await first.page()).toContain('signed at 1000000');
    expect(renders()).toBe(1);

    // Past RENEW_AFTER_MS: still served at once, renewed for the next visitor.
    clock += 2_000;
    expect(await first.page()).toContain('signed at 1000000');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(renders()).toBe(2);
    expect(await first.page()).toContain(`signed at ${Math.floor(clock / 1000) * 1000}`);

    // Past KEEP_MS nothing kept is served: the visitor waits for a fresh page.
    clock += KEEP_MS + 1;
    expect(await first.page()).toContain(`signed at ${Math.floor(clock / 1000) * 1000}`);
  });

  it('makes no visitor wait long for a render: the page without, and the render kept', async () => {
    const moduleUrl = moduleFile(
      'slow.mjs',
      `export async function renderFirstViewPage(template, view) {
         await new Promise((resolve) => setTimeout(resolve, ${WAIT_MS} + 200));
         return template + ' signed at ' + view.signedAt;
       }`,
    );
    const page = createFirstViewPage({ distDir: dir, moduleUrl, config: CONFIG });
    expect(await page.page()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await page.page()).toContain('TEMPLATE signed at');
  });

  it('gives no page without a build of the first view', async () => {
    const moduleUrl = pathToFileURL(join(dir, 'absent.mjs'));
    const page = createFirstViewPage({ distDir: dir, moduleUrl, config: CONFIG });
    expect(await page.page()).toBeUndefined();
  });

  it('gives no page, and says so once, when rendering fails', async () => {
    const moduleUrl = moduleFile(
      'failing.mjs',
      `export async function renderFirstViewPage() { throw new Error('no DOM here'); }`,
    );
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((text: string) => said.push(text) > 0) as typeof process.stderr.write;
    try {
      const page = createFirstViewPage({ distDir: dir, moduleUrl, config: CONFIG });
      expect(await page.page()).toBeUndefined();
      expect(await page.page()).toBeUndefined();
    } finally {
      process.stderr.write = write;
    }
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('no DOM here');
  });
});
