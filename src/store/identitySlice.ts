import type { IdentitySlice } from './identityState';
import type { IdentityActions } from './identityLogic';
import { lazyLogic } from './lazyLogic';
import type { PlaygroundDeps, StoreGet, StoreSet } from './playgroundState';

// The calls' code (STS's requests and answers) loads with the first call, not with the page.
type Logic = typeof import('./identityLogic');
const identityLogic = lazyLogic(() => import('./identityLogic'));

/**
 * "Who am I?" and "Assume role": the page's own STS calls, planned from form fields like the
 * form (planSigning), signed by the page's signer and sent by its transport (relay or direct, as
 * the page is set), so a tab opened from a call shows the same signature (identityLogic.ts).
 */
export function createIdentitySlice(
  set: StoreSet,
  get: StoreGet,
  deps: PlaygroundDeps,
): IdentitySlice {
  // Made once: its closures (the latest call per key) are the store's.
  let actions: IdentityActions | undefined;
  const logic = async () => {
    const module: Logic = await identityLogic.load();
    return (actions ??= module.createIdentityActions(set, get, deps));
  };
  return {
    whoAmI: { kind: 'idle' },
    assumed: {},
    checkWhoAmI: async () => (await logic()).checkWhoAmI(),
    assumeRole: async (name, tokenCode) => (await logic()).assumeRole(name, tokenCode),
    assumeRoleWith: async (form) => (await logic()).assumeRoleWith(form),
    // Offered with a call's outcome, so only once a call has loaded the logic.
    showSigning: (call) => actions?.showSigning(call) ?? false,
  };
}
