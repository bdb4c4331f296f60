import { describe, expect, it } from 'vitest';
import { withoutGhostReferences } from './firstStateGhost';

const copy = (inner: string) =>
  `<div class="first-state-ghost" aria-hidden="true" inert="">${inner}</div>`;

describe('withoutGhostReferences', () => {
  it('takes every id and reference out of a copy, and nothing else', () => {
    const inner =
      '<section aria-labelledby="t" class="who"><h3 id="t">Who</h3><label for="k">Key</label>' +
      '<input id="k" name="key" aria-describedby="k-issues" type="text" value="AKID"/>' +
      '<p id="k-issues" class="hint">fine</p><button aria-controls="k" aria-expanded="false">Show</button></section>';
    expect(withoutGhostReferences(copy(inner))).toBe(
      copy(
        '<section class="who"><h3>Who</h3><label>Key</label>' +
          '<input type="text" value="AKID"/>' +
          '<p class="hint">fine</p><button aria-expanded="false">Show</button></section>',
      ),
    );
  });

  it("leaves the page's own markup around a copy as it is, up to the div that closes the copy", () => {
    const page = (inner: string) =>
      `<div id="before"><label for="a">A</label></div>${copy(inner)}<p id="after" class="hint">Loading…</p>`;
    const inner =
      '<div id="x"><div class="row"><span id="y">1</span></div></div><div id="z"></div>';
    expect(withoutGhostReferences(page(inner))).toBe(
      page('<div><div class="row"><span>1</span></div></div><div></div>'),
    );
  });

  it('cleans each of several copies', () => {
    const html = `${copy('<h3 id="a">A</h3>')}<p id="kept"></p>${copy('<h3 id="b">B</h3>')}`;
    expect(withoutGhostReferences(html)).toBe(
      `${copy('<h3>A</h3>')}<p id="kept"></p>${copy('<h3>B</h3>')}`,
    );
  });

  it('leaves text that reads like an attribute (React escapes its quotes)', () => {
    const html = copy('<pre>curl -H id=&quot;1&quot; name=&quot;x&quot;</pre>');
    expect(withoutGhostReferences(html)).toBe(html);
  });

  it('cleans a copy left unclosed to the end of the markup, and stops there', () => {
    expect(withoutGhostReferences('<div class="first-state-ghost"><div id="a">')).toBe(
      '<div class="first-state-ghost"><div>',
    );
    expect(withoutGhostReferences('<p id="a"></p>')).toBe('<p id="a"></p>');
  });
});
