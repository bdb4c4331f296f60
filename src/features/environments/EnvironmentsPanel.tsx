import './environments.css';
import { lazy, Suspense, useState } from 'react';
import { PanelBoundary } from '../../components/ui/PanelBoundary';
import { loadCollectionsLogic } from '../../store/collectionsSlice';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

// The editor loads when the panel first opens: the folded panel (its heading and count) is all
// the first paint shows of it.
const EnvironmentsEditor = lazy(() =>
  Promise.all([import('./EnvironmentsEditor'), loadCollectionsLogic()]).then(([module]) => ({
    default: module.EnvironmentsEditor,
  })),
);

/** Named sets of variables (dev, prod, …) for `{{name}}` in the request; folded until opened. */
export function EnvironmentsPanel() {
  const [open, setOpen] = useState(false);
  const count = usePlaygroundStore((s) => s.environments.list.length);
  return (
    <details
      className="panel panel-collapsible"
      aria-labelledby="environments-title"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>
        <h2 id="environments-title">Environments</h2>{' '}
        <span className="muted environments-count">{count > 0 && `(${count})`}</span>
      </summary>
      {open && (
        <PanelBoundary name="Environments">
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <EnvironmentsEditor />
          </Suspense>
        </PanelBoundary>
      )}
    </details>
  );
}
