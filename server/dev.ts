// npm run dev [-- --collections DIR]: the dev server (devServer.ts) with the options every way of
// starting the page takes (startOptions.ts; only --collections applies: Vite's server has no relay
// or gateway, and listens where vite.config.ts says).
import { parseStartOptions } from './startOptions';

async function main() {
  const args = process.argv.slice(2);
  const { collectionsDir } = parseStartOptions(args, process.env);
  // The playground command's other options are valid, but mean nothing here: say so, not ignore.
  const other = args.find((arg) => arg.startsWith('--') && !arg.startsWith('--collections'));
  if (other !== undefined) {
    throw new Error(
      `${other.split('=')[0]} does not apply to npm run dev, which takes only --collections DIR: Vite's dev server has no relay or gateway and listens where vite.config.ts says.`,
    );
  }
  // Vite loads only once the options are known good: a typo is answered at once.
  const { startDevServer } = await import('./devServer');
  const server = await startDevServer(collectionsDir === undefined ? {} : { collectionsDir });
  server.printUrls();
  if (collectionsDir !== undefined) {
    console.log(`  Collections: ${collectionsDir} (each folder in it is a collection)`);
  }
  server.bindCLIShortcuts({ print: true });
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
