import { useSyncExternalStore } from 'react';
import { directModeNeeds } from '../../transport/directModeNeeds';

const unchanging = () => () => undefined;

/**
 * Why Send goes straight from the browser on a page served without its own server, and what the
 * API must allow for it (directModeNeeds). The origin is the page's; a server rendering this has
 * none, and says "this page's origin".
 */
export function NoRelayNote() {
  const origin = useSyncExternalStore(
    unchanging,
    () => window.location.origin,
    () => "this page's origin",
  );
  return (
    <p className="hint">
      No relay here (this page is served without its own server, e.g. from a static host), so Send
      calls the API straight from the browser: {directModeNeeds(origin)}. Run npx sigv4-playground
      for a relay.
    </p>
  );
}
