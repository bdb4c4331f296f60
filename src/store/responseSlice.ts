// The response slice as the store starts it: no answer yet, and Send and Cancel, whose work
// (signing afresh, sending, recording the history) is responseLogic.ts: it loads with the first
// Send, or once the first signature is painted (preloadSendLogic), not with the first script.
import { sendingNotLoaded } from '../transport/sendRequest';
import { lazyLogic } from './lazyLogic';
import type { PlaygroundDeps, ResponseSlice, StoreGet, StoreSet } from './playgroundState';

type Logic = typeof import('./responseLogic');
const sendLogic = lazyLogic(() => import('./responseLogic'));

/** Loads what Send does, so the first Send does not wait for it. */
export const preloadSendLogic = sendLogic.load;

export function createResponseSlice(
  set: StoreSet,
  get: StoreGet,
  deps: PlaygroundDeps,
): ResponseSlice {
  // Made once: its closures (the requests in flight) are the store's.
  let actions: Pick<ResponseSlice, 'send' | 'cancel'> | undefined;
  const logic = (module: Logic) => (actions ??= module.createResponseActions(set, get, deps));
  return {
    outcome: { kind: 'idle' },
    send: async () => {
      let module: Logic;
      try {
        module = sendLogic.loaded() ?? (await sendLogic.load());
      } catch (error) {
        // Said where the answer goes.
        set((state) => ({
          response: {
            ...state.response,
            outcome: { kind: 'failure', sent: null, failure: sendingNotLoaded(error) },
          },
        }));
        return;
      }
      return logic(module).send();
    },
    // Nothing is in flight before the first Send loaded the logic.
    cancel: () => {
      const module = sendLogic.loaded();
      if (module !== undefined) logic(module).cancel();
    },
  };
}
