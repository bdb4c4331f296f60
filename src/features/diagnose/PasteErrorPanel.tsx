import { lazy, Suspense, useState } from 'react';

// The parser and the error doctor (the largest chunk after the page's own) load when the panel
// first opens. The folded panel itself is part of the first paint: loading it too would insert it
// above the signing steps after they are on screen, and shift them.
const PasteErrorBody = lazy(() =>
  import('./PasteErrorBody').then((module) => ({ default: module.PasteErrorBody })),
);

/**
 * An AWS error from elsewhere (a CLI, a log), explained against the page's current signing: the
 * mismatch view for a signature mismatch, the error doctor's advice for the rest.
 */
export function PasteErrorPanel() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="panel panel-collapsible"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2>Paste an AWS error</h2>
      </summary>
      {open && (
        <Suspense fallback={<p className="hint">Loading…</p>}>
          <PasteErrorBody />
        </Suspense>
      )}
    </details>
  );
}
