import { useEffect, type RefObject } from 'react';

/** The CSS variable the page's scroll padding reads (app/layout.css). */
const HEIGHT_VARIABLE = '--send-bar-height';

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.bottom > b.top && a.top < b.bottom && a.right > b.left && a.left < b.right;
}

/**
 * Keeps what the user works on clear of the sticky bar (WCAG 2.4.11, focus not obscured):
 * - --send-bar-height on the root element follows the bar's height, for the page's scroll
 *   padding: links' targets, scrollIntoView and focus scrolling stop above the bar;
 * - Chromium's focus scrolling leaves an element that is already inside the viewport where it is,
 *   even under the bar (it ignores the scroll padding then): such an element is scrolled up to the
 *   padding's edge once the browser is done.
 */
export function useStickyBarClearance(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const root = document.documentElement;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? element.offsetHeight;
      root.style.setProperty(HEIGHT_VARIABLE, `${Math.ceil(height)}px`);
    });
    observer.observe(element);

    let frame = 0;
    const onFocusIn = (event: FocusEvent) => {
      const focused = event.target;
      if (!(focused instanceof Element) || element.contains(focused)) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (document.activeElement !== focused) return;
        if (overlaps(focused.getBoundingClientRect(), element.getBoundingClientRect()))
          focused.scrollIntoView({ block: 'nearest' });
      });
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      observer.disconnect();
      root.style.removeProperty(HEIGHT_VARIABLE);
      document.removeEventListener('focusin', onFocusIn);
      cancelAnimationFrame(frame);
    };
  }, [bar]);
}
