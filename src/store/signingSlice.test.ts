import { describe, expect, it } from 'vitest';
import { nodeSigningCrypto } from '../../server/nodeSigningCrypto';
import {
  createSigner,
  type SigningCrypto,
  type SigningInput,
  type SigningResult,
} from '../signing';
import type { OutgoingRequest } from '../transport/sendRequest';
import { createMemoryStorage } from './createPlaygroundStore';
import { selectSigningPlan } from './selectSigningPlan';
import { answered, createTestStore } from './storeTestSupport';

const NOW = Date.UTC(2015, 7, 30, 12, 36);
const ok = answered();

/**
 * A fresh store on the real signer (node:crypto, which has ECDSA for SigV4A) and a clock the test
 * moves. Every signing is recorded, so a test can count them and wait until all are published.
 */
function makeStore() {
  const signer = createSigner({ crypto: nodeSigningCrypto });
  const signings: Array<{ input: SigningInput; done: Promise<unknown> }> = [];
  const sent: OutgoingRequest[] = [];
  let now = NOW;
  const store = createTestStore({
    deps: {
      signRequest: (input) => {
        const done = signer.signRequest(input);
        signings.push({ input, done: done.catch(() => undefined) });
        return done;
      },
      sendRequest: (request) => {
        sent.push(request);
        return Promise.resolve(ok);
      },
      now: () => now,
    },
  });
  /** Resolves once every signing started so far, and any started after it, is published. */
  const settled = async () => {
    for (let seen = -1; seen !== signings.length;) {
      seen = signings.length;
      await Promise.all(signings.map((signing) => signing.done));
      // The runner publishes in the continuation after the signing's promise.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  return { store, signings, sent, settled, tick: (ms: number) => (now += ms) };
}

const shownResult = (store: ReturnType<typeof makeStore>['store']): SigningResult =>
  store.getState().signing.shown!.result;

describe('signing slice', () => {
  it('signs the first plan with the injected clock and shows it as the live signing', async () => {
    const { store, signings, settled } = makeStore();
    expect(store.getState().signing.shown).toBeNull();
    await settled();
    expect(signings).toHaveLength(1);
    const { shown, plan, error } = store.getState().signing;
    expect(error).toBeNull();
    expect(shown?.source).toBe('live');
    expect(shown?.input).toEqual({ ...plan.input, signingDate: new Date(NOW) });
    expect(shown?.result.amzDate).toBe('20150830T123600Z');
    expect(shown?.result.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/ca-central-1\/execute-api\/aws4_request, /,
    );
  });

  it('signs once per change, with the clock of the change', async () => {
    const { store, signings, settled, tick } = makeStore();
    await settled();
    tick(5_000);
    store.getState().request.setField('bodyText', '{"hello":"there"}');
    await settled();
    expect(signings).toHaveLength(2);
    expect(shownResult(store).amzDate).toBe('20150830T123605Z');
    expect(store.getState().signing.shown?.input.body).toBe('{"hello":"there"}');
    // A change outside the form (the response, the check draft) signs nothing.
    store.getState().checkDraft.setText('GET / HTTP/1.1');
    await settled();
    expect(signings).toHaveLength(2);
  });

  it('signs only the latest of the changes made while a signing runs', async () => {
    const { store, signings, settled } = makeStore();
    await settled();
    for (const text of ['a', 'ab', 'abc', 'abcd'])
      store.getState().request.setField('bodyText', text);
    await settled();
    // The first change starts at once; of those made while it runs, only the last.
    expect(signings.map((signing) => signing.input.body)).toEqual([
      '{"hello":"world"}',
      'a',
      'abcd',
    ]);
    expect(store.getState().signing.shown?.input.body).toBe('abcd');
  });

  it('does not sign a blocked plan, and keeps the last signature shown', async () => {
    const { store, signings, settled } = makeStore();
    await settled();
    const before = store.getState().signing.shown;
    store.getState().request.setField('signingTime', 'not a time');
    await settled();
    expect(store.getState().signing.plan.blockers).toEqual(['The signing time is not valid.']);
    expect(signings).toHaveLength(1);
    expect(store.getState().signing.shown).toBe(before);
  });

  it('says why a signing failed and keeps the last one', async () => {
    // SigV4A on a crypto without ECDSA is a programmer error: the signer throws.
    const withoutEcdsa: SigningCrypto = { ...nodeSigningCrypto };
    delete withoutEcdsa.ecdsaP256Sign;
    const signer = createSigner({ crypto: withoutEcdsa });
    const store = createTestStore({
      deps: { signRequest: (input) => signer.signRequest(input), now: () => NOW },
    });
    await expect.poll(() => store.getState().signing.shown).not.toBeNull();
    const before = store.getState().signing.shown;
    store.getState().options.setField('algorithm', 'sigv4a');
    await expect.poll(() => store.getState().signing.error).toMatch(/ECDSA/);
    expect(store.getState().signing.shown).toBe(before);
  });

  it('shows what Send signed while the form asks for the same request, then the live one', async () => {
    const { store, sent, settled, tick } = makeStore();
    await settled();
    tick(2_000);
    await store.getState().response.send();
    const { shown } = store.getState().signing;
    expect(shown?.source).toBe('sent');
    expect(shown?.result.amzDate).toBe('20150830T123602Z');
    expect(sent[0]!.headers).toContainEqual(['Authorization', shown!.result.authorization!]);
    store.getState().request.setField('method', 'PUT');
    await settled();
    expect(store.getState().signing.shown?.source).toBe('live');
    store.getState().request.setField('method', 'POST');
    await settled();
    expect(store.getState().signing.shown).toMatchObject({ source: 'sent', result: shown!.result });
  });

  it('at a fixed time shows the live SigV4 signing, which Send repeats byte for byte', async () => {
    const { store, settled } = makeStore();
    store.getState().request.setField('signingTime', '2015-08-30T12:36:00Z');
    await store.getState().response.send();
    await settled();
    const { shown } = store.getState().signing;
    expect(shown?.source).toBe('live');
    const outcome = store.getState().response.outcome;
    expect(outcome.kind === 'response' && outcome.sent.signing.signature).toBe(
      shown!.result.signature,
    );
  });

  it('at a fixed time shows Send’s own SigV4A signing: one signature, not two', async () => {
    const { store, settled } = makeStore();
    store.getState().options.setField('algorithm', 'sigv4a');
    store.getState().request.setField('signingTime', '2015-08-30T12:36:00Z');
    await settled();
    const live = store.getState().signing.shown!;
    await store.getState().response.send();
    await settled();
    const outcome = store.getState().response.outcome;
    if (outcome.kind !== 'response') throw new Error(`expected a response, got ${outcome.kind}`);
    // ECDSA is randomized: Send's signature differs from the live one, and it is the one shown.
    expect(outcome.sent.signing.signature).not.toBe(live.result.signature);
    expect(store.getState().signing.shown).toMatchObject({
      source: 'sent',
      result: outcome.sent.signing,
    });
  });

  it('keeps each store’s plan its own (no cache shared between stores)', () => {
    const a = makeStore().store;
    const b = makeStore().store;
    a.getState().request.setField('method', 'PUT');
    expect(selectSigningPlan(a.getState()).input.method).toBe('PUT');
    expect(selectSigningPlan(b.getState()).input.method).toBe('POST');
    expect(selectSigningPlan(a.getState())).toBe(selectSigningPlan(a.getState()));
  });
});

describe('check draft slice', () => {
  it('holds the text "Check a signature" checks, and it is never saved', () => {
    const storage = createMemoryStorage();
    const store = createTestStore({
      deps: {
        signRequest: (input) => createSigner({ crypto: nodeSigningCrypto }).signRequest(input),
        now: () => NOW,
      },
      storage,
    });
    store.getState().checkDraft.setText('GET /secret-draft HTTP/1.1');
    expect(store.getState().checkDraft.text).toBe('GET /secret-draft HTTP/1.1');
    store.getState().request.setField('method', 'PUT');
    expect([...storage.data.values()].join('')).not.toContain('secret-draft');
  });
});
