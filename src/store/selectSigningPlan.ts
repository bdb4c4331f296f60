import type { SigningPlan } from './planSigning';
import type { PlaygroundState } from './playgroundState';

/** The signing plan of the current state: derived by the signing slice, as each change happens. */
export function selectSigningPlan(state: PlaygroundState): SigningPlan {
  return state.signing.plan;
}
