// npm run dev [-- --collections DIR]: the dev server (devServer.ts) with the options every way of
// starting the page takes (startOptions.ts; only --collections applies: Vite's server has no relay
// or gateway, and listens where vite.config.ts says).
import { parseStartOptions } from './startOptions';

async function main() {
  const { collectionsDir } = parseStartOptions(process.argv.slice(2), process.env);
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
