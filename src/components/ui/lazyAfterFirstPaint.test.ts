import { createElement } from 'react';
import { prerenderToNodeStream } from 'react-dom/static';
import { describe, expect, it } from 'vitest';
import { lazyAfterFirstPaint } from './lazyAfterFirstPaint';

async function prerender(element: ReturnType<typeof createElement>): Promise<string> {
  const { prelude } = await prerenderToNodeStream(element);
  let html = '';
  for await (const chunk of prelude as AsyncIterable<Uint8Array>) html += Buffer.from(chunk);
  return html;
}

describe('lazyAfterFirstPaint', () => {
  it('is its fallback on a server, without loading the module or waiting for it', async () => {
    let loads = 0;
    const Panel = lazyAfterFirstPaint(async () => {
      loads += 1;
      return () => createElement('p', null, 'the panel');
    });
    const html = await prerender(createElement(Panel, { fallback: 'Loading…' }));
    expect(html).toBe('Loading…');
    expect(loads).toBe(0);
  });
});
