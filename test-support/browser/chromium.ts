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
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutablePath();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
