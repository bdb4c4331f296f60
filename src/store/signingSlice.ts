import type { SigningInput, SigningResult } from '../signing';
import { createLatestRunner } from './latestRunner';
import { planSigning, withSigningDate, type SigningPlan } from './planSigning';
import {
  sameActiveCredentials,
  selectActiveCredentials,
  type ActiveCredentials,
} from './activeCredentials';
import type { VariableScope } from '../collections/resolveVariables';
import { stateVariableScopes } from './resolveFormVariables';
import { sameRequestApartFromDate } from './sameRequest';
import type {
  PlaygroundDeps,
  PlaygroundState,
  ResponseOutcome,
  ShownSigning,
  SignedRequest,
  SigningSlice,
  StoreGet,
  StoreSet,
} from './playgroundState';
import { whenState, type WatchedStore } from './whenState';

/**
 * The signing the page shows: what Send signed, while the form still asks for that same request
 * (so the steps match what the server checked), else the latest live signing.
 */
export function chooseShownSigning(
  plan: SigningPlan,
  live: SignedRequest | null,
  outcome: ResponseOutcome,
): ShownSigning | null {
  const sent = outcome.kind === 'idle' ? null : outcome.sent;
  if (sent !== null) {
    // With the clock, Send signed at its own moment, which the live signing cannot match. At a
    // fixed time it signed exactly what the live signing shows, except with SigV4A, whose
    // signatures are randomized: then Send's own is the one to show, or two would be about.
    const sameTime =
      plan.signingTime.kind === 'now' ||
      (plan.signingTime.kind === 'fixed' &&
        plan.input.algorithm === 'sigv4a' &&
        sent.input.signingDate.getTime() === plan.signingTime.date.getTime());
    if (
      sameTime &&
      sameRequestApartFromDate(sent.input, { ...plan.input, signingDate: sent.input.signingDate })
    ) {
      return { input: sent.input, result: sent.signing, source: 'sent' };
    }
  }
  return live === null ? null : { ...live, source: 'live' };
}

/**
 * Whether the signing has caught up with the form: the signature shown is the current plan's (no
 * newer signing is on its way), or there is nothing to wait for (an error, a plan that cannot be
 * signed). The page's first paint waits for it, and so does adopting the server's first view.
 */
export function signingCaughtUp(state: PlaygroundState): boolean {
  const { plan, shown, error } = state.signing;
  if (error !== null || plan.blockers.length > 0) return true;
  return (
    shown !== null &&
    sameRequestApartFromDate(shown.input, { ...plan.input, signingDate: shown.input.signingDate })
  );
}

/** Resolves once `store`'s signing has caught up with its form (signingCaughtUp). */
export function whenSigningCaughtUp(store: WatchedStore): Promise<void> {
  return whenState(store, signingCaughtUp);
}

/** The same scopes: each one's variables are the very same list (slices replace what changes). */
const sameScopes = (a: readonly VariableScope[], b: readonly VariableScope[]) =>
  a.length === b.length &&
  a.every(
    (scope, i) =>
      scope.kind === b[i]!.kind &&
      scope.label === b[i]!.label &&
      scope.variables === b[i]!.variables,
  );

const sameShown = (a: ShownSigning | null, b: ShownSigning | null) =>
  a === b ||
  (a !== null &&
    b !== null &&
    a.source === b.source &&
    a.input === b.input &&
    a.result === b.result);

/**
 * The live signature as store state. The plan is derived from the request, credentials and
 * options whenever one of them changes; each new plan is signed by a latest-only runner (with the
 * clock of the change when the signing time is empty), so typing never piles up signings and an
 * older signature never replaces a newer one. The last result stays while the next is computed.
 */
export function createSigningSlice(
  set: StoreSet,
  get: StoreGet,
  deps: PlaygroundDeps,
  initial: Pick<PlaygroundState, 'request' | 'credentials' | 'options'>,
): SigningSlice {
  // What the current plan was made from (each slice object is replaced on every change to it);
  // null until the first sync, which signs the first plan.
  let planSources:
    | (Pick<PlaygroundState, 'request' | 'options'> & {
        credentials: ActiveCredentials;
        variables: VariableScope[];
      })
    | null = null;
  const setSigning = (fields: Partial<Pick<SigningSlice, 'live' | 'error'>>) =>
    set((state) => {
      const signing = { ...state.signing, ...fields };
      const shown = chooseShownSigning(signing.plan, signing.live, state.response.outcome);
      return { signing: sameShown(shown, signing.shown) ? signing : { ...signing, shown } };
    });
  const runner = createLatestRunner<SigningInput, SigningResult>(
    (input) => deps.signRequest(input),
    (input, result) => setSigning({ live: { input, result }, error: null }),
    (error) => setSigning({ error: error instanceof Error ? error.message : String(error) }),
  );

  return {
    plan: planSigning(initial),
    live: null,
    error: null,
    shown: null,

    // The store calls this after every change (createPlaygroundStore): it does nothing unless
    // the plan's sources or the shown signing's changed.
    sync: () => {
      const state = get();
      const { request, options } = state;
      // The keys that sign: the request's or the active environment's profile, else the typed
      // ones. Compared by value: profiles and environments change for many other reasons.
      const credentials = selectActiveCredentials(state);
      // Collections and environments change for many reasons (loading, saving, typing in the
      // environments editor): only a change to the variables of a request that reads them makes
      // a new plan (and a new signing).
      const variables = stateVariableScopes(state);
      let { plan } = state.signing;
      const planChanged =
        planSources === null ||
        request !== planSources.request ||
        !sameActiveCredentials(credentials, planSources.credentials) ||
        options !== planSources.options ||
        (plan.readsVariables && !sameScopes(variables, planSources.variables));
      if (planChanged) {
        planSources = { request, credentials, options, variables };
        plan = planSigning(planSources);
      }
      const shown = chooseShownSigning(plan, state.signing.live, state.response.outcome);
      if (planChanged || !sameShown(shown, state.signing.shown)) {
        set((current) => ({
          signing: {
            ...current.signing,
            plan,
            shown: sameShown(shown, current.signing.shown) ? current.signing.shown : shown,
          },
        }));
      }
      // A blocked plan is not signed: the last signature stays, shown as stale.
      if (planChanged && plan.blockers.length === 0) {
        runner.run(withSigningDate(plan, deps.now()));
      }
    },
  };
}
