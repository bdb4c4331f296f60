import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { PAGE_SECURITY_HEADERS, securityHeaders } from './server/securityHeaders';

/**
 * React Refresh's preamble, the one inline script the dev server adds to index.html: allowed by
 * its hash. The dev server also injects each stylesheet as an inline <style>; a build has neither.
 */
const refreshPreamble = react.preambleCode.replace('__BASE__', '/');

// The playground is served from 127.0.0.1: crypto.subtle exists only in secure contexts,
// and loopback counts as one.
export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react()],
  // The server's build of the first view (npm run build:first-view: src/app/renderFirstView.tsx
  // into dist-ssr/) carries everything it imports: the package installs no dependencies.
  ssr: { noExternal: true },
  // React's own code picks its build at run time from NODE_ENV, which the server does not set:
  // the first view's build is a production build, fixed here.
  define: isSsrBuild ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  // Relative asset URLs: the built page works from any static host and any sub-path
  // (/tools/sigv4/), not only from npm start's root.
  base: './',
  build: {
    // The first view's build is server code: the page's public files are the page's build's.
    copyPublicDir: !isSsrBuild,
    // No preloading of the JavaScript a lazily loaded chunk imports: Vite's preload helper and the
    // list of every chunk's imports cost 1.2 KiB gzipped in the first script, for the panels that
    // load after the first paint, whose imports the browser then fetches one round trip later
    // (on npm start's loopback, a millisecond). A lazy chunk's stylesheet still loads with it.
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the entry imports statically, in one chunk beside the entry: the first
          // signature needs all of it, and nine small shared chunks (React's JSX runtime, the
          // signing core, the scope detector…) cost nine requests, two rounds of the browser's six
          // connections. The chunks loaded on demand still import from it.
          groups: [
            // tslib (the async helpers of @aws-crypto's ES5 build) is only called by the pure-JS
            // SHA-256 loaded where WebCrypto is missing: in its own chunk, it loads with that one.
            { name: 'tslib', test: /node_modules[\\/]tslib[\\/]/, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    // Vite lets any loopback origin read what it serves; only the page itself may.
    cors: false,
    headers: securityHeaders({ inlineScripts: [refreshPreamble], inlineStyles: true }),
    fs: {
      strict: true,
      // The page's sources only. Vite adds its own client and serves the pre-bundled
      // dependencies apart; package.json, server/ (the gateway's keys), the rest of node_modules
      // and .git are refused (server/viteServers.test.ts).
      allow: ['src'],
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    cors: false,
    headers: { ...PAGE_SECURITY_HEADERS },
  },
}));
