// The command-line options of every way of starting the page's server: `npx sigv4-playground …`
// and `npm start -- …` (cli.ts), and `npm run dev -- …` (dev.ts). One parser, so all take the same
// options and say the same things about wrong ones.
import { parseArgs } from 'node:util';
import { logOptionsOf, type LogOptions } from './gateway/logOptions';

export interface StartOptions {
  /** `--port N` (or PORT): the page, the relay and the collections API. */
  port: number;
  /** `--gateway-port N` (or GATEWAY_PORT): the local API Gateway. */
  gatewayPort: number;
  /** `--config FILE`: the local gateway's configuration instead of the default one. */
  configPath?: string;
  /** `--collections DIR`: the folder of collections the page reads and writes (server/collections). */
  collectionsDir?: string;
  /** false with `--no-gateway`: only the page and the relay. */
  gateway: boolean;
  /** `--open`: open the page in the browser once it listens. */
  open: boolean;
  /** `--log-format text|json`, `--quiet`: the gateway's line per request (gateway/logOptions.ts). */
  gatewayLog: LogOptions;
  /** `--strict`: the gateway answers byte for byte as API Gateway (no IAM decision trace). */
  strict: boolean;
}

export const DEFAULT_PORT = 5173;
export const DEFAULT_GATEWAY_PORT = 5174;

export const START_USAGE = `Options:
  --port N            the page and the relay (default ${DEFAULT_PORT}, or PORT; 0 picks a free port)
  --gateway-port N    the local API Gateway (default ${DEFAULT_GATEWAY_PORT}, or GATEWAY_PORT)
  --config FILE       the local gateway's configuration (identities, roles, routes)
  --collections DIR   keep collections as files in DIR (it must exist)
  --no-gateway        do not run the local gateway
  --log-format F      the gateway's line per request: text (default) or json (JSON lines)
  --quiet             no line per request from the gateway
  --strict            the gateway answers exactly as API Gateway: no IAM decision trace header
  --open              open the page in the browser (BROWSER names the program, if set)`;

/**
 * A port from a flag or an environment variable (`name` says which), `fallback` when unset; an
 * Error naming it and the usage when it is not 0-65535. Shared by every command that listens.
 */
export function parsePort(
  name: string,
  text: string | undefined,
  fallback: number,
  usage: string,
): number {
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0-65535), not "${text}".\n${usage}`);
  }
  return value;
}

/**
 * The options in `args` (process.argv without node and the script) and `env` (PORT,
 * GATEWAY_PORT; flags win), or an Error saying what is wrong.
 */
export function parseStartOptions(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        'gateway-port': { type: 'string' },
        config: { type: 'string' },
        collections: { type: 'string' },
        'no-gateway': { type: 'boolean' },
        open: { type: 'boolean' },
        'log-format': { type: 'string' },
        quiet: { type: 'boolean' },
        strict: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message.split('\n')[0]}\n${START_USAGE}`, { cause: error });
  }
  for (const [name, what] of [
    ['collections', 'a folder: --collections DIR'],
    ['config', 'a file: --config FILE'],
  ] as const) {
    if (values[name] === '') throw new Error(`--${name} needs ${what}\n${START_USAGE}`);
  }
  let gatewayLog;
  try {
    gatewayLog = logOptionsOf(values['log-format'], values.quiet);
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${START_USAGE}`, { cause: error });
  }
  return {
    port: parsePort(
      values.port === undefined ? 'PORT' : '--port',
      values.port ?? env.PORT,
      DEFAULT_PORT,
      START_USAGE,
    ),
    gatewayPort: parsePort(
      values['gateway-port'] === undefined ? 'GATEWAY_PORT' : '--gateway-port',
      values['gateway-port'] ?? env.GATEWAY_PORT,
      DEFAULT_GATEWAY_PORT,
      START_USAGE,
    ),
    ...(values.config === undefined ? {} : { configPath: values.config }),
    ...(values.collections === undefined ? {} : { collectionsDir: values.collections }),
    gateway: values['no-gateway'] !== true,
    open: values.open === true,
    gatewayLog,
    strict: values.strict === true,
  };
}
