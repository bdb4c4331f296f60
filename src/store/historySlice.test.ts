import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from './createPlaygroundStore';
import { MAX_HISTORY_ENTRIES, withEntry } from './historySlice';
import { STORAGE_KEY } from './persistence';
import type { HistoryEntry } from './playgroundState';
import { MAX_HISTORY_BODY_BYTES } from './requestSnapshot';
import { answered, createTestStore } from './storeTestSupport';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY-mine';
const TOKEN = 'FwoGZXIvYXdzSESSIONTOKEN-mine';

function makeStore(storage = createMemoryStorage(), status = 200) {
  let clock = Date.UTC(2026, 0, 1);
  const answer = answered({ status, statusText: status === 200 ? 'OK' : 'Forbidden' });
  const store = createTestStore({
    deps: { sendRequest: () => Promise.resolve(answer), now: () => clock++ },
    storage,
  });
  return { store, storage };
}

describe('createHistorySlice', () => {
  it('keeps every sent request, newest first, with status and time', async () => {
    const { store } = makeStore();
    await store.getState().response.send();
    store.getState().request.setField('method', 'PUT');
    await store.getState().response.send();
    const entries = store.getState().history.entries;
    expect(entries.map((entry) => entry.request.method)).toEqual(['PUT', 'POST']);
    expect(entries[0]).toMatchObject({ status: 200, statusText: 'OK' });
    expect(entries[0]!.sentAt).toBeGreaterThan(entries[1]!.sentAt);
    expect(entries[1]!.request).toMatchObject({
      url: 'http://127.0.0.1:5174/prod/hello',
      body: '{"hello":"world"}',
      region: 'ca-central-1',
      service: 'execute-api',
    });
  });

  it('keeps no secret key, session token or Authorization header, in the store or in storage', async () => {
    const { store, storage } = makeStore();
    store.getState().credentials.fillIdentity({
      accessKeyId: 'ASIAMINE',
      secretAccessKey: SECRET,
      sessionToken: TOKEN,
    });
    store.getState().request.addHeader('Authorization', `AWS4-HMAC-SHA256 ${SECRET}`);
    store
      .getState()
      .request.setField('url', `http://127.0.0.1:5174/prod/hello?X-Amz-Security-Token=${TOKEN}`);
    await store.getState().response.send();
    const serialized = JSON.stringify(store.getState().history.entries);
    expect(serialized).not.toContain(SECRET);
    expect(serialized).not.toContain(TOKEN);
    expect(serialized).not.toContain('ASIAMINE');
    // The header's name stays, so opening the entry can say which value to paste again.
    expect(store.getState().history.entries[0]!.request.headers).toContainEqual({
      name: 'Authorization',
      value: '',
      signed: true,
      withheld: true,
    });
    // Nor does storage: neither the history nor the form.
    const raw = storage.data.get(STORAGE_KEY) ?? 'null';
    expect((JSON.parse(raw) as { state: { history: unknown[] } }).state.history).toHaveLength(1);
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain(TOKEN);
  });

  it('keeps no credential header or URL credential; opening the entry names what to paste again', async () => {
    const { store, storage } = makeStore();
    const values = {
      Cookie: 'session=cookie-value-mine',
      'X-Api-Key': 'api-key-value-mine',
      'Proxy-Authorization': 'Basic cHJveHk6bWluZQ==',
    };
    for (const [name, value] of Object.entries(values))
      store.getState().request.addHeader(name, value);
    store
      .getState()
      .request.setField('url', 'http://127.0.0.1:5174/prod/hello?api_key=query-key-mine&a=1');
    await store.getState().response.send();
    const saved = storage.data.get(STORAGE_KEY) ?? '';
    const history = JSON.stringify(store.getState().history.entries);
    for (const secret of [...Object.values(values), 'query-key-mine']) {
      expect(history).not.toContain(secret);
      // Nor the form as saved.
      expect(saved).not.toContain(secret);
    }
    expect(store.getState().history.entries[0]!.request.withheldFromUrl).toEqual(['api_key']);

    store.getState().history.open(store.getState().history.entries[0]!.id);
    const { request } = store.getState();
    expect(request.url).toBe('http://127.0.0.1:5174/prod/hello?a=1');
    expect(request.withheldFromUrl).toEqual(['api_key']);
    expect(
      request.headers.filter((row) => row.withheld).map(({ name, value }) => [name, value]),
    ).toEqual(Object.keys(values).map((name) => [name, '']));
  });

  it(`is bounded to ${MAX_HISTORY_ENTRIES} entries, dropping the oldest`, async () => {
    const { store } = makeStore();
    for (let i = 0; i < MAX_HISTORY_ENTRIES + 3; i++) {
      store.getState().request.setField('url', `http://127.0.0.1:5174/prod/hello?n=${i}`);
      await store.getState().response.send();
    }
    const entries = store.getState().history.entries;
    expect(entries).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(entries[0]!.request.url).toMatch(/n=52$/);
    expect(entries.at(-1)!.request.url).toMatch(/n=3$/);
  });

  it('leaves out a body over 64 KiB, and says so', async () => {
    const { store } = makeStore();
    store.getState().request.setField('bodyText', 'x'.repeat(MAX_HISTORY_BODY_BYTES + 1));
    await store.getState().response.send();
    expect(store.getState().history.entries[0]!.request).toMatchObject({
      body: '',
      bodyDropped: true,
    });
  });

  it('records an answer of any status', async () => {
    const { store } = makeStore(createMemoryStorage(), 403);
    await store.getState().response.send();
    expect(store.getState().history.entries[0]).toMatchObject({ status: 403 });
  });

  it('opens an entry into the form, deletes one, and clears them all', async () => {
    const { store } = makeStore();
    await store.getState().response.send();
    store.getState().request.setField('method', 'GET');
    store.getState().request.setField('bodyText', '');
    await store.getState().response.send();
    const [second, first] = store.getState().history.entries;
    store.getState().history.open(first!.id);
    expect(store.getState().request).toMatchObject({
      method: 'POST',
      bodyText: '{"hello":"world"}',
    });
    store.getState().history.remove(second!.id);
    expect(store.getState().history.entries.map((entry) => entry.id)).toEqual([first!.id]);
    store.getState().history.clear();
    expect(store.getState().history.entries).toEqual([]);
  });

  it('survives a reload', async () => {
    const storage = createMemoryStorage();
    await makeStore(storage).store.getState().response.send();
    expect(makeStore(storage).store.getState().history.entries).toHaveLength(1);
  });
});

describe('withEntry', () => {
  it('puts the new entry first and cuts to the bound', () => {
    const entry = (id: string) => ({ id }) as HistoryEntry;
    const full = Array.from({ length: MAX_HISTORY_ENTRIES }, (_, i) => entry(`e${i}`));
    const next = withEntry(full, entry('new'));
    expect(next).toHaveLength(MAX_HISTORY_ENTRIES);
    expect(next[0]!.id).toBe('new');
    expect(next.at(-1)!.id).toBe(`e${MAX_HISTORY_ENTRIES - 2}`);
  });
});
