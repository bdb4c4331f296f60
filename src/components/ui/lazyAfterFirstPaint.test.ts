// What a server renders for a panel that loads after the first paint (this environment is a
// server's: import.meta.env.SSR). The page's side, adopting the copy untouched and dropping it
// when the panel arrives, is the first-view journeys' (e2e/firstView.spec.ts).
import { createElement, type ReactNode } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { createSigner } from '../../signing';
import { createMemoryStorage, createPlaygroundStore } from '../../store/createPlaygroundStore';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { FirstStateGhostContext, type FirstStateGhosts } from './firstStateGhost';
import { lazyAfterFirstPaint } from './lazyAfterFirstPaint';

async function prerender(element: ReactNode): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude as AsyncIterable<Uint8Array>) html += Buffer.from(chunk);
  return html;
}

const withGhosts = (ghosts: FirstStateGhosts, element: ReactNode) =>
  createElement(FirstStateGhostContext, { value: ghosts }, element);

function firstVisitStore() {
  const signer = createSigner();
  return createPlaygroundStore({
    deps: {
      signRequest: (input) => signer.signRequest(input),
      sendRequest: () => Promise.reject(new Error('not sent')),
      now: () => Date.UTC(2026, 10, 30),
    },
    storage: createMemoryStorage(),
  });
}

/** A panel that says which store it reads: the copy's, not the page's. */
function Region() {
  const url = usePlaygroundStore((s) => s.request.url);
  return createElement('p', { id: 'url' }, `panel for ${url}`);
}

describe('lazyAfterFirstPaint on a server', () => {
  it('is its fallback over an empty copy without copies to make, and loads nothing', async () => {
    let loads = 0;
    const Panel = lazyAfterFirstPaint(async () => {
      loads += 1;
      return Region;
    });
    const html = await prerender(createElement(Panel, { fallback: 'Loading…' }));
    expect(html).toBe(
      '<div class="first-state"><div class="first-state-ghost" aria-hidden="true" inert=""></div>Loading…</div>',
    );
    expect(loads).toBe(0);
  });

  it("is its fallback over a hidden copy of the panel, drawn with the copies' store", async () => {
    const store = firstVisitStore();
    store.getState().request.setField('url', 'https://example.com/copy');
    const Panel = lazyAfterFirstPaint(async () => Region);
    const html = await prerender(
      withGhosts({ store }, createElement(Panel, { fallback: 'Loading…' })),
    );
    expect(html).toBe(
      '<div class="first-state"><div class="first-state-ghost" aria-hidden="true" inert=""><p id="url">panel for https://example.com/copy</p></div>Loading…</div>',
    );
  });

  it('is the panel itself inside a copy', async () => {
    const Panel = lazyAfterFirstPaint(async () => () => createElement('p', null, 'the panel'));
    const html = await prerender(
      withGhosts('inside', createElement(Panel, { fallback: 'Loading…' })),
    );
    expect(html).toBe('<p>the panel</p>');
  });

  it('is its fallback alone, with no copy, for a fallback that is the panel’s shape', async () => {
    const Panel = lazyAfterFirstPaint(async () => () => createElement('p', null, 'the bar'), false);
    const html = await prerender(
      withGhosts({ store: firstVisitStore() }, createElement(Panel, { fallback: 'the bar, idle' })),
    );
    expect(html).toBe('the bar, idle');
  });
});
