import './identity.css';
import { lazy, Suspense, useState } from 'react';
import { WhoAmI } from './WhoAmI';

// The assume-role form (with the STS request's limits it checks) loads when "Assume a role…" is
// first opened; "Who am I?" is small and part of the first paint, so the panel has its full
// height from the start and the panels below it (the signing options) never move under a click.
const AssumeRoleForm = lazy(() =>
  import('./AssumeRoleForm').then((module) => ({ default: module.AssumeRoleForm })),
);

/** "Who am I?" and "Assume role": the page's own STS calls, signed step by step like any other. */
export function IdentityPanel() {
  // Once opened, the form stays mounted: closing and opening again keeps what was typed.
  const [opened, setOpened] = useState(false);
  return (
    <div className="identity">
      <WhoAmI />
      <details
        className="assume-role-details"
        onToggle={(event) => {
          if (event.currentTarget.open) setOpened(true);
        }}
      >
        <summary>Assume a role…</summary>
        {opened && (
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <AssumeRoleForm />
          </Suspense>
        )}
      </details>
    </div>
  );
}
