// The --config file, watched: an edit saved in an editor applies to the running gateway at once
// (its identities, roles, resource policy and CORS: liveConfig.ts), an invalid one is refused
// with its line and reason and the previous configuration kept. Editors often save by writing a
// new file and renaming it over the old one, which ends a watch on the file itself: the folder
// is watched instead, and the file re-read (and compared) after each burst of events.
import { watch, readFileSync, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { GatewayConfigError, loadGatewayConfig, type GatewayConfig } from './gatewayConfig';
import { applyReloadedConfig } from './liveConfig';

/** Editors write in several steps (truncate, write, rename): one reload after they settle. */
export const CONFIG_WATCH_DEBOUNCE_MS = 150;

export interface ConfigWatchOptions {
  config: GatewayConfig;
  path: string;
  forgetDecisions: () => void;
  /** One line per change seen: applied, or refused with the reason. */
  log: (line: string) => void;
  debounceMs?: number;
}

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** Watches the file until close(); a watch that cannot start is logged, never fatal. */
export function watchConfigFile(options: ConfigWatchOptions): { close(): void } {
  const path = resolve(options.path);
  const name = basename(path);
  let last = readText(path);
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    timer = undefined;
    const text = readText(path);
    // Gone for now (mid-rename), or the same bytes again: nothing to say.
    if (text === undefined || text === last) return;
    last = text;
    try {
      const next = loadGatewayConfig(path);
      const later = applyReloadedConfig(options.config, next, options.forgetDecisions);
      options.log(
        `Configuration ${options.path} changed: identities, roles and policies applied at once${later.length > 0 ? ` (${later.join(', ')} apply at the next start)` : ''}.`,
      );
    } catch (error) {
      const reason =
        error instanceof GatewayConfigError ? error.message : `could not be read: ${String(error)}`;
      options.log(`Configuration change refused, the previous configuration is kept: ${reason}`);
    }
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(reload, options.debounceMs ?? CONFIG_WATCH_DEBOUNCE_MS);
    });
  } catch (error) {
    options.log(
      `The configuration file ${options.path} is not watched: ${(error as Error).message}`,
    );
    return { close() {} };
  }
  watcher.on('error', () => {});
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
