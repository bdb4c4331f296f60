import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from './createPlaygroundStore';
import { MAX_PERSISTED_BODY_CHARS, mergePersisted, partialize, STORAGE_KEY } from './persistence';
import { createTestStore, SNAPSHOT_OPTIONS_BEFORE_SIGV4A } from './storeTestSupport';

const PUBLIC = [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'public-secret' }];

function makeStore(storage = createMemoryStorage()) {
  return { store: createTestStore({ storage, publicIdentities: PUBLIC }), storage };
}

function saved(storage: ReturnType<typeof createMemoryStorage>) {
  return JSON.parse(storage.data.get(STORAGE_KEY) ?? 'null') as {
    state: { credentials: Record<string, unknown> };
  };
}

describe('partialize', () => {
  it('keeps the secret key and session token out of storage', () => {
    const { store } = makeStore();
    store.getState().credentials.fillIdentity({
      accessKeyId: 'ASIAREAL',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
    const persisted = partialize(store.getState());
    expect(persisted.credentials).toEqual({ accessKeyId: 'ASIAREAL' });
    expect(JSON.stringify(persisted)).not.toContain('secret');
    expect(JSON.stringify(persisted)).not.toContain('token');
  });

  it('never saves the response, a chosen file, relay availability or whether the secret shows', async () => {
    const { store } = makeStore();
    await store.getState().request.loadBodyFile(new File(['abc'], 'a.txt'));
    store.getState().credentials.setField('secretVisible', true);
    const persisted = partialize(store.getState()) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(persisted).sort()).toEqual([
      'credentials',
      'history',
      'options',
      'request',
      'tabs',
      'vault',
    ]);
    expect(persisted.vault).toEqual({ idleLockMinutes: 15 });
    expect(persisted.request).not.toHaveProperty('bodyFile');
    expect(persisted.credentials).not.toHaveProperty('secretVisible');
    expect(persisted.options).not.toHaveProperty('relayAvailable');
  });

  // Someone else's secrets in the form: each kind of credential header, and a token in the URL.
  const CREDENTIAL_HEADERS: Array<[string, string]> = [
    ['Authorization', 'Bearer bearer-value-mine'],
    ['Authorization', 'Basic dXNlcjpiYXNpYy12YWx1ZS1taW5l'],
    [
      'Authorization',
      'AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20260101/execute-api/aws4_request, SignedHeaders=host, Signature=3045sigv4a-value-mine',
    ],
    ['Proxy-Authorization', 'Basic cHJveHktdmFsdWUtbWluZQ=='],
    ['Cookie', 'session=cookie-value-mine'],
    ['X-Api-Key', 'api-key-value-mine'],
  ];
  const URL_TOKEN = 'url-token-value-mine';

  function fillSecrets(store: ReturnType<typeof makeStore>['store']) {
    for (const [name, value] of CREDENTIAL_HEADERS) store.getState().request.addHeader(name, value);
    store.getState().request.addHeader('X-Custom', 'kept');
    store
      .getState()
      .request.setField(
        'url',
        `http://127.0.0.1:5174/prod/hello?a=1&X-Amz-Security-Token=${URL_TOKEN}`,
      );
  }

  it('keeps credential headers and credentials in the URL out of storage', () => {
    const storage = createMemoryStorage();
    const { store } = makeStore(storage);
    fillSecrets(store);
    const raw = storage.data.get(STORAGE_KEY) ?? '';
    for (const [, value] of CREDENTIAL_HEADERS) expect(raw).not.toContain(value.split(' ').at(-1));
    expect(raw).not.toContain(URL_TOKEN);
    expect(raw).toContain('kept');

    // After a reload: the rows are there, empty, and marked; the URL says what left it.
    const reloaded = makeStore(storage).store.getState().request;
    expect(reloaded.url).toBe('http://127.0.0.1:5174/prod/hello?a=1');
    expect(reloaded.withheldFromUrl).toEqual(['X-Amz-Security-Token']);
    expect(reloaded.headers.map(({ name, value, withheld }) => [name, value, withheld])).toEqual([
      ['content-type', 'application/json', undefined],
      ...CREDENTIAL_HEADERS.map(([name]) => [name, '', true]),
      ['X-Custom', 'kept', undefined],
    ]);
  });

  it('drops a text body too long for localStorage', () => {
    const { store } = makeStore();
    store.getState().request.setField('bodyText', 'x'.repeat(MAX_PERSISTED_BODY_CHARS + 1));
    expect(partialize(store.getState()).request.bodyText).toBe('');
  });
});

describe('mergePersisted', () => {
  it('restores the request and options after a reload, keeping the actions', () => {
    const storage = createMemoryStorage();
    const first = makeStore(storage).store;
    first.getState().request.setField('url', 'https://example.com/x?a=1');
    first.getState().request.setField('method', 'PUT');
    first.getState().options.setField('mode', 'query');
    const second = makeStore(storage).store.getState();
    expect(second.request.url).toBe('https://example.com/x?a=1');
    expect(second.request.method).toBe('PUT');
    expect(second.options.mode).toBe('query');
    expect(typeof second.request.setField).toBe('function');
    expect(typeof second.options.applyPlaygroundConfig).toBe('function');
  });

  it('lets a region and service stored by the old first-run prefill follow the host again', () => {
    const storage = createMemoryStorage();
    const first = makeStore(storage).store;
    // What earlier versions stored on first run, as if typed: the local gateway's own scope.
    first.getState().request.setField('regionOverride', 'ca-central-1');
    first.getState().request.setField('serviceOverride', 'execute-api');
    let reloaded = makeStore(storage).store.getState();
    expect([reloaded.request.regionOverride, reloaded.request.serviceOverride]).toEqual([
      null,
      null,
    ]);
    reloaded.request.setField('url', 'https://abc123.execute-api.eu-west-1.amazonaws.com/dev');
    expect(makeStore(storage).store.getState().signing.plan.input.region).toBe('eu-west-1');
    // A value the host contradicts was a choice: it stays (and the page warns).
    makeStore(storage).store.getState().request.setField('regionOverride', 'us-east-1');
    reloaded = makeStore(storage).store.getState();
    expect(reloaded.request.regionOverride).toBe('us-east-1');
  });

  it('restores the algorithm and region set after a reload', () => {
    const storage = createMemoryStorage();
    const first = makeStore(storage).store;
    first.getState().options.setField('algorithm', 'sigv4a');
    first.getState().options.setField('regionSet', 'us-*');
    expect(makeStore(storage).store.getState().options).toMatchObject({
      algorithm: 'sigv4a',
      regionSet: 'us-*',
    });
  });

  it('reads history saved before SigV4A as SigV4 requests', () => {
    const current = makeStore().store.getState();
    const older = {
      method: 'GET',
      url: 'https://example.com/',
      headers: [],
      body: '',
      bodyDropped: false,
      region: 'us-east-1',
      service: 'sts',
      options: SNAPSHOT_OPTIONS_BEFORE_SIGV4A,
    };
    const merged = mergePersisted(
      {
        history: [
          { id: 'a', request: older, status: 200, statusText: 'OK', sentAt: 1 },
          {
            id: 'b',
            request: { ...older, options: { ...older.options, algorithm: 'ecdsa' } },
            status: 200,
            statusText: 'OK',
            sentAt: 2,
          },
        ],
      },
      current,
      [],
    );
    expect(merged.history.entries.map((entry) => entry.id)).toEqual(['a']);
    expect(merged.history.entries[0]!.request.options).toMatchObject({
      algorithm: 'sigv4',
      regionSet: '',
    });
  });

  it('brings the key ID back, never a secret', () => {
    const storage = createMemoryStorage();
    const first = makeStore(storage).store;
    first.getState().credentials.fillIdentity({ accessKeyId: 'AKIAREAL', secretAccessKey: 'mine' });
    expect(saved(storage).state.credentials).toEqual({ accessKeyId: 'AKIAREAL' });
    expect(makeStore(storage).store.getState().credentials).toMatchObject({
      accessKeyId: 'AKIAREAL',
      secretAccessKey: '',
    });
  });

  it('restores the published secret of a public example identity', () => {
    const storage = createMemoryStorage();
    makeStore(storage).store.getState().credentials.setField('sessionToken', '');
    expect(makeStore(storage).store.getState().credentials.secretAccessKey).toBe('public-secret');
  });

  it('ignores saved values of the wrong type or shape', () => {
    const { store } = makeStore();
    const current = store.getState();
    const merged = mergePersisted(
      {
        request: { url: 42, method: 'GET', headers: [{ name: 'x' }], regionOverride: null },
        credentials: { accessKeyId: 'AKIA1', remember: 'yes', secretAccessKey: 'leak' },
        options: {
          mode: 'sideways',
          payload: 'unsigned',
          transport: 'direct',
          algorithm: 'sigv5',
          regionSet: 7,
        },
      },
      current,
      [],
    );
    expect(merged.request.url).toBe(current.request.url);
    expect(merged.request.method).toBe('GET');
    expect(merged.request.headers).toEqual(current.request.headers);
    expect(merged.request.regionOverride).toBeNull();
    expect(merged.credentials).toMatchObject({ accessKeyId: 'AKIA1', secretAccessKey: '' });
    expect(merged.vault.plainCopyRemoved).toBe(false);
    expect(merged.options).toMatchObject({
      mode: 'header',
      payload: 'unsigned',
      transport: 'direct',
      algorithm: 'sigv4',
      regionSet: '',
    });
  });

  it('leaves out credentials saved by an older version, unless it remembered them', () => {
    const current = makeStore().store.getState();
    const saved = {
      request: {
        url: 'https://example.com/x?token=old-token&b=2',
        headers: [{ id: 'h1', name: 'Cookie', value: 'old-cookie', signed: true }],
      },
      credentials: { accessKeyId: 'AKIA1', remember: false },
      history: [
        {
          id: 'a',
          status: 200,
          statusText: 'OK',
          sentAt: 1,
          request: {
            method: 'GET',
            url: 'https://example.com/?api_key=old-key',
            headers: [{ name: 'X-Api-Key', value: 'old-key', signed: true }],
            body: '',
            bodyDropped: false,
            region: 'us-east-1',
            service: 'execute-api',
            options: SNAPSHOT_OPTIONS_BEFORE_SIGV4A,
          },
        },
      ],
    };
    const merged = mergePersisted(saved, current, []);
    const text = JSON.stringify([merged.request, merged.history.entries]);
    for (const secret of ['old-token', 'old-cookie', 'old-key']) expect(text).not.toContain(secret);
    expect(merged.request.url).toBe('https://example.com/x?b=2');
    expect(merged.request.withheldFromUrl).toEqual(['token']);
    expect(merged.history.entries[0]!.request.withheldFromUrl).toEqual(['api_key']);

    const remembered = mergePersisted(
      { ...saved, credentials: { accessKeyId: 'AKIA1', remember: true } },
      current,
      [],
    );
    expect(remembered.request.headers[0]).toMatchObject({ name: 'Cookie', value: 'old-cookie' });
  });

  it('returns the current state for nothing or garbage saved', () => {
    const current = makeStore().store.getState();
    expect(mergePersisted(undefined, current, [])).toBe(current);
    expect(mergePersisted('nope', current, [])).toBe(current);
  });
});

describe('the stored text', () => {
  it('is written only when it changed', () => {
    const storage = createMemoryStorage();
    let writes = 0;
    const counting = {
      ...storage,
      setItem: (name: string, value: string) => {
        writes += 1;
        storage.setItem(name, value);
      },
    };
    const store = createTestStore({ storage: counting });
    const before = writes;
    store.getState().request.setField('url', 'https://example.com/a');
    expect(writes).toBe(before + 1);
    // A change that stores nothing new (the answer of a Send is not stored) writes nothing.
    store.getState().checkDraft.setText('not stored');
    expect(writes).toBe(before + 1);
    expect(storage.data.get(STORAGE_KEY)).toContain('https://example.com/a');
  });
});

describe('moving an older version’s remembered secrets out of localStorage', () => {
  /** What "Remember credentials in this browser" stored: the keys and a Cookie header in clear. */
  function rememberedByAnOlderVersion() {
    const storage = createMemoryStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: 1,
        state: {
          credentials: {
            accessKeyId: 'AKIAOLD',
            remember: true,
            secretAccessKey: 'old-plain-secret',
            sessionToken: 'old-plain-token',
          },
          request: {
            url: 'https://example.com/x?X-Amz-Security-Token=old-url-token',
            headers: [{ id: 'h1', name: 'Cookie', value: 'old-cookie', signed: true }],
          },
        },
      }),
    );
    return storage;
  }

  it('keeps them in memory for this session and offers the vault', () => {
    const { store } = makeStore(rememberedByAnOlderVersion());
    const state = store.getState();
    expect(state.credentials).toMatchObject({
      accessKeyId: 'AKIAOLD',
      secretAccessKey: 'old-plain-secret',
      sessionToken: 'old-plain-token',
    });
    expect(state.request.headers[0]).toMatchObject({ name: 'Cookie', value: 'old-cookie' });
    expect(state.vault.plainCopyRemoved).toBe(true);
  });

  it('deletes the plain copy from storage at once, before any change', () => {
    const storage = rememberedByAnOlderVersion();
    makeStore(storage);
    const raw = storage.data.get(STORAGE_KEY) ?? '';
    for (const secret of ['old-plain-secret', 'old-plain-token', 'old-cookie', 'old-url-token'])
      expect(raw).not.toContain(secret);
    expect(raw).not.toContain('remember');
    expect(saved(storage).state.credentials).toEqual({ accessKeyId: 'AKIAOLD' });
    // The next load finds nothing to move and no secret.
    const reloaded = makeStore(storage).store.getState();
    expect(reloaded.vault.plainCopyRemoved).toBe(false);
    expect(reloaded.credentials.secretAccessKey).toBe('');
  });
});
