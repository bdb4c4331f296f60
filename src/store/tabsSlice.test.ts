import { describe, expect, it } from 'vitest';
import type { OutgoingRequest, SendOutcome } from '../transport/sendRequest';
import { createMemoryStorage } from './createPlaygroundStore';
import { STORAGE_KEY } from './persistence';
import type { PlaygroundState } from './playgroundState';
import { MAX_PERSISTED_TAB_BODY_CHARS } from './storedTabs';
import { answered, createTestStore } from './storeTestSupport';
import { MAX_TABS } from './tabsSlice';

const NOW = Date.UTC(2015, 7, 30, 12, 36);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A store on the real signer whose transport answers each request with `answer`, and the
 * requests it was given (with their abort signals).
 */
function makeStore(answer: (request: OutgoingRequest) => Promise<SendOutcome>) {
  const sent: Array<{ request: OutgoingRequest; signal: AbortSignal | undefined }> = [];
  const store = createTestStore({
    deps: {
      sendRequest: (request, options) => {
        sent.push({ request, signal: options.signal });
        return answer(request);
      },
      now: () => NOW,
    },
  });
  return { store, sent };
}

const statusOf = (state: PlaygroundState) => {
  const { outcome } = state.response;
  return outcome.kind === 'response' ? outcome.answer.status : outcome.kind;
};

