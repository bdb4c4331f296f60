import { lazy, Suspense } from 'react';

// "Assume role" loads with the first role profile shown, not with the page.
const RoleProfileActions = lazy(() =>
  import('./RoleProfileActions').then((module) => ({ default: module.RoleProfileActions })),
);

/** The slot beside role profile `name` in the profiles list: "Assume role" / "Refresh". */
export function RoleProfileSlot({ name }: { name: string }) {
  return (
    <Suspense fallback={null}>
      <RoleProfileActions name={name} />
    </Suspense>
  );
}
