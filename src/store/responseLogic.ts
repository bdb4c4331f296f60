import type { SigningResult } from '../signing';
import type { OutgoingRequest, SendOutcome } from '../transport/sendRequest';
import { withSigningDate } from './planSigning';
import { MAX_HISTORY_BODY_BYTES, takeSnapshot } from './requestSnapshot';
import { outcomeForTab } from './tabsSlice';
import type {
  PlaygroundDeps,
  ResponseOutcome,
  ResponseSlice,
  SentRequest,
  StoreGet,
  StoreSet,
} from './playgroundState';

/** What Send does (responseSlice.ts loads it with the first Send, or after the first signature). */

export function createResponseActions(
  set: StoreSet,
  get: StoreGet,
  deps: PlaygroundDeps,
): Pick<ResponseSlice, 'send' | 'cancel'> {
  // The send in flight in each tab; a new Send or Cancel in that tab aborts it. Not state:
  // nothing renders it. Keyed by tab, so a Send in one tab never cancels another tab's.
  const inFlight = new Map<string, AbortController>();
  // Into the tab the Send started in, which may no longer be the one on screen (tabsSlice.ts).
  const setOutcome = (tabId: string, outcome: ResponseOutcome) =>
    set((state) => outcomeForTab(state, tabId, outcome));

  return {
    send: async () => {
      const { plan } = get().signing;
      // The page disables Send while blocked; a shortcut press then does nothing either.
      if (plan.blockers.length > 0) return;
      const tabId = get().tabs.activeId;
      inFlight.get(tabId)?.abort();
      const controller = new AbortController();
      inFlight.set(tabId, controller);
      const superseded = () => inFlight.get(tabId) !== controller;

      // Signed here, not taken from the panels: with an empty signing time the signature must
      // carry the clock of this moment, not of the last keystroke.
      const input = withSigningDate(plan, deps.now());
      // Taken now: the form may change while the request is on its way.
      const { request, options } = get();
      const snapshot = takeSnapshot(request, options, plan.scope, MAX_HISTORY_BODY_BYTES);
      let signing: SigningResult;
      try {
        signing = await deps.signRequest(input);
      } catch (error) {
        // signRequest turns bad input into issues; a throw here is a bug or a missing crypto API.
        if (superseded()) return;
        inFlight.delete(tabId);
        setOutcome(tabId, {
          kind: 'failure',
          sent: null,
          failure: {
            kind: 'invalid-request',
            title: 'The request could not be signed',
            message: error instanceof Error ? error.message : String(error),
            advice:
              'Nothing was sent. Reload the page; if it happens again, report it with the inputs.',
          },
        });
        return;
      }
      if (superseded()) return;

      const body = input.body;
      const outgoing: OutgoingRequest = {
        method: input.method,
        url: signing.url,
        headers: signing.headers,
      };
      if (body !== undefined)
        outgoing.body = body instanceof ArrayBuffer ? new Uint8Array(body) : body;
      const sent: SentRequest = { input, signing, transport: plan.transport, outgoing };
      setOutcome(tabId, { kind: 'sending', startedAt: deps.now(), sent });

      let outcome: SendOutcome;
      try {
        outcome = await deps.sendRequest(outgoing, {
          mode: plan.transport,
          signal: controller.signal,
        });
      } catch (error) {
        // sendRequest promises never to throw; if it ever does, still end in a failure state
        // rather than leave the page "Sending…" for good.
        outcome = {
          kind: 'failure',
          failure: {
            kind: 'network',
            title: 'Sending failed',
            message: error instanceof Error ? error.message : String(error),
            advice: 'Try again; if it keeps happening, report it with the request shown here.',
          },
        };
      }
      // Superseded by a newer Send, or cancelled (which already went back to idle).
      if (superseded()) return;
      inFlight.delete(tabId);
      const receivedAt = deps.now();
      setOutcome(
        tabId,
        outcome.kind === 'response'
          ? { kind: 'response', answer: outcome.answer, sent, receivedAt }
          : { kind: 'failure', failure: outcome.failure, sent },
      );
      get().history.record({
        request: snapshot,
        status: outcome.kind === 'response' ? outcome.answer.status : null,
        statusText: outcome.kind === 'response' ? outcome.answer.statusText : outcome.failure.title,
        sentAt: receivedAt,
      });
    },

    cancel: () => {
      const tabId = get().tabs.activeId;
      const controller = inFlight.get(tabId);
      if (controller === undefined) return;
      controller.abort();
      inFlight.delete(tabId);
      setOutcome(tabId, { kind: 'idle' });
    },
  };
}
