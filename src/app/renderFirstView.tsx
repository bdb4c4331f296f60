// The first view, rendered where the page is served (server/firstViewPage.ts loads this module's
// build, dist-ssr/renderFirstView.js): the page as a first visit shows it, its request signed at
// the moment it is served, so the first signature is on screen as soon as the HTML is. The page
// then adopts this markup (main.tsx) with a store in the same state. See store/firstView.ts.
import { StrictMode, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { FirstStateGhostContext, withoutGhostReferences } from '../components/ui/firstStateGhost';
import { LOCAL_IDENTITIES, type PlaygroundConfig } from '../request/defaults';
import { createSigner, type SigningCrypto } from '../signing';
import { createMemoryStorage, createPlaygroundStore } from '../store/createPlaygroundStore';
import { encodeFirstView, FIRST_VIEW_ATTRIBUTE, type FirstView } from '../store/firstView';
import {
  ENTRY_AFTER_FIRST_PAINT_TYPE,
  FIRST_VIEW_SCRIPT,
  ICON_AFTER_FIRST_PAINT_REL,
} from '../store/firstViewScript';
import { collectionsRead, vaultRead } from '../store/readAfterFirstPaint';
import { whenSigningCaughtUp } from '../store/signingSlice';
import { PlaygroundStoreContext } from '../store/usePlaygroundStore';
import { whenState } from '../store/whenState';
import { App } from './App';

/** What the server does with the page's template: where the markup and the script go. */
const ROOT_ELEMENT = '<div id="root"></div>';
/** The script goes first in the head after the charset, before any stylesheet it would wait for. */
const CHARSET = '<meta charset="UTF-8" />';
/** The entry script as Vite writes it; the first view's script starts it after the first paint. */
const ENTRY_SCRIPT = '<script type="module" crossorigin src=';
/** The page's icon, fetched after the first paint too (firstViewScript.ts). */
const ICON_LINK = '<link rel="icon"';

/**
 * The browser paints the first view once, whole, rather than the half it has parsed when it first
 * yields (the request fields, without the signing steps), which cost a second style and layout of
 * the page before the signature was even parsed: rendering waits for the marker after #root
 * (`<link rel=expect blocking=render>`, HTML's render-blocking; a browser without it paints as
 * before). Outside #root, so the markup React adopts is only its own.
 */
const PARSED_MARKER_ID = 'first-view-parsed';
const PAINT_WHOLE = `<link rel="expect" href="#${PARSED_MARKER_ID}" blocking="render">`;
const PARSED_MARKER = `<template id="${PARSED_MARKER_ID}"></template>`;

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A store as a first visit starts it, with the server's config, its clock stopped at `signedAt`.
 * `read`: with its collections and vault read (none, on a first visit), as the late panels find
 * them once they are there; otherwise they stay "loading", as in the page until its first paint.
 */
async function firstVisitStore(
  signedAt: number,
  config: PlaygroundConfig,
  crypto: SigningCrypto | undefined,
  { read }: { read: boolean },
) {
  const signer = createSigner(crypto === undefined ? {} : { crypto });
  const store = createPlaygroundStore({
    deps: {
      signRequest: (input) => signer.signRequest(input),
      sendRequest: () => Promise.reject(new Error('The first view is rendered, not sent.')),
      now: () => signedAt,
    },
    storage: createMemoryStorage(),
    publicIdentities: LOCAL_IDENTITIES,
    ...(read ? {} : { startLoading: () => undefined }),
  });
  store.getState().options.applyPlaygroundConfig(config);
  await whenSigningCaughtUp(store);
  if (read) await whenState(store, (state) => collectionsRead(state) && vaultRead(state));
  return store;
}

let lazyPartsLoaded: Promise<void> | undefined;

/**
 * The parts of the first view the page loads with React.lazy (Check a signature, the exports),
 * loaded once: a first prerender waits for each of them and is thrown away. renderToString then
 * renders them whole, in plain markup, where a render that had to wait would stream fallbacks and
 * the inline scripts that swap them (which the page's CSP refuses). The panels that load after the
 * first paint (lazyAfterFirstPaint) are their fallbacks here, as in the page until then, each over
 * a hidden copy of the panel: their modules are loaded by that first prerender too.
 */
function lazyPartsReady(page: ReactNode): Promise<void> {
  return (lazyPartsLoaded ??= prerender(page).then(({ prelude }) => prelude.cancel()));
}

/**
 * The page (the built index.html, `template`) with its first view in #root and its script in its
 * head; the template unchanged if it is not the one this module expects. `crypto`: the server's
 * (node:crypto); SigV4 is deterministic, so the page's WebCrypto signs the same bytes.
 */
export async function renderFirstViewPage(
  template: string,
  view: FirstView,
  crypto?: SigningCrypto,
): Promise<string> {
  if ([ROOT_ELEMENT, CHARSET, ENTRY_SCRIPT].some((part) => !template.includes(part)))
    return template;
  const [store, read] = await Promise.all([
    firstVisitStore(view.signedAt, view.config, crypto, { read: false }),
    firstVisitStore(view.signedAt, view.config, crypto, { read: true }),
  ]);
  // The late panels' places carry a copy of each panel as it first shows (lazyAfterFirstPaint).
  const page = (
    <StrictMode>
      <PlaygroundStoreContext value={store}>
        <FirstStateGhostContext value={{ store: read }}>
          <App />
        </FirstStateGhostContext>
      </PlaygroundStoreContext>
    </StrictMode>
  );
  await lazyPartsReady(page);
  const markup = withoutGhostReferences(renderToString(page));
  // Busy until the page has adopted it (Interactive): what a visitor types or clicks until then is
  // kept by the page's inline script and handed to the page once adopted (firstViewScript.ts).
  // Replaced by functions: a replacement string would read `$&` and friends in the markup.
  return template
    .replace(ENTRY_SCRIPT, () => `<script type="${ENTRY_AFTER_FIRST_PAINT_TYPE}" src=`)
    .replace(ICON_LINK, () => `<link rel="${ICON_AFTER_FIRST_PAINT_REL}"`)
    .replace(CHARSET, () => `${CHARSET}<script>${FIRST_VIEW_SCRIPT}</script>${PAINT_WHOLE}`)
    .replace(
      ROOT_ELEMENT,
      () =>
        `<div id="root" ${FIRST_VIEW_ATTRIBUTE}="${escapeAttribute(encodeFirstView(view))}" aria-busy="true">${markup}</div>${PARSED_MARKER}`,
    );
}
