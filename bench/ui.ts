/**
 * `npm run bench:ui`: how the playground page feels, in headless Chromium against the built app
 * served the way `npm start` serves it (server/playgroundServer.ts, on free ports):
 *
 * 1. keystroke → new signature: with BENCH_TABS tabs open (10 by default, as the issue asks; the
 *    keystrokes go to the last) and a 1 KiB JSON body in "Body", one keystroke at a time, the
 *    time from the keydown (performance.now() in a capture listener installed before the page's
 *    own scripts) to the moment the "Signature" section's text changes (a MutationObserver on the
 *    document); p50 and p95 over the keystrokes. Keys are typed inside a JSON string, so the body
 *    stays valid JSON, and each waits for its signature, like a fast typist (KEY_GAP_MS apart).
 * 2. navigation → first signature: performance.now() (ms since performance.timeOrigin, the start
 *    of the navigation) when the Signature section first shows 64 hex digits, on cold loads, each
 *    in a fresh browser context (empty cache and storage: a first visit). Interleaved with the
 *    same cold loads of a blank page (bench/blankPage: an HTML file and a module script that
 *    print a fixed signature) served by the same server with the same headers, app, blank, app,
 *    blank…, so both see the same machine load: what the app adds is the difference of the two
 *    medians, and the target applies to it. (On this 2-core machine the blank page alone takes
 *    some 250–300 ms: a fresh context, a navigation, one layout and paint.)
 *    npm start serves the first view (server/firstViewPage.ts): the page as a first visit shows
 *    it, signed when served, so the signature is in the HTML; the page's scripts then adopt it.
 *    The first contentful paint of each page is measured beside it: the first view is painted
 *    once, whole (render-blocking until it is parsed), so its first paint is when a user sees the
 *    signature, and the target is printed against that difference of medians too.
 *    Where the time went before it (Nov 2026, CPU profiles via CDP cut at the first signature):
 *    one React commit rendering the whole page (~650 elements), half the main thread's
 *    JavaScript; module evaluation (the store, the first signing) a sixth; the rest V8 compiling
 *    ~480 KB, style and layout. With the first view (Chromium traces): the HTML parsed in two
 *    or three slices; when the parser first yielded, the browser styled, laid out and painted the
 *    half it had (the request fields; 140 ms on this machine) before parsing the signing steps,
 *    hence the render-blocking; the page's scripts (and its icon) start once it is painted.
 *    What is left between the two first paints (traces of fresh contexts, Chromium 156): the
 *    first view's style, layout, paint and raster take some 110 ms of CPU (style ~15, layout
 *    ~40, paint ~8, raster ~45: some 20 tiles, one after the other on the renderer's one raster
 *    thread), in proportion to what the page holds (each column removed takes half of it off).
 *    Most of the raster is the tiles' own cost, not what is drawn in them (Dec 1 2026, traces,
 *    medians of 6 fresh contexts each): a page of nothing but a 2-pixel dot in each 256-pixel
 *    tile of the 1280×720 viewport and of the row below it (prerastered before the first paint)
 *    took 40 ms of raster for its 20 tiles, 2 ms a tile, against 6 ms for one line of text in
 *    one tile; the first view took 67-78 ms, 52 with its text transparent, 42 with its text,
 *    borders, backgrounds and controls all made invisible. So any page that fills the viewport
 *    pays some 40 ms here that the blank page, one line in one tile, does not.
 *    Each new window also starts two renderers for the address bar's popups (WebUI, ~150 ms of
 *    CPU) that a user's browser started long before; the browser launched here turns them off
 *    (test-support/browser/chromium.ts), as with them on the same two cores the app's first
 *    paint took +368 ms over the blank page's instead of +164..+172. So does the spare renderer
 *    Chromium starts for each fresh context while its first page loads (a user's browser has one
 *    warm before they navigate): +252 and +324 ms with it on Nov 30 2026's machine, +204 without.
 *    Tried without gain: the stylesheet inlined (slower), generic font families,
 *    text-rendering: optimizeSpeed, no kerning or ligatures, no shadows or rounded corners,
 *    content-visibility on what is below the fold (a second style pass: slower); fewer font faces
 *    (no bold monospace, no fallback face for the file inputs: -4 and -8 ms, within the noise);
 *    renewing the kept first view 2 s after a visit rather than at once. DOMContentLoaded comes before
 *    the first frame (the whole document is parsed in one task), and with it Chromium's form scan
 *    (DidDispatchDOMContentLoadedEvent; ~9 ms of CPU, the rest waiting): see the lead below. In
 *    traces the renderer's main
 *    thread runs about a third of the time it is busy: 148 ms of CPU in 461 ms before the first
 *    paint, raster 39 ms of CPU in 113 ms.
 *    Tried Nov 30 2026, without gain: what lies below the fold kept out of the first layout
 *    (content-visibility: hidden on the later signing steps and panels until the first paint;
 *    or auto): against the page as it is in the same run, 30 cold loads each, 0, -4 and -4 ms
 *    (auto: -8 ms), though the style and layout when parsing ends fell from ~70 to ~40 ms. Traced
 *    phases (medians of 5-6 loads each, the app's over the blank page's): the HTML's last byte
 *    arrives some 100-130 ms after the commit for both (the new renderer is still committing);
 *    then parsing +15-20 ms, style and layout +50-60, DOMContentLoaded (the form scan) +25, and
 *    from there to the first frame's activation +60-90 (paint, commit, raster of what is seen).
 *    Two runs of the same pages gave medians up to 50 ms apart, hence the interval printed.
 *    The lead of Nov 30 (same run, 30 cold loads each, twice): the first view with every form
 *    control drawn as a span painted 56 ms sooner, with its five password fields made text
 *    fields 20 and 28 ms sooner. Dec 1 2026, checked against the renderer's main-thread CPU up
 *    to the first paint (traces of fresh contexts, self time by event, medians of 8-12 loads),
 *    steadier than paint times: the spans take 42 ms of it off (the form scan at
 *    DOMContentLoaded 11, style 8, layout 6, paint 4), but a page cannot drop its form
 *    controls. The form scan is the text fields' (14 of them): without them it fell from 14 to
 *    7 ms; without the selects, file inputs, buttons, checkboxes and radios, or text areas, by
 *    nothing measurable. The password fields as text fields take nothing off (360, 370 and
 *    381 ms: the page, the password fields served as text fields drawn as bullets and made
 *    password fields once painted, and plain text fields), and 50 cold loads each painted at
 *    456, 456 and 448 ms. Not done: no gain to weigh against a secret in a text field, however
 *    briefly. Also without gain: a parser-blocking script after the first view, so that its
 *    frame comes before DOMContentLoaded and the form scan (+12 ms); the hidden copies of the
 *    late panels without their controls (-3 ms of layout, -8 ms of paint time, within the
 *    noise); overflow-wrap normal or break-word for anywhere (layout within 1 ms). What the
 *    page's main thread does before its first paint, over the blank page's (same traces): layout
 *    +40 ms, parsing +14, style +12, text shaping +11, paint +12, the form scan +9, and the
 *    inline script +8 (of which a first read of localStorage, a synchronous call to the
 *    browser, 2-7 ms: it is how a returning visitor's page is hidden before it paints). All
 *    text in one face, size and weight took 26 ms off the layout (8 loads), but no smaller step
 *    of that design change gave a steady gain: generic family names 2 ms, five sizes fewer
 *    2 ms, 500 and 600 weights drawn as 700 none, monospace without bold none; one weight
 *    everywhere 4-10 ms, one size everywhere 11-16 ms, from one run to the next.
 * 3. JavaScript shipped: the scripts a first visit loads (those dist/index.html names: the entry
 *    and its modulepreloads), each gzipped (-9), summed; the target applies to these. Every
 *    dist/assets/*.js is summed too: the chunks loaded on first use (import, export, the error
 *    diagnosis, the pure-JS hash fallback) are printed beside it.
 *
 * Targets are printed PASS/MISS and never fail the run. The exit code is 1 only when the page
 * lacks what the benchmark needs (a region named "Signature", a textbox "Body") or something
 * crashes. BENCH_QUICK=1 runs fewer keystrokes and loads, for trying the harness out;
 * BENCH_SAVED_REQUESTS sets how many saved requests are imported first (500, the issue's; 0 imports
 * none, for seeing what they cost); BENCH_TYPING=0 skips the keystrokes (for working on the first
 * paint); BENCH_LOADS sets how many cold loads of each page (60 by default: with 20, the first
 * paints' difference had a 95% interval some 100 ms wide on this machine, 100 to 208 ms around a
 * target of 150, so its PASS or MISS said little; with 100, 144 to 172 ms; 60 takes a minute
 * and a half).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startPlayground } from '../server/playgroundServer';
import { differenceOfMediansInterval } from './medianInterval';
import { lowerMedian, quantile } from './quantiles';
import { chromiumLaunchOptions } from '../test-support/browser/chromium';

/** A count the run is told in the environment; anything but a whole number stops it, said plainly. */
function countFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d{1,4}$/.test(text)) {
    console.error(`bench:ui: ${name} must be a whole number from 0 to 9999, not "${text}".`);
    process.exit(1);
  }
  return Number(text);
}

