// The server's side of a late panel's place (lazyAfterFirstPaint): the first view carries, under
// each panel's fallback, a hidden copy of the panel's first state, so the place is exactly as tall
// as the panel will be at whatever width the page is shown. The browser adopts that copy without
// looking into it (lazyAfterFirstPaint.tsx) and drops it when the panel arrives. Nothing here is
// in the page's own scripts: it is read only where import.meta.env.SSR is true.
import { createContext } from 'react';
import type { PlaygroundStore } from '../../store/createPlaygroundStore';

/** The class of the copy's element, which the page's CSS hides and the markup is cleaned within. */
export const GHOST_CLASS = 'first-state-ghost';

/**
 * What a server render knows of the copies: the store whose state the panels have once they are
 * there (a first visit's, with its collections and vault read: empty), or that it is rendering
 * inside a copy already (a late panel within one is drawn whole). None: no copies (tests).
 */
export type FirstStateGhosts = { store: PlaygroundStore } | 'inside' | null;

export const FirstStateGhostContext = /* @__PURE__ */ createContext<FirstStateGhosts>(null);

/**
 * Attributes that name or point at an element by id or name. In a copy they would collide with
 * the page's own (two `access-key-id`s; a label for the copy's field; a radio of the copy in the
 * page's group, unchecking the page's), so a copy carries none: it is only a shape.
 */
const REFERENCES =
  /\s(?:id|for|name|form|list|headers|aria-(?:labelledby|describedby|controls|owns|activedescendant|errormessage|details|flowto))="[^"]*"/g;

const GHOST_START = `<div class="${GHOST_CLASS}"`;
const DIV = /<(\/?)div[\s>]/g;

/**
 * `html` (React's markup of a page) with no references left inside its copies. React's markup is
 * regular: an attribute's value never holds a raw `"`, and text never a raw `<`, so an attribute
 * and a `<div` or `</div>` are found by pattern, and a copy ends at the `</div>` that balances it.
 */
export function withoutGhostReferences(html: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const start = html.indexOf(GHOST_START, from);
    if (start < 0) return result + html.slice(from);
    DIV.lastIndex = start;
    let depth = 0;
    let end = html.length;
    for (let tag = DIV.exec(html); tag !== null; tag = DIV.exec(html)) {
      depth += tag[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = tag.index;
        break;
      }
    }
    result += html.slice(from, start) + html.slice(start, end).replace(REFERENCES, '');
    from = end;
  }
}
