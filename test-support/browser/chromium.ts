import { existsSync } from 'node:fs';

/**
 * Where the browser tests and benchmarks find Chromium. Playwright cannot download its own browsers
 * here, so the default is Debian's /usr/bin/chromium; CHROMIUM_PATH points elsewhere, and
 * CHROMIUM_PATH=playwright uses Playwright's own download on machines that have one.
 */
export function chromiumExecutablePath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv === 'playwright') return undefined;
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The features Playwright turns off in every Chromium it launches (playwright-core's
 * chromiumSwitches.ts). Chromium keeps only the last --disable-features it is given, so ours must
 * name them again; chromium.test.ts checks this list against the installed Playwright.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Each new window (every browser context's first page) starts two renderers of its own for the
 * address bar's popups (chrome://omnibox-popup.top-chrome, a WebUI page, and its AI-mode twin),
 * some 150 ms of CPU while the page loads. A user's browser started them with its window, long
 * before they open the playground; here they would run beside every page a test or benchmark
 * loads, on the same two cores, and slow it by half (bench:ui's first paint: +368 ms over a blank
 * page with them, +164 ms without, Nov 2026). Nothing a page does depends on them.
 */
const OMNIBOX_POPUP_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * A spare renderer is a process Chromium starts ahead of time for a profile's next navigation. A
 * user's browser started its spare long before they navigate, and the navigation takes it. Here
 * every test and every cold load opens a fresh browser context (a new profile of its own), and
 * Chromium starts a spare renderer for it while its first page loads: one more process start on
 * the same two cores, some 80 ms of renderer CPU and 90 ms more of the browser's (Nov 2026,
 * Chromium 156). Without it, a page gets its renderer when it navigates, not one beside it: the
 * renderer its about:blank runs in, or, for a page served with Cross-Origin-Opener-Policy (as npm
 * start serves the playground), one started for that navigation, for the app and bench:ui's blank
 * page alike. bench:ui's first paint, app over blank page: +252 and +324 ms with a spare per load,
 * +204 without (Nov 30 2026).
 */
const SPARE_RENDERER_FEATURES = ['SpareRendererForSitePerProcess'];

/** Flags for a headless Chromium on a machine with no network but loopback, running as root. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...OMNIBOX_POPUP_FEATURES, ...SPARE_RENDERER_FEATURES].join(',')}`,
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutablePath();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
