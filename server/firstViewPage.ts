// The page npm start serves at /: the built index.html with its first view rendered in it
// (src/app/renderFirstView.tsx, built into dist-ssr/ by npm run build:first-view; the contract
// is src/store/firstView.ts), so a first visit shows its signature with the HTML.
//
// Rendering takes some 20-40 ms of this process (React and a signing), more than serving the
// page, so a visitor is not made to wait for one: a page is kept and served while it is younger
// than KEEP_MS, and one older than RENEW_AFTER_MS is rendered again in the background for the next
// visitor; with none kept, a visitor waits at most WAIT_MS for one, else gets the page without
// (which draws itself, as from a static host). One render at a time, whatever the requests. The signature a page carries is
// at most KEEP_MS old when served, well inside every service's clock window, and the page adopts
// it only while it is younger than a minute (FIRST_VIEW_MAX_AGE_MS).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PlaygroundConfig } from '../src/request/defaults';
import { FIRST_VIEW_MAX_AGE_MS, type FirstView } from '../src/store/firstView';
import type { SigningCrypto } from '../src/signing';
import { nodeSigningCrypto } from './nodeSigningCrypto';

/** What dist-ssr/renderFirstView.js exports (renderFirstView.tsx). */
interface FirstViewModule {
  renderFirstViewPage(template: string, view: FirstView, crypto?: SigningCrypto): Promise<string>;
}

/** A kept page is served until this old (half the age the page still adopts)… */
export const KEEP_MS = FIRST_VIEW_MAX_AGE_MS / 2;
/** …and renewed in the background once served past this age. */
export const RENEW_AFTER_MS = 5_000;
/** How long a visitor waits for a page to be rendered when none is kept (a warm render: 20-40 ms). */
export const WAIT_MS = 250;

export interface FirstViewPageOptions {
  /** The built page's folder (dist): its index.html is the template. */
  distDir: string;
  /** The first view's build; absent (a page built without it): the plain index.html is served. */
  moduleUrl: URL;
  config: PlaygroundConfig;
  now?: () => number;
}

interface KeptPage {
  html: string;
  signedAt: number;
}

/**
 * The first-view page, or undefined when there is none to serve (no build of it, or rendering it
 * failed: said once on stderr, and the plain index.html serves every visit as before).
 */
export function createFirstViewPage({
  distDir,
  moduleUrl,
  config,
  now = Date.now,
}: FirstViewPageOptions) {
  let module: Promise<FirstViewModule | undefined> | undefined;
  let kept: KeptPage | undefined;
  let rendering: Promise<KeptPage | undefined> | undefined;
  let failed = false;

  const load = () =>
    (module ??= import(moduleUrl.href).then(
      (loaded: FirstViewModule) => loaded,
      () => undefined,
    ));

  const render = () =>
    (rendering ??= (async () => {
      try {
        const loaded = await load();
        if (loaded === undefined || failed) return undefined;
        const template = await readFile(join(distDir, 'index.html'), 'utf8');
        // Whole seconds: X-Amz-Date has no finer ones, and the page's clock starts from it.
        const signedAt = Math.floor(now() / 1000) * 1000;
        const html = await loaded.renderFirstViewPage(
          template,
          { signedAt, config },
          nodeSigningCrypto,
        );
        kept = { html, signedAt };
        return kept;
      } catch (error) {
        failed = true;
        process.stderr.write(
          `The page's first view could not be rendered; serving the page without it: ${error instanceof Error ? error.message : String(error)}\n`,
        );
        return undefined;
      } finally {
        rendering = undefined;
      }
    })());

  return {
    /** Renders the first page ahead of the first visitor. */
    warm(): void {
      void render();
    },
    async page(): Promise<string | undefined> {
      const age = kept === undefined ? Infinity : now() - kept.signedAt;
      if (age < KEEP_MS && kept !== undefined) {
        if (age > RENEW_AFTER_MS) void render();
        return kept.html;
      }
      // Nothing recent kept (the first visit after a start, or after a quiet while): a render,
      // waited for a moment only. One that takes longer (the first, while node compiles the
      // module, on a busy machine) finishes for the next visitor; this one gets the page without.
      let timer: NodeJS.Timeout | undefined;
      const gaveUp = new Promise<undefined>((resolve) => {
        timer = setTimeout(() => resolve(undefined), WAIT_MS);
      });
      try {
        return (await Promise.race([render(), gaveUp]))?.html;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
