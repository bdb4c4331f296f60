import { describe, expect, it } from 'vitest';
import type { OutgoingRequest, SendOutcome } from '../transport/sendRequest';
import { answered, createTestStore } from './storeTestSupport';

const NOW = Date.UTC(2015, 7, 30, 12, 36);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

function makeStore(
  answer: (request: OutgoingRequest, signal?: AbortSignal) => Promise<SendOutcome>,
) {
  const sent: Array<{ request: OutgoingRequest; mode: string }> = [];
  const store = createTestStore({
    deps: {
      sendRequest: (request, options) => {
        sent.push({ request, mode: options.mode });
        return answer(request, options.signal);
      },
      now: () => NOW,
    },
  });
  return { store, sent };
}

const ok = answered();

describe('createResponseSlice', () => {
  it('goes idle → sending → response, and sends the signed request', async () => {
    const gate = deferred<SendOutcome>();
    const { store, sent } = makeStore(() => gate.promise);
    expect(store.getState().response.outcome.kind).toBe('idle');
    const sending = store.getState().response.send();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect.poll(() => store.getState().response.outcome.kind).toBe('sending');
    gate.resolve(ok);
    await sending;
    const outcome = store.getState().response.outcome;
    expect(outcome.kind).toBe('response');
    expect(sent).toHaveLength(1);
    const { request, mode } = sent[0]!;
    expect(mode).toBe('relay');
    expect(request.method).toBe('POST');
    expect(request.body).toBe('{"hello":"world"}');
    const authorization = request.headers.find(([name]) => name === 'Authorization')?.[1];
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/ca-central-1\/execute-api\/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=[0-9a-f]{64}$/,
    );
    expect(request.headers).toContainEqual(['X-Amz-Date', '20150830T123600Z']);
  });

  it('signs with the fixed signing time when one is set', async () => {
    const { store, sent } = makeStore(() => Promise.resolve(ok));
    store.getState().request.setField('signingTime', '2020-01-02T03:04:05Z');
    await store.getState().response.send();
    expect(sent[0]!.request.headers).toContainEqual(['X-Amz-Date', '20200102T030405Z']);
  });

  it('records a transport failure as a failure, with what was sent', async () => {
    const { store } = makeStore(() =>
      Promise.resolve({
        kind: 'failure',
        failure: { kind: 'refused', title: 'Connection refused', message: 'm', advice: 'a' },
      }),
    );
    await store.getState().response.send();
    const outcome = store.getState().response.outcome;
    expect(outcome.kind).toBe('failure');
    if (outcome.kind !== 'failure') return;
    expect(outcome.failure.title).toBe('Connection refused');
    expect(outcome.sent?.signing.signature).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not send while the request cannot be signed', async () => {
    const { store, sent } = makeStore(() => Promise.resolve(ok));
    store.getState().request.setField('signingTime', 'yesterday');
    await store.getState().response.send();
    expect(sent).toHaveLength(0);
    expect(store.getState().response.outcome.kind).toBe('idle');
  });

  it('cancel aborts the request and goes back to idle; its late answer is dropped', async () => {
    const gate = deferred<SendOutcome>();
    let signal: AbortSignal | undefined;
    const { store } = makeStore((_, s) => {
      signal = s;
      return gate.promise;
    });
    const sending = store.getState().response.send();
    await expect.poll(() => store.getState().response.outcome.kind).toBe('sending');
    store.getState().response.cancel();
    expect(signal?.aborted).toBe(true);
    expect(store.getState().response.outcome.kind).toBe('idle');
    gate.resolve(ok);
    await sending;
    expect(store.getState().response.outcome.kind).toBe('idle');
  });

  it('a second Send supersedes the first: only the latest answer is shown', async () => {
    const gates = [deferred<SendOutcome>(), deferred<SendOutcome>()];
    let call = 0;
    const { store } = makeStore(() => gates[call++]!.promise);
    const first = store.getState().response.send();
    await expect.poll(() => call).toBe(1);
    const second = store.getState().response.send();
    await expect.poll(() => call).toBe(2);
    gates[1]!.resolve(ok);
    await second;
    gates[0]!.resolve({
      kind: 'failure',
      failure: { kind: 'network', title: 'Cancelled', message: '', advice: '' },
    });
    await first;
    expect(store.getState().response.outcome.kind).toBe('response');
  });
});

describe('createResponseSlice with a transport that throws', () => {
  it('still ends in a failure, never stuck in sending', async () => {
    const { store } = makeStore(() => Promise.reject(new Error('bug')));
    await store.getState().response.send();
    const outcome = store.getState().response.outcome;
    expect(outcome.kind).toBe('failure');
    expect(outcome.kind === 'failure' && outcome.failure.message).toBe('bug');
  });
});
