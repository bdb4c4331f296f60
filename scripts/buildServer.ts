// npm run build:server: the servers as the package ships them (package.json "bin"), plain
// JavaScript for Node with nothing compiled at run time and nothing to install: esbuild bundles
// server/cli.ts and the gateway's child process, with everything they import, into dist-server/.
// `new URL('../dist', import.meta.url)` and friends stay relative, so the bundle finds the built
// page in dist/ and the default gateway configuration copied beside it.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}dist-server`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'server/cli.ts', gatewayChild: 'server/gatewayChild.ts' },
  outdir: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // ES modules first: a package's UMD "main" (jsonc-parser's) requires its own files by paths
  // that a bundle does not keep, where its "module" build is plain imports esbuild follows.
  mainFields: ['module', 'main'],
  // Some bundled CommonJS code calls require() for Node's own modules.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  legalComments: 'linked',
  logLevel: 'warning',
});
// The gateway's default configuration, where gatewayConfig.ts looks for it (beside the module).
copyFileSync(`${root}server/gateway/gateway.config.json`, `${out}/gateway.config.json`);
console.log(`Built ${out}/cli.js and gatewayChild.js`);
