// The "Gateway policies" panel's frame: collapsed by default, its editor loaded only once it is
// opened (by hand, or by "Why was this denied?"), so the first paint carries none of it.
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useGatewayPoliciesFocus } from '../../store/gatewayPoliciesFocus';

const GatewayPoliciesEditor = lazy(() =>
  import('./GatewayPoliciesEditor').then((module) => ({ default: module.GatewayPoliciesEditor })),
);

export function GatewayPoliciesMount() {
  const open = useGatewayPoliciesFocus((state) => state.open);
  const asked = useGatewayPoliciesFocus((state) => state.asked);
  const setOpen = useGatewayPoliciesFocus((state) => state.setOpen);
  const details = useRef<HTMLDetailsElement>(null);
  // "Why was this denied?" opens the panel and brings it into view.
  useEffect(() => {
    if (asked > 0) details.current?.scrollIntoView({ block: 'start' });
  }, [asked]);
  return (
    <section className="panel gateway-policies" aria-label="Gateway policies">
      <details ref={details} open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary>Gateway policies</summary>
        {open && (
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <GatewayPoliciesEditor />
          </Suspense>
        )}
      </details>
    </section>
  );
}
