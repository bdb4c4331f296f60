// The first view as the server renders it: the same signature the page's own store signs for a
// first visit at the same instant (the page adopts the markup only if they agree), the config and
// time it was signed with, busy until adopted, and its script where it runs before any paint.
import { describe, expect, it } from 'vitest';
import { LOCAL_IDENTITIES } from '../request/defaults';
import { createSigner } from '../signing';
import { createMemoryStorage, createPlaygroundStore } from '../store/createPlaygroundStore';
import { decodeFirstView, type FirstView } from '../store/firstView';
import {
  ENTRY_AFTER_FIRST_PAINT_TYPE,
  FIRST_VIEW_SCRIPT,
  ICON_AFTER_FIRST_PAINT_REL,
} from '../store/firstViewScript';
import { whenSigningCaughtUp } from '../store/signingSlice';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import { renderFirstViewPage } from './renderFirstView';

const TEMPLATE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="./favicon.svg" />
    <title>SigV4 Playground</title>
    <script type="module" crossorigin src="./assets/index.js"></script>
    <link rel="stylesheet" href="./assets/index.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

const VIEW: FirstView = {
  signedAt: Date.UTC(2026, 10, 30, 7, 41, 5),
  config: { gatewayUrl: 'http://127.0.0.1:45678/prod', relay: true, collectionsDir: false },
};

/** What the page's store signs on a first visit at that instant, with that config. */
async function pageSigning(view: FirstView) {
  const signer = createSigner();
  const store = createPlaygroundStore({
    deps: {
      signRequest: (input) => signer.signRequest(input),
      sendRequest: () => Promise.reject(new Error('not sent')),
      now: () => view.signedAt,
    },
    storage: createMemoryStorage(),
    publicIdentities: LOCAL_IDENTITIES,
    startLoading: () => undefined,
  });
  store.getState().options.applyPlaygroundConfig(view.config);
  await whenSigningCaughtUp(store);
  return store.getState().signing.shown!;
}

describe('renderFirstViewPage', () => {
  it("shows the signature the page's store signs for a first visit at that instant", async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    const shown = await pageSigning(VIEW);
    expect(shown.result.amzDate).toBe('20261130T074105Z');
    expect(shown.input.url).toBe('http://127.0.0.1:45678/prod/hello');
    expect(html).toContain(shown.result.signature);
    expect(html).toContain('20261130T074105Z');
    expect(html).toContain('http://127.0.0.1:45678/prod/hello');
  });

  it('writes when and with what it signed on #root, busy until adopted', async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    const root = /<div id="root" data-first-view="([^"]*)" aria-busy="true">/.exec(html);
    expect(root).not.toBeNull();
    const attribute = root![1]!
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&amp;/g, '&');
    expect(decodeFirstView(attribute)).toEqual(VIEW);
  });

  it('puts its script first in the head, before any stylesheet it would wait for', async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    const guard = html.indexOf(`<script>${FIRST_VIEW_SCRIPT}</script>`);
    expect(guard).toBeGreaterThan(html.indexOf('<meta charset="UTF-8" />'));
    expect(guard).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it("leaves the page's entry and icon for its script to start after the first paint", async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    expect(html).toContain(
      `<script type="${ENTRY_AFTER_FIRST_PAINT_TYPE}" src="./assets/index.js">`,
    );
    expect(html).not.toMatch(/<script[^>]*type="module"/);
    // Its icon as well, which the page itself decodes.
    expect(html).toContain(`<link rel="${ICON_AFTER_FIRST_PAINT_REL}" type="image/svg+xml"`);
    expect(html).not.toMatch(/<link rel="icon"/);
  });

  it('is painted whole: rendering waits for a marker after the first view, outside #root', async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    const link = /<link rel="expect" href="#([\w-]+)" blocking="render">/.exec(html);
    expect(link).not.toBeNull();
    const marker = html.indexOf(`<template id="${link![1]}"></template>`);
    expect(html.slice(marker - '</div>'.length, marker)).toBe('</div>');
    expect(html.indexOf('<body>')).toBeLessThan(marker);
    expect(marker).toBeLessThan(html.indexOf('</body>'));
  });

  it('leaves a template it does not know as it is', async () => {
    const other = '<!doctype html><html><body><main></main></body></html>';
    expect(await renderFirstViewPage(other, VIEW, nodeSigningCrypto)).toBe(other);
    // Nor one whose entry it could not start: the first view would never be adopted.
    const noEntry = TEMPLATE.replace(/<script[^>]*><\/script>/, '');
    expect(await renderFirstViewPage(noEntry, VIEW, nodeSigningCrypto)).toBe(noEntry);
  });

  it('keeps the place of each panel that loads after it with a hidden copy of it as it first shows', async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    const copies = html
      .split('<div class="first-state-ghost" aria-hidden="true" inert="">')
      .slice(1);
    // Collections, Save, Profiles, the vault, Identity, History, Request to send.
    expect(copies).toHaveLength(7);
    expect(copies.every((copy) => !copy.startsWith('</div>'))).toBe(true);
    // As a first visit finds them once read: no collections yet, no vault stored.
    expect(html).toContain('No collections yet');
    expect(html).toContain('Keep secrets in this browser, encrypted');
    expect(html).toContain('Who am I?');
    // The copies name nothing: every id in the page is the page's own, once.
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(html).toContain('id="access-key-id"');
  });

  it('has no style attributes, which the page CSP refuses in markup', async () => {
    const html = await renderFirstViewPage(TEMPLATE, VIEW, nodeSigningCrypto);
    expect(html).not.toMatch(/\sstyle="/);
  });
});
