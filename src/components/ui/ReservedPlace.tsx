import type { ReactNode } from 'react';

/** The panels that load after the first paint whose place is kept (heights in ui.css). */
export type ReservedPanel =
  | 'collections'
  | 'save-request'
  | 'profiles'
  | 'vault'
  | 'identity'
  | 'history'
  | 'request-to-send'
  | 'check-signature';

/**
 * What a panel that loads after the first paint shows until it is there: "Loading…" (or nothing)
 * in a box as tall as the panel's first state, so that nothing below it moves when it arrives —
 * a click aimed at a field further down would otherwise land on whatever moved under the
 * pointer. The heights were measured at the layout's three widths (ui.css). With `children`, the
 * box stays around the panel once loaded: for a panel that draws a shorter state of its own
 * first (the collections, until IndexedDB has answered).
 */
export function ReservedPlace({
  panel,
  quiet = false,
  children,
}: {
  panel: ReservedPanel;
  quiet?: boolean;
  children?: ReactNode;
}) {
  return (
    <div className={`reserved-place reserved-${panel}`}>
      {children ?? (!quiet && <p className="hint">Loading…</p>)}
    </div>
  );
}
