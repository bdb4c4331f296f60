// What "Who am I?" and "Assume role" do (identitySlice.ts loads it with the first call).
import { callAssumeRole, callGetCallerIdentity, roleProfileOfForm } from './identityCalls';
import type { IdentitySlice } from './identityState';
import type { PlaygroundDeps, StoreGet, StoreSet } from './playgroundState';

export type IdentityActions = Omit<IdentitySlice, 'whoAmI' | 'assumed'>;

/**
 * "Who am I?" and "Assume role": the page's own STS calls, planned from form fields like the
 * form (planSigning), signed by the page's signer and sent by its transport (relay or direct, as
 * the page is set), so a tab opened from a call shows the same signature (identityCalls.ts).
 */
export function createIdentityActions(
  set: StoreSet,
  get: StoreGet,
  deps: PlaygroundDeps,
): IdentityActions {
  // The latest call per key ('who' or a role profile's name): an older answer never replaces it.
  const latest = new Map<string, number>();
  let counter = 0;
  const begin = (key: string) => {
    counter += 1;
    latest.set(key, counter);
    return counter;
  };
  const current = (key: string, id: number) => latest.get(key) === id;

  const setWhoAmI = (whoAmI: IdentitySlice['whoAmI']) =>
    set((state) => ({ identity: { ...state.identity, whoAmI } }));
  const setAssumed = (name: string, outcome: IdentitySlice['assumed'][string]) =>
    set((state) => ({
      identity: { ...state.identity, assumed: { ...state.identity.assumed, [name]: outcome } },
    }));

  const slice: IdentityActions = {
    checkWhoAmI: async () => {
      const id = begin('who');
      setWhoAmI({ kind: 'calling' });
      const outcome = await callGetCallerIdentity(get, deps);
      if (current('who', id)) setWhoAmI(outcome);
    },

    assumeRole: async (name, tokenCode) => {
      const id = begin(name);
      setAssumed(name, { kind: 'calling' });
      const { outcome, credentials } = await callAssumeRole(get, deps, name, tokenCode);
      if (!current(name, id)) return;
      if (credentials !== undefined) {
        get().profiles.setAssumed(name, credentials);
        // The role's keys become the ones the request signs with.
        get().request.chooseProfile(name);
      }
      setAssumed(name, outcome);
    },

    assumeRoleWith: async (form) => {
      const list = get().profiles.list;
      const checked = roleProfileOfForm(form, list, deps.now());
      if (!checked.ok) return checked.problems;
      const { entry } = checked;
      get().profiles.replaceAll(
        list.some((candidate) => candidate.name === entry.name)
          ? list.map((candidate) => (candidate.name === entry.name ? entry : candidate))
          : [...list, entry],
      );
      await slice.assumeRole(entry.name, checked.tokenCode || undefined);
      return [];
    },

    showSigning: (call) => {
      if (!get().tabs.openNew()) return false;
      set((state) => ({ request: { ...state.request, ...call.fields } }));
      return true;
    },
  };
  return slice;
}
