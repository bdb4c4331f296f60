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
 * in a box that keeps its place, so that nothing below it moves when it arrives — a click aimed
 * at a field further down would otherwise land on whatever moved under the pointer. In the first
 * view the server sends, the place is kept by a hidden copy of the panel under this box
 * (lazyAfterFirstPaint), right at every width; in a page drawn without one, by this box's height,
 * measured at the layout's three widths (ui.css).
 */
export function ReservedPlace({ panel, quiet }: { panel: ReservedPanel; quiet?: boolean }) {
  return (
    <div className={`reserved-place reserved-${panel}`}>
      {!quiet && <p className="hint">Loading…</p>}
    </div>
  );
}
