import { lazy, Suspense } from 'react';
import type { ExpiryFlagProps } from './ExpiryFlagView';

// The countdown loads only for keys that say when they expire (profiles from STS, assumed roles):
// most keys never show it, and the page's first script carries none of it.
const ExpiryFlagView = lazy(() =>
  import('./ExpiryFlagView').then((module) => ({ default: module.ExpiryFlagView })),
);

/**
 * "Profile admin: expires in 4:12" / "…: expired 3 minutes ago" (ExpiryFlagView), or nothing for
 * keys that do not expire.
 */
export function ExpiryFlag(props: ExpiryFlagProps) {
  if (props.expiration === null) return null;
  return (
    <Suspense fallback={null}>
      <ExpiryFlagView {...props} />
    </Suspense>
  );
}