describe('createTabsSlice', () => {
  it('starts with one tab on screen', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const { list, activeId } = store.getState().tabs;
    expect(list).toHaveLength(1);
    expect(list[0]).toEqual({ id: activeId, parked: null });
  });

  it('keeps each tab’s request, signing options and response when switching', async () => {
    const { store } = makeStore((request) =>
      Promise.resolve(answered({ status: request.method === 'GET' ? 403 : 200 })),
    );
    const state = () => store.getState();
    const first = state().tabs.activeId;
    await state().response.send();
    expect(statusOf(state())).toBe(200);

    expect(state().tabs.openNew()).toBe(true);
    const second = state().tabs.activeId;
    expect(second).not.toBe(first);
    // A fresh tab: the first-run request, nothing sent yet.
    expect(state().request.method).toBe('POST');
    expect(state().response.outcome.kind).toBe('idle');
    state().request.setField('method', 'GET');
    state().request.setField('bodyText', '');
    state().options.setField('mode', 'query');
    await state().response.send();
    expect(statusOf(state())).toBe(403);

    state().tabs.select(first);
    expect(state().request.method).toBe('POST');
    expect(state().request.bodyText).toBe('{"hello":"world"}');
    expect(state().options.mode).toBe('header');
    expect(statusOf(state())).toBe(200);

    state().tabs.select(second);
    expect(state().request.method).toBe('GET');
    expect(state().options.mode).toBe('query');
    expect(statusOf(state())).toBe(403);
    expect(state().tabs.list.map((tab) => tab.parked === null)).toEqual([false, true]);
  });

  it('shows the tab’s own Send signature at once when switching back to it', async () => {
    const { store, sent } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const first = state().tabs.activeId;
    await state().response.send();
    const firstSignature = sent[0]!.request.headers.find(([name]) => name === 'Authorization')![1];
    state().tabs.openNew();
    state().request.setField('bodyText', '{"tab":2}');
    await expect.poll(() => state().signing.live?.input.body).toBe('{"tab":2}');

    state().tabs.select(first);
    // In the same update as the switch, before anything is signed again.
    const shown = state().signing.shown;
    expect(shown?.source).toBe('sent');
    expect(firstSignature).toContain(`Signature=${shown!.result.signature}`);
  });

  it('copies every request field, including ones it does not know by name', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const first = state().tabs.activeId;
    store.setState((current) => ({
      request: { ...current.request, laterField: 'first tab' } as PlaygroundState['request'],
    }));
    state().tabs.openNew();
    store.setState((current) => ({
      request: { ...current.request, laterField: 'second tab' } as PlaygroundState['request'],
    }));
    state().tabs.select(first);
    expect((state().request as unknown as { laterField: string }).laterField).toBe('first tab');
  });

  it('keeps the credentials, the transport and the gateway the page’s, not the tab’s', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const first = state().tabs.activeId;
    state().tabs.openNew();
    state().credentials.setField('accessKeyId', 'AKIDOTHER');
    state().options.setField('transport', 'direct');
    state().tabs.select(first);
    expect(state().credentials.accessKeyId).toBe('AKIDOTHER');
    expect(state().options.transport).toBe('direct');
  });

  it('moves a parked tab’s URL with the local gateway, as the one on screen moves', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const first = state().tabs.activeId;
    const oldBase = state().options.gatewayUrl;
    state().request.setField('url', `${oldBase}/hello?tab=1`);
    state().tabs.openNew();
    state().tabs.openNew();
    state().request.setField('url', 'https://example.com/prod/hello');
    state().options.applyPlaygroundConfig({
      gatewayUrl: 'http://127.0.0.1:6000/prod',
      relay: true,
    });
    state().tabs.select(first);
    expect(state().request.url).toBe('http://127.0.0.1:6000/prod/hello?tab=1');
    state().tabs.selectNext();
    expect(state().request.url).toBe('http://127.0.0.1:6000/prod/hello');
    state().tabs.selectNext();
    expect(state().request.url).toBe('https://example.com/prod/hello');
  });

  it('delivers a Send still in flight into its own tab, not the one on screen', async () => {
    const gate = deferred<SendOutcome>();
    const { store, sent } = makeStore(() => gate.promise);
    const state = () => store.getState();
    const first = state().tabs.activeId;
    const sending = state().response.send();
    await expect.poll(() => state().response.outcome.kind).toBe('sending');

    state().tabs.openNew();
    const second = state().tabs.activeId;
    expect(state().response.outcome.kind).toBe('idle');
    gate.resolve(answered({ status: 201, statusText: 'Created' }));
    await sending;

    // The tab on screen is untouched; the first tab has its answer, and History has the send.
    expect(state().response.outcome.kind).toBe('idle');
    expect(state().history.entries).toHaveLength(1);
    expect(state().history.entries[0]!.status).toBe(201);
    expect(sent[0]!.signal?.aborted).toBe(false);
    state().tabs.select(first);
    expect(statusOf(state())).toBe(201);
    state().tabs.select(second);
    expect(state().response.outcome.kind).toBe('idle');
  });

  it('a Send in one tab neither cancels nor replaces another tab’s', async () => {
    const gates = [deferred<SendOutcome>(), deferred<SendOutcome>()];
    const { store, sent } = makeStore(() => gates[sent.length - 1]!.promise);
    const state = () => store.getState();
    const first = state().tabs.activeId;
    const firstSend = state().response.send();
    await expect.poll(() => sent.length).toBe(1);
    state().tabs.openNew();
    const secondSend = state().response.send();
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[0]!.signal?.aborted).toBe(false);

    // Cancel acts on the tab on screen only.
    state().response.cancel();
    expect(sent[1]!.signal?.aborted).toBe(true);
    expect(sent[0]!.signal?.aborted).toBe(false);
    gates[1]!.resolve(answered({ status: 500 }));
    gates[0]!.resolve(answered({ status: 200 }));
    await Promise.all([firstSend, secondSend]);
    expect(state().response.outcome.kind).toBe('idle');
    state().tabs.select(first);
    expect(statusOf(state())).toBe(200);
  });

  it('drops the outcome of a Send whose tab was closed, and still records it in History', async () => {
    const gate = deferred<SendOutcome>();
    const { store } = makeStore(() => gate.promise);
    const state = () => store.getState();
    const first = state().tabs.activeId;
    const sending = state().response.send();
    await expect.poll(() => state().response.outcome.kind).toBe('sending');
    state().tabs.openNew();
    state().tabs.close(first);
    gate.resolve(answered());
    await sending;
    expect(state().tabs.list).toHaveLength(1);
    expect(state().response.outcome.kind).toBe('idle');
    expect(state().history.entries).toHaveLength(1);
  });

  it('closing the tab on screen shows its right neighbour, else its left one', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const [a] = state().tabs.list.map((tab) => tab.id);
    state().tabs.openNew();
    const b = state().tabs.activeId;
    state().tabs.openNew();
    const c = state().tabs.activeId;
    state().request.setField('url', 'http://127.0.0.1:5174/prod/c');
    state().tabs.select(b);
    state().tabs.close(b);
    expect(state().tabs.activeId).toBe(c);
    expect(state().request.url).toBe('http://127.0.0.1:5174/prod/c');
    state().tabs.close(c);
    expect(state().tabs.activeId).toBe(a);
    expect(state().tabs.list.map((tab) => tab.id)).toEqual([a]);
  });

  it('closing a tab not on screen leaves the one on screen as it is', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const first = state().tabs.activeId;
    state().tabs.openNew();
    const second = state().tabs.activeId;
    state().request.setField('url', 'http://127.0.0.1:5174/prod/second');
    state().tabs.close(first);
    expect(state().tabs.activeId).toBe(second);
    expect(state().tabs.list).toEqual([{ id: second, parked: null }]);
    expect(state().request.url).toBe('http://127.0.0.1:5174/prod/second');
  });

  it('closing the last tab leaves one fresh tab', async () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const only = state().tabs.activeId;
    state().request.setField('url', 'http://127.0.0.1:5174/prod/edited');
    await state().response.send();
    state().tabs.close(only);
    expect(state().tabs.list).toHaveLength(1);
    expect(state().tabs.activeId).not.toBe(only);
    expect(state().request.url).toBe(`${state().options.gatewayUrl}/hello`);
    expect(state().response.outcome.kind).toBe('idle');
  });

  it('next and previous go round the tabs', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const a = state().tabs.activeId;
    state().tabs.openNew();
    const b = state().tabs.activeId;
    state().tabs.openNew();
    const c = state().tabs.activeId;
    state().tabs.selectNext();
    expect(state().tabs.activeId).toBe(a);
    state().tabs.selectNext();
    expect(state().tabs.activeId).toBe(b);
    state().tabs.selectPrevious();
    state().tabs.selectPrevious();
    expect(state().tabs.activeId).toBe(c);
  });

  it(`opens at most ${MAX_TABS} tabs`, () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    for (let open = 1; open < MAX_TABS; open++) expect(state().tabs.openNew()).toBe(true);
    const last = state().tabs.activeId;
    expect(state().tabs.openNew()).toBe(false);
    expect(state().tabs.list).toHaveLength(MAX_TABS);
    expect(state().tabs.activeId).toBe(last);
  });

  it('a file still being read when the tab is left says so when it comes back', () => {
    const { store } = makeStore(() => Promise.resolve(answered()));
    const state = () => store.getState();
    const first = state().tabs.activeId;
    void state().request.loadBodyFile(new File(['x'.repeat(1000)], 'big.bin'));
    expect(state().request.bodyFile?.status).toBe('reading');
    state().tabs.openNew();
    state().tabs.select(first);
    expect(state().request.bodyFile?.status).toBe('error');
    expect(state().request.bodyFile?.error).toMatch(/another tab/);
  });
});