const QUICK = process.env.BENCH_QUICK === '1';
/** Tabs open while typing: each one's request and answer is kept by the page. */
const TABS = countFromEnv('BENCH_TABS', 10);
/** Saved requests in the page's collections while typing (the issue's 500; 0: none, to compare). */
const SAVED_REQUESTS = countFromEnv('BENCH_SAVED_REQUESTS', 500);
/** The issue's figure, which the report names when the run used another. */
const ISSUE_SAVED_REQUESTS = 500;
const KEYSTROKES = QUICK ? 40 : 200;
/** Cold loads of the app, and as many of the blank page, interleaved. */
const LOADS = countFromEnv('BENCH_LOADS', QUICK ? 3 : 60);
const TYPING = process.env.BENCH_TYPING !== '0';
/** Between keystrokes, once the previous one's signature is on screen. */
const KEY_GAP_MS = 30;
const KEYSTROKE_TIMEOUT_MS = 5_000;
const PAGE_TIMEOUT_MS = 15_000;

const TARGET_KEYSTROKE_P95_MS = 16;
/** What the app may add to a blank page's first signature (median against median). */
const TARGET_ADDED_MS = 150;
const TARGET_JS_GZIP_BYTES = 110 * 1024;

const rootDir = dirname(dirname(fileURLToPath(import.meta.url)));
/** Where the blank page is served from during the run: inside dist, so the app's server serves it. */
const BLANK_DIR_NAME = 'bench-blank-page';
const BLANK_FILES = ['index.html', 'blank.js'];

