// The command users run: `npx sigv4-playground [options]` (and `npm start -- [options]` from a
// clone) serves the built page with the relay on 127.0.0.1:5173 and the local API Gateway on
// 127.0.0.1:5174 in a child process; `sigv4-playground gateway …` runs only the gateway.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { GATEWAY_USAGE, runGateway } from './gateway/cli';
import { startPlayground } from './playgroundServer';
import { parseStartOptions, START_USAGE, type StartOptions } from './startOptions';

const USAGE = `usage: sigv4-playground [options]     the playground, its relay and the local API Gateway
       sigv4-playground gateway [...]   only the local API Gateway (--help for its options)
${START_USAGE}
  -h, --help          this help
  -v, --version       the version

${GATEWAY_USAGE.split('\n')[0]}`;

/** The package's version, from the package.json beside the sources or the bundle. */
function version(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  ) as { version?: string };
  return manifest.version ?? 'unknown';
}

/**
 * Opens the page in the user's browser: BROWSER when set (as other dev tools honour it), else the
 * platform's opener. A failure is a line on stderr, never a stop: the page is running.
 */
function openBrowser(url: string): void {
  const [command, ...args] =
    process.env.BROWSER !== undefined && process.env.BROWSER !== ''
      ? [process.env.BROWSER, url]
      : process.platform === 'darwin'
        ? ['open', url]
        : process.platform === 'win32'
          ? ['cmd', '/c', 'start', '""', url]
          : ['xdg-open', url];
  const opener = spawn(command!, args, { stdio: 'ignore', detached: true });
  opener.on('error', (error) =>
    console.error(`Could not open a browser (${error.message}); open ${url} yourself.`),
  );
  opener.unref();
}

async function runPlayground(options: StartOptions): Promise<void> {
  const closers: Array<() => Promise<void>> = [];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    void Promise.all(closers.map((close) => close())).then(() => process.exit(code));
  };
  // The gateway runs in a process of its own: when it stops by itself it is restarted, and
  // only when it cannot come back does the playground stop too, saying why (exit code 1).
  const { playground, gateway, gatewayBase, collectionsRoot } = await startPlayground({
    port: options.port,
    gatewayPort: options.gatewayPort,
    gateway: options.gateway,
    gatewayLog: options.gatewayLog,
    gatewayStrict: options.strict,
    ...(options.configPath === undefined ? {} : { configPath: options.configPath }),
    ...(options.collectionsDir === undefined ? {} : { collectionsDir: options.collectionsDir }),
    onGatewayGiveUp: (reason) => {
      console.error(`${reason} Stopping the playground too.`);
      stop(1);
    },
  });
  closers.push(playground.close);
  if (gateway !== undefined) closers.push(gateway.close);
  console.log(`SigV4 Playground:  ${playground.url}/`);
  if (gatewayBase !== undefined) {
    console.log(
      `Local API Gateway: ${gatewayBase}/hello (AWS_IAM; identities in ${options.configPath ?? 'the default configuration: sigv4-playground gateway --help'})`,
    );
  }
  if (collectionsRoot !== undefined) {
    console.log(`Collections:       ${collectionsRoot} (each folder in it is a collection)`);
  }
  console.log(gateway === undefined ? 'Ctrl-C stops it.' : 'Ctrl-C stops both.');
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  if (options.open) openBrowser(`${playground.url}/`);
}

async function main(args: readonly string[]): Promise<void> {
  if (args[0] === 'gateway') return runGateway(args.slice(1));
  if (args.includes('-h') || args.includes('--help')) return void console.log(USAGE);
  if (args.includes('-v') || args.includes('--version')) return void console.log(version());
  return runPlayground(parseStartOptions(args, process.env));
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