describe('open tabs across a reload', () => {
  const SECRET_KEY = 'secret-key-not-for-storage';
  const TOKEN = 'api-key-not-for-storage';
  const URL_SECRET = 'url-token-not-for-storage';

  /** A store on `storage`, as a reload makes it. */
  const reload = (storage: ReturnType<typeof createMemoryStorage>) =>
    createTestStore({ storage, deps: { sendRequest: () => Promise.resolve(answered()) } });

  /** Three tabs, the second on screen; the third carries credentials in a header and the URL. */
  async function threeTabs(storage: ReturnType<typeof createMemoryStorage>) {
    const store = reload(storage);
    const state = () => store.getState();
    state().credentials.fillIdentity({ accessKeyId: 'AKIDMINE', secretAccessKey: SECRET_KEY });
    await state().response.send();
    state().tabs.openNew();
    state().request.setField('method', 'GET');
    state().request.setField('bodyText', '');
    state().options.setField('algorithm', 'sigv4a');
    state().tabs.openNew();
    state().request.setField(
      'url',
      `http://127.0.0.1:5174/prod/items?X-Amz-Security-Token=${URL_SECRET}`,
    );
    state().request.addHeader('X-Api-Key', TOKEN);
    state().request.setField('regionOverride', null);
    state().tabs.selectPrevious();
    return store;
  }

  it('brings back every tab in order, with its request and options, and the one on screen', async () => {
    const storage = createMemoryStorage();
    const before = (await threeTabs(storage)).getState();
    const after = reload(storage).getState();
    expect(after.tabs.list.map((tab) => tab.id)).toEqual(before.tabs.list.map((tab) => tab.id));
    expect(after.tabs.activeId).toBe(before.tabs.activeId);
    expect(after.request.method).toBe('GET');
    expect(after.options.algorithm).toBe('sigv4a');
    const [first, , third] = after.tabs.list;
    expect(first!.parked!.request.method).toBe('POST');
    expect(first!.parked!.request.bodyText).toBe('{"hello":"world"}');
    expect(first!.parked!.options.algorithm).toBe('sigv4');
    // Answers are not kept, as for the request on screen.
    expect(first!.parked!.outcome.kind).toBe('idle');
    expect(third!.parked!.request.url).toBe('http://127.0.0.1:5174/prod/items');
    expect(third!.parked!.request.regionOverride).toBeNull();
    expect(third!.parked!.request.withheldFromUrl).toEqual(['X-Amz-Security-Token']);
    expect(third!.parked!.request.headers.find((row) => row.name === 'X-Api-Key')).toMatchObject({
      value: '',
      withheld: true,
    });
    // Switching to a restored tab works like any other.
    after.tabs.select(first!.id);
    expect(reload(storage).getState().tabs.activeId).toBe(first!.id);
  });

  it('stores no key, token or credential of any tab', async () => {
    const storage = createMemoryStorage();
    await threeTabs(storage);
    const stored = storage.data.get(STORAGE_KEY)!;
    expect(stored).toContain('"tabs"');
    for (const secret of [SECRET_KEY, TOKEN, URL_SECRET]) expect(stored).not.toContain(secret);
  });

  it(`keeps the body of a tab not on screen up to ${MAX_PERSISTED_TAB_BODY_CHARS} characters`, () => {
    const storage = createMemoryStorage();
    const store = reload(storage);
    const state = () => store.getState();
    state().request.setField('bodyText', 'x'.repeat(MAX_PERSISTED_TAB_BODY_CHARS + 1));
    state().tabs.openNew();
    state().request.setField('bodyText', 'y'.repeat(MAX_PERSISTED_TAB_BODY_CHARS));
    state().tabs.openNew();
    const [first, second] = reload(storage).getState().tabs.list;
    expect(first!.parked!.request.bodyText).toBe('');
    expect(second!.parked!.request.bodyText).toHaveLength(MAX_PERSISTED_TAB_BODY_CHARS);
  });

  it('reads what was saved before there were tabs as one tab', () => {
    const storage = createMemoryStorage();
    const store = reload(storage);
    store.getState().request.setField('url', 'http://127.0.0.1:5174/prod/before-tabs');
    const saved = JSON.parse(storage.data.get(STORAGE_KEY)!) as { state: { tabs?: unknown } };
    delete saved.state.tabs;
    storage.data.set(STORAGE_KEY, JSON.stringify(saved));
    const after = reload(storage).getState();
    expect(after.tabs.list).toEqual([{ id: after.tabs.activeId, parked: null }]);
    expect(after.request.url).toBe('http://127.0.0.1:5174/prod/before-tabs');
  });

  it('survives edited storage: bad entries, repeated ids, too many tabs, no tab on screen', () => {
    const storage = createMemoryStorage();
    const store = reload(storage);
    store.getState().request.setField('url', 'http://127.0.0.1:5174/prod/on-screen');
    const saved = JSON.parse(storage.data.get(STORAGE_KEY)!) as { state: { tabs: unknown } };
    const write = (tabs: unknown) => {
      saved.state.tabs = tabs;
      storage.data.set(STORAGE_KEY, JSON.stringify(saved));
      return reload(storage).getState();
    };

    const many = Array.from({ length: MAX_TABS + 5 }, (_, index) => ({
      id: `t${index}`,
      request: { method: 'PUT', url: 42, headers: 'no' },
      options: { mode: 'sideways', algorithm: 'sigv4a' },
    }));
    const read = write({ activeId: 't3', list: [null, 'x', many[0], many[0], ...many] });
    expect(read.tabs.list).toHaveLength(MAX_TABS);
    expect(read.tabs.activeId).toBe('t3');
    expect(read.request.url).toBe('http://127.0.0.1:5174/prod/on-screen');
    const restored = read.tabs.list[0]!.parked!;
    // Each field that passes its check is kept; the others are the fresh tab's.
    expect(restored.request.method).toBe('PUT');
    expect(restored.request.url).toBe(`${read.options.gatewayUrl}/hello`);
    expect(restored.options.mode).toBe('header');
    expect(restored.options.algorithm).toBe('sigv4a');

    for (const tabs of [
      'tabs',
      { activeId: 'gone', list: [{ id: 'a' }] },
      { activeId: 't1', list: [] },
      { activeId: 'a', list: 'a' },
    ]) {
      const fallback = write(tabs);
      expect(fallback.tabs.list).toEqual([{ id: fallback.tabs.activeId, parked: null }]);
      expect(fallback.request.url).toBe('http://127.0.0.1:5174/prod/on-screen');
    }
  });
});