/** What the instrumented page logs once its first paint and first signature are recorded. */
const READY_MESSAGE = 'bench:ui first paint and signature recorded';

/** The page lacks what the benchmark measures: said plainly, exit 1. */
class PageNotReady extends Error {}

interface BenchState {
  firstSignatureAt: number | null;
  /** The page's first contentful paint (PerformanceObserver 'paint'). */
  firstPaintAt: number | null;
  lastSignature: string | null;
  pendingKeydown: number | null;
  samples: number[];
}
type BenchWindow = Window & { __uiBench: BenchState };

/**
 * Runs in the page before its own scripts. Finds the Signature region the way an accessibility
 * tree names it (aria-labelledby, else aria-label) and records signature changes and keydowns.
 */
function instrumentPage(readyMessage: string) {
  const state: BenchState = {
    firstSignatureAt: null,
    firstPaintAt: null,
    lastSignature: null,
    pendingKeydown: null,
    samples: [],
  };
  (window as unknown as BenchWindow).__uiBench = state;

  const nameOf = (element: Element): string => {
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      return labelledBy
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim();
    }
    return (element.getAttribute('aria-label') ?? '').trim();
  };
  let region: Element | null = null;
  const signatureRegion = () => {
    if (region?.isConnected) return region;
    region =
      Array.from(
        document.querySelectorAll('section[aria-labelledby], section[aria-label], [role="region"]'),
      ).find((element) => nameOf(element) === 'Signature') ?? null;
    return region;
  };

  // Said once both the first paint and the first signature are recorded, so a cold load waits
  // for it without running anything in the page (coldLoad).
  let readySaid = false;
  const sayIfReady = () => {
    if (readySaid || state.firstPaintAt === null || state.firstSignatureAt === null) return;
    readySaid = true;
    console.debug(readyMessage);
  };
  window.addEventListener('keydown', () => (state.pendingKeydown = performance.now()), true);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name === 'first-contentful-paint') state.firstPaintAt ??= entry.startTime;
    sayIfReady();
  }).observe({ type: 'paint', buffered: true });
  new MutationObserver(() => {
    const now = performance.now();
    const text = signatureRegion()?.textContent ?? '';
    const signature = /[0-9a-f]{64}/.exec(text)?.[0] ?? null;
    if (signature === null || signature === state.lastSignature) return;
    state.lastSignature = signature;
    state.firstSignatureAt ??= now;
    sayIfReady();
    if (state.pendingKeydown !== null) {
      state.samples.push(now - state.pendingKeydown);
      state.pendingKeydown = null;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * instrumentPage as a script for addInitScript. tsx compiles with esbuild's keepNames, which wraps
 * named inner functions in a __name() helper that exists only in Node: the page gets a no-op one.
 */
const INSTRUMENT_SCRIPT = `(() => { const __name = (target) => target; (${instrumentPage.toString()})(${JSON.stringify(READY_MESSAGE)}); })();`;

/** A 1 KiB JSON body ending in a string value, so typing before its last '"}' keeps it JSON. */
function jsonBody(bytes = 1024): string {
  const items = [];
  let text = '';
  for (let i = 0; ; i++) {
    items.push({ id: i, sku: `SKU-${String(i).padStart(5, '0')}`, quantity: (i * 7) % 13 });
    const next = JSON.stringify({ items, note: '' });
    if (next.length > bytes - 16) break;
    text = next;
  }
  const parsed = JSON.parse(text) as { items: unknown[]; note: string };
  parsed.note = 'x'.repeat(bytes - text.length);
  return JSON.stringify(parsed);
}

const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function waitForFirstSignature(page: Page): Promise<number> {
  try {
    await page.waitForFunction(
      () => (window as unknown as BenchWindow).__uiBench.firstSignatureAt !== null,
      null,
      { timeout: PAGE_TIMEOUT_MS },
    );
  } catch {
    throw new PageNotReady(
      `No signature appeared in a region named "Signature" within ${PAGE_TIMEOUT_MS / 1000} s of loading the page.`,
    );
  }
  return page.evaluate(() => (window as unknown as BenchWindow).__uiBench.firstSignatureAt!);
}

/**
 * Opens tabs with "New tab" until `count` are open, each with a request of its own (its URL's
 * path names it), and leaves the last one on screen.
 */
async function openTabs(page: Page, count: number): Promise<number> {
  const tabs = page.getByRole('tablist', { name: 'Open requests', exact: true }).getByRole('tab');
  const newTab = page.getByRole('button', { name: 'New tab', exact: true });
  // The tab bar loads once the first signature is painted (TabBarSlot): waited for, as a user would.
  await newTab.waitFor({ timeout: PAGE_TIMEOUT_MS }).catch(() => {
    throw new PageNotReady('The page has no "New tab" button.');
  });
  const url = page.getByLabel('URL', { exact: true });
  for (let open = await tabs.count(); open < count; open++) {
    await newTab.click();
    await page.waitForFunction(
      (expected) =>
        document.querySelectorAll('[role="tablist"][aria-label="Open requests"] [role="tab"]')
          .length >= expected,
      open + 1,
      { timeout: PAGE_TIMEOUT_MS },
    );
    await url.fill(`${await url.inputValue()}?tab=${open + 1}`);
  }
  return tabs.count();
}

/**
 * A Postman Collection v2.1 file of `count` POST requests in folders of 50, as a user would bring
 * one (the page's "Import collection…").
 */
function benchCollectionFile(count: number): string {
  const request = (index: number) => ({
    name: `Request ${index + 1}`,
    request: {
      method: 'POST',
      header: [{ key: 'Content-Type', value: 'application/json' }],
      body: { mode: 'raw', raw: `{"request":${index + 1}}` },
      url: `http://127.0.0.1:5174/prod/hello?request=${index + 1}`,
    },
  });
  const folders = Array.from({ length: Math.ceil(count / 50) }, (_, folder) => ({
    name: `Folder ${folder + 1}`,
    item: Array.from({ length: Math.min(50, count - folder * 50) }, (_, at) =>
      request(folder * 50 + at),
    ),
  }));
  return JSON.stringify({
    info: {
      name: 'Bench',
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: folders,
  });
}

/**
 * Fills the page's collections with `count` saved requests (imported through "Import
 * collection…") and opens the last into the tab on screen, so every keystroke also asks whether
 * the form still matches its saved request. Returns how many the collection holds.
 */
async function seedSavedRequests(page: Page, count: number): Promise<number> {
  const panel = page.getByRole('region', { name: 'Collections', exact: true });
  await panel.getByLabel('Collection files to import', { exact: true }).setInputFiles({
    name: 'bench.postman_collection.json',
    mimeType: 'application/json',
    buffer: Buffer.from(benchCollectionFile(count)),
  });
  const collection = panel.getByRole('region', { name: 'Collection Bench', exact: true });
  await collection.waitFor({ timeout: PAGE_TIMEOUT_MS });
  const open = collection.getByRole('button', { name: /^Open Request \d+$/ });
  await open.last().click();
  await page
    .getByLabel('Saved request', { exact: true })
    .getByText(`Request ${count}`)
    .waitFor({ timeout: PAGE_TIMEOUT_MS });
  return open.count();
}

async function measureKeystrokes(
  browser: Browser,
  url: string,
): Promise<{ samples: number[]; tabs: number; savedRequests: number }> {
  const context = await browser.newContext();
  await context.addInitScript({ content: INSTRUMENT_SCRIPT });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await waitForFirstSignature(page);
    // npm start's first view is busy until the page's scripts have adopted it (firstView.ts).
    await page.waitForFunction(
      () => !document.getElementById('root')?.hasAttribute('aria-busy'),
      null,
      {
        timeout: PAGE_TIMEOUT_MS,
      },
    );
    const tabs = await openTabs(page, TABS);
    // After the tabs: the last one, where the keys go, is opened from a saved request.
    const savedRequests = SAVED_REQUESTS > 0 ? await seedSavedRequests(page, SAVED_REQUESTS) : 0;
    const body = page.getByLabel('Body', { exact: true });
    if ((await body.count()) !== 1) {
      throw new PageNotReady('The page has no field labelled "Body" to type into.');
    }
    const signatureNow = () =>
      page.evaluate(() => (window as unknown as BenchWindow).__uiBench.lastSignature);
    const before = await signatureNow();
    await body.fill(jsonBody());
    await page.waitForFunction(
      (previous) => (window as unknown as BenchWindow).__uiBench.lastSignature !== previous,
      before,
      { timeout: PAGE_TIMEOUT_MS },
    );
    // Into the note string: before its closing '"}'.
    await body.press('End');
    await body.press('ArrowLeft');
    await body.press('ArrowLeft');
    await page.waitForTimeout(200);
    await page.evaluate(() => {
      const state = (window as unknown as BenchWindow).__uiBench;
      state.pendingKeydown = null;
      state.samples = [];
    });

    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (let i = 0; i < KEYSTROKES; i++) {
      await page.keyboard.press(letters[i % letters.length]!);
      try {
        await page.waitForFunction(
          (count) => (window as unknown as BenchWindow).__uiBench.samples.length >= count,
          i + 1,
          { timeout: KEYSTROKE_TIMEOUT_MS },
        );
      } catch {
        throw new Error(
          `Keystroke ${i + 1} did not change the signature within ${KEYSTROKE_TIMEOUT_MS / 1000} s.`,
        );
      }
      await page.waitForTimeout(KEY_GAP_MS);
    }
    const samples = await page.evaluate(() => (window as unknown as BenchWindow).__uiBench.samples);
    return { samples, tabs, savedRequests };
  } finally {
    await context.close();
  }
}

/**
 * One cold load: a fresh context (empty cache and storage), the page, its first signature (in
 * the document) and its first contentful paint.
 */
async function coldLoad(
  browser: Browser,
  url: string,
): Promise<{ signature: number; paint: number }> {
  const context = await browser.newContext();
  await context.addInitScript({ content: INSTRUMENT_SCRIPT });
  const page = await context.newPage();
  try {
    // Nothing of Playwright's runs in the page until it has painted and shown its signature: a
    // user's browser runs no test harness. Waiting for the load event and then polling (its
    // injected script, its requestAnimationFrame loop) put that work beside the app's first
    // frame, which comes after its load event: the app's first paint was 12-16 ms later for it,
    // the blank page's no later (two runs of 30 loads each, Nov 30 2026). The page says when
    // both are recorded on its console, which Playwright hears without running anything in it.
    // Settled either way, so a failed navigation leaves no rejection unheard.
    const ready = page
      .waitForEvent('console', {
        predicate: (message) => message.text() === READY_MESSAGE,
        timeout: PAGE_TIMEOUT_MS,
      })
      .then(
        () => true,
        () => false,
      );
    await page.goto(url, { waitUntil: 'commit' });
    if (!(await ready))
      throw new PageNotReady(
        `Within ${PAGE_TIMEOUT_MS / 1000} s of loading the page, it showed no signature in a region named "Signature" or reported no first paint.`,
      );
    return await page.evaluate(() => {
      const state = (window as unknown as BenchWindow).__uiBench;
      return { signature: state.firstSignatureAt!, paint: state.firstPaintAt! };
    });
  } finally {
    await context.close();
  }
}

/** The app and the blank page, loaded cold in turn (app, blank, app, blank…). */
async function measureLoads(
  browser: Browser,
  appUrl: string,
  blankUrl: string,
): Promise<{ app: number[]; blank: number[]; appPaint: number[]; blankPaint: number[] }> {
  // One of each first, not counted: the browser's own first-use costs (its network service,
  // its compositor) fall on neither page.
  await coldLoad(browser, blankUrl);
  await coldLoad(browser, appUrl);
  const app: number[] = [];
  const blank: number[] = [];
  const appPaint: number[] = [];
  const blankPaint: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const ofApp = await coldLoad(browser, appUrl);
    app.push(ofApp.signature);
    appPaint.push(ofApp.paint);
    const ofBlank = await coldLoad(browser, blankUrl);
    blank.push(ofBlank.signature);
    blankPaint.push(ofBlank.paint);
  }
  return { app, blank, appPaint, blankPaint };
}

/** Puts bench/blankPage into dist, served by the app's own server; returns how to remove it. */
function serveBlankPage(): () => void {
  const target = join(rootDir, 'dist', BLANK_DIR_NAME);
  mkdirSync(target, { recursive: true });
  for (const file of BLANK_FILES) {
    copyFileSync(join(rootDir, 'bench', 'blankPage', file), join(target, file));
  }
  return () => rmSync(target, { recursive: true, force: true });
}

/**
 * The scripts a first visit fetches with no user action, until the network is idle: those
 * index.html names and the chunks the page imports on its own just after (panels that load after
 * the first signature). Their file names in dist/assets.
 */
async function scriptsFetchedOnLoad(browser: Browser, url: string): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = new Set<string>();
  page.on('response', (response) => {
    const match = /\/assets\/([^/?#]+\.js)$/.exec(new URL(response.url()).pathname);
    if (match) fetched.add(match[1]!);
  });
  try {
    await page.goto(url);
    await waitForFirstSignature(page).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    return [...fetched];
  } finally {
    await context.close();
  }
}

function shippedJavaScript(fetchedOnLoad: string[]): {
  initial: number;
  initialFiles: number;
  onLoad: number;
  onLoadFiles: number;
  total: number;
  totalFiles: number;
} {
  const assets = join(rootDir, 'dist', 'assets');
  const gzipped = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  const sum = (names: string[]) => names.reduce((total, file) => total + gzipped(file), 0);
  const files = readdirSync(assets).filter((file) => file.endsWith('.js'));
  const html = readFileSync(join(rootDir, 'dist', 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\.?\/assets\/([^"]+\.js)"/g)].map(
    (match) => match[1]!,
  );
  return {
    initial: sum(initialFiles),
    initialFiles: initialFiles.length,
    onLoad: sum(fetchedOnLoad),
    onLoadFiles: fetchedOnLoad.length,
    total: sum(files),
    totalFiles: files.length,
  };
}

async function main() {
  process.stderr.write('bench:ui: building the app and its first view (npm run build)\n');
  await build({ root: rootDir, logLevel: 'warn' });
  // The first view npm start renders into the page (server/firstViewPage.ts): as package.json's
  // build:first-view builds it.
  await build({
    root: rootDir,
    logLevel: 'warn',
    build: { ssr: 'src/app/renderFirstView.tsx', outDir: 'dist-ssr', emptyOutDir: true },
  });
  const removeBlankPage = serveBlankPage();
  const { playground, gateway } = await startPlayground({ port: 0, gatewayPort: 0 });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const url = `${playground.url}/`;
    const blankUrl = `${playground.url}/${BLANK_DIR_NAME}/index.html`;
    console.log(
      `UI benchmark: Chromium ${browser.version()}, the built app from ${playground.url}${QUICK ? ' (BENCH_QUICK)' : ''}`,
    );
    if (TYPING) {
      process.stderr.write(`bench:ui: ${KEYSTROKES} keystrokes\n`);
      const typing = await measureKeystrokes(browser, url);
      const keystrokes = typing.samples.sort((a, b) => a - b);
      const p50 = quantile(keystrokes, 0.5);
      const p95 = quantile(keystrokes, 0.95);
      console.log(
        `  keystroke → new signature   ${keystrokes.length} keystrokes, 1 KiB JSON body, ${typing.tabs} tabs open, ${typing.savedRequests} saved requests${typing.savedRequests < ISSUE_SAVED_REQUESTS ? ` (not the issue's ${ISSUE_SAVED_REQUESTS})` : ''}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (max ${keystrokes.at(-1)!.toFixed(1)})   target p95 ≤ ${TARGET_KEYSTROKE_P95_MS} ms   ${verdict(p95 <= TARGET_KEYSTROKE_P95_MS)}`,
      );
    }
    process.stderr.write(`bench:ui: ${LOADS} cold loads each of the app and the blank page\n`);
    const loads = await measureLoads(browser, url, blankUrl);
    const app = [...loads.app].sort((a, b) => a - b);
    const blank = [...loads.blank].sort((a, b) => a - b);
    const appMedian = quantile(app, 0.5);
    const blankMedian = quantile(blank, 0.5);
    const added = appMedian - blankMedian;
    const range = (sorted: number[]) => `${sorted[0]!.toFixed(0)}–${sorted.at(-1)!.toFixed(0)}`;
    console.log(
      `  navigation → first signature   ${LOADS} cold loads each, interleaved (fresh context, same server and headers)`,
    );
    console.log(
      `                       the app: median ${appMedian.toFixed(0)} ms (${range(app)})`,
    );
    console.log(
      `                       a blank page printing a fixed signature: median ${blankMedian.toFixed(0)} ms (${range(blank)})`,
    );
    // Each difference with its 95% interval (bootstrap over these loads): on two shared cores the
    // same pages' medians moved by tens of milliseconds from one run to the next.
    const within = (a: number[], b: number[]) => {
      const { low, high } = differenceOfMediansInterval(a, b);
      return `(95% interval ${low.toFixed(0)} to ${high.toFixed(0)} ms)`;
    };
    console.log(
      `                       in the document, added by the app: ${added.toFixed(0)} ms ${within(loads.app, loads.blank)}   target ≤ ${TARGET_ADDED_MS} ms   ${verdict(added <= TARGET_ADDED_MS)}`,
    );
    // In the document is not yet on screen: the first view is painted once, whole, so its first
    // paint is when a user sees the signature, and the target is held against that too. (The
    // blank page paints its signature at its first paint as well.)
    const appPaint = lowerMedian(loads.appPaint);
    const blankPaint = lowerMedian(loads.blankPaint);
    console.log(
      `                       first contentful paint: the app ${appPaint.toFixed(0)} ms, the blank page ${blankPaint.toFixed(0)} ms (medians): on screen, added by the app: ${(appPaint - blankPaint).toFixed(0)} ms ${within(loads.appPaint, loads.blankPaint)}   target ≤ ${TARGET_ADDED_MS} ms   ${verdict(appPaint - blankPaint <= TARGET_ADDED_MS)}`,
    );
    const js = shippedJavaScript(await scriptsFetchedOnLoad(browser, url));
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    console.log(
      `  JavaScript shipped (gzip -9)   first visit, before the first signature (index.html's entry and modulepreloads): ${js.initialFiles} files, ${kib(js.initial)}   target ≤ ${TARGET_JS_GZIP_BYTES / 1024} KiB   ${verdict(js.initial <= TARGET_JS_GZIP_BYTES)}`,
    );
    console.log(
      `                       first visit until the network is idle (with the panels that load after the first signature): ${js.onLoadFiles} files, ${kib(js.onLoad)}`,
    );
    console.log(
      `                       all chunks, with those loaded on first use: ${js.totalFiles} files, ${kib(js.total)}`,
    );
  } finally {
    await browser.close();
    await playground.close();
    await gateway?.close();
    removeBlankPage();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof PageNotReady) {
      console.error(
        `bench:ui: ${error.message} The benchmark needs the playground page (a region named "Signature" showing the signature, a textbox "Body"); is the UI in place?`,
      );
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
