import './import-export.css';
import { lazy, Suspense, useState } from 'react';
import { PanelBoundary } from '../../components/ui/PanelBoundary';

// The importers are loaded when the panel first opens: the first load stays as small as before.
const ImportBody = lazy(() =>
  import('./ImportBody').then((module) => ({ default: module.ImportBody })),
);

/** Paste a curl command, an HTTP request or credentials, and the form fills from it. */
export function ImportPanel() {
  const [open, setOpen] = useState(false);
  return (
    <details
      className="panel panel-collapsible"
      aria-labelledby="import-title"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2 id="import-title">Import</h2>
      </summary>
      {open && (
        <PanelBoundary name="Import">
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <ImportBody />
          </Suspense>
        </PanelBoundary>
      )}
    </details>
  );
}
