import { planSigning, type SigningPlan } from './planSigning';
import type { PlaygroundState } from './playgroundState';

let cache:
  | {
      request: PlaygroundState['request'];
      credentials: PlaygroundState['credentials'];
      options: PlaygroundState['options'];
      plan: SigningPlan;
    }
  | undefined;

/**
 * The signing plan of the current state, as a selector. Computed once per change of the three
 * slices it reads (each slice object is replaced on every change to it), so every panel can select
 * from it without validating the request again, and a Response update does not re-plan.
 */
export function selectSigningPlan(state: PlaygroundState): SigningPlan {
  const { request, credentials, options } = state;
  if (
    cache === undefined ||
    cache.request !== request ||
    cache.credentials !== credentials ||
    cache.options !== options
  ) {
    cache = { request, credentials, options, plan: planSigning({ request, credentials, options }) };
  }
  return cache.plan;
}
