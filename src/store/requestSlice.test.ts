import { describe, expect, it } from 'vitest';
import { createTestStore, FIRST_RUN_SNAPSHOT_OPTIONS } from './storeTestSupport';

const makeStore = () => createTestStore({ deps: { now: () => Date.UTC(2015, 7, 30, 12, 36) } });

describe('createRequestSlice', () => {
  it('starts with the first-run request: POST /hello on the local gateway, JSON body', () => {
    const { request } = makeStore().getState();
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://127.0.0.1:5174/prod/hello');
    expect(request.bodyText).toBe('{"hello":"world"}');
    expect(request.headers.map(({ name, value, signed }) => [name, value, signed])).toEqual([
      ['content-type', 'application/json', true],
    ]);
    // Nothing hand-set: the scope follows the URL (the local gateway's, then whatever is pasted).
    expect([request.regionOverride, request.serviceOverride]).toEqual([null, null]);
    expect(request.signingTime).toBe('');
  });

  it('setField changes one field and leaves the others', () => {
    const store = makeStore();
    const before = store.getState().request;
    store.getState().request.setField('url', 'https://example.com/a');
    const after = store.getState().request;
    expect(after.url).toBe('https://example.com/a');
    expect(after.method).toBe(before.method);
    expect(after.setField).toBe(before.setField);
  });

  it('replaces the request slice object on change, so slice selectors re-render', () => {
    const store = makeStore();
    const before = store.getState();
    store.getState().request.setField('method', 'GET');
    expect(store.getState().request).not.toBe(before.request);
    expect(store.getState().credentials).toBe(before.credentials);
  });

  it('adds, edits and removes header rows by id', () => {
    const store = makeStore();
    const id = store.getState().request.addHeader('x-b', '2');
    expect(store.getState().request.headers).toHaveLength(2);
    store.getState().request.updateHeader(id, { value: '3', signed: false });
    expect(store.getState().request.headers[1]).toMatchObject({
      name: 'x-b',
      value: '3',
      signed: false,
    });
    const first = store.getState().request.headers[0]!.id;
    store.getState().request.removeHeader(first);
    expect(store.getState().request.headers.map((row) => row.id)).toEqual([id]);
  });

  it('gives every new row a distinct id', () => {
    const store = makeStore();
    const ids = new Set(Array.from({ length: 50 }, () => store.getState().request.addHeader()));
    expect(ids.size).toBe(50);
  });

  it('setQueryParams writes the table back into the URL', () => {
    const store = makeStore();
    store.getState().request.setField('url', 'https://example.com/p?a=1#frag');
    store.getState().request.setQueryParams([
      { name: 'a', value: '1', hasEquals: true },
      { name: 'b', value: 'x%20y', hasEquals: true },
    ]);
    expect(store.getState().request.url).toBe('https://example.com/p?a=1&b=x%20y#frag');
  });

  describe('applyFix (a validation issue’s fix)', () => {
    const issueOn = (store: ReturnType<typeof makeStore>, field: string) =>
      store.getState().signing.plan.issues.find((issue) => issue.field === field);

    it('applies a URL fix', () => {
      const store = makeStore();
      store.getState().request.setField('url', 'https://example.com/a b');
      const issue = issueOn(store, 'url');
      expect(issue?.fixAction).toEqual({
        kind: 'set-field',
        field: { slice: 'request', key: 'url' },
        value: 'https://example.com/a%20b',
      });
      store.getState().request.applyFix(issue!.fixAction!);
      expect(store.getState().request.url).toBe('https://example.com/a%20b');
    });

    it('applies a header fix to the row the issue is about, skipping empty rows', () => {
      const store = makeStore();
      store.getState().request.addHeader(); // an empty row: not part of the signing input
      const id = store.getState().request.addHeader('x-bad', 'a\nb');
      const issue = issueOn(store, 'headers[1].value');
      expect(issue?.fixAction).toEqual({
        kind: 'set-field',
        field: { slice: 'header', rowId: id, part: 'value' },
        value: 'a b',
      });
      store.getState().request.applyFix(issue!.fixAction!);
      expect(store.getState().request.headers.map((row) => row.value)).toEqual([
        'application/json',
        '',
        'a b',
      ]);
    });

    it('applies credential, region, expiresIn and signing-time fixes to their slices', () => {
      const store = makeStore();
      store.getState().credentials.setField('accessKeyId', ' AKID');
      store.getState().request.setField('regionOverride', 'US-EAST-1');
      store.getState().options.setField('mode', 'query');
      store.getState().options.setField('expiresIn', '0');
      store.getState().request.setField('signingTime', '2015-08-30T12:36:00');
      for (const field of ['credentials.accessKeyId', 'region', 'expiresIn', 'signingDate']) {
        store.getState().request.applyFix(issueOn(store, field)!.fixAction!);
      }
      const state = store.getState();
      expect(state.credentials.accessKeyId).toBe('AKID');
      expect(state.request.regionOverride).toBe('us-east-1');
      expect(state.options.expiresIn).toBe('1');
      expect(state.request.signingTime).toBe('2015-08-30T12:36:00Z');
    });

    it('gives an issue without a fix no action', () => {
      const store = makeStore();
      store.getState().request.setField('url', '');
      const issue = issueOn(store, 'url');
      expect(issue).toBeDefined();
      expect(issue).not.toHaveProperty('fixAction');
    });
  });

  describe('loadBodyFile', () => {
    it('reads a file into bytes and switches the body to it', async () => {
      const store = makeStore();
      await store.getState().request.loadBodyFile(new File([new Uint8Array([1, 2, 3])], 'a.bin'));
      const { bodySource, bodyFile } = store.getState().request;
      expect(bodySource).toBe('file');
      expect(bodyFile).toMatchObject({ name: 'a.bin', size: 3, status: 'ready', loadedBytes: 3 });
      expect(Array.from(bodyFile!.bytes!)).toEqual([1, 2, 3]);
    });

    it('keeps the newer file when an older read finishes later', async () => {
      const store = makeStore();
      const big = new File([new Uint8Array(3 * 1024 * 1024)], 'big.bin');
      const small = new File(['hi'], 'small.txt', { type: 'text/plain' });
      const first = store.getState().request.loadBodyFile(big);
      const second = store.getState().request.loadBodyFile(small);
      await Promise.all([first, second]);
      expect(store.getState().request.bodyFile).toMatchObject({
        name: 'small.txt',
        size: 2,
        status: 'ready',
      });
    });

    it('clearBodyFile goes back to the text body', async () => {
      const store = makeStore();
      await store.getState().request.loadBodyFile(new File(['x'], 'x.txt'));
      store.getState().request.clearBodyFile();
      expect(store.getState().request.bodySource).toBe('text');
      expect(store.getState().request.bodyFile).toBeNull();
    });
  });
});

describe('importRequest', () => {
  it('fills method, URL, headers, body and the scope, and signs afresh with the clock', () => {
    const store = makeStore();
    store.getState().request.setField('signingTime', '2015-08-30T12:36:00Z');
    store.getState().request.importRequest({
      method: 'PUT',
      url: 'https://abc.execute-api.eu-west-1.amazonaws.com/prod/x',
      headers: [['x-a', '1']],
      body: 'hi',
      region: 'eu-west-2',
      service: 'execute-api',
    });
    const { request } = store.getState();
    expect(request.method).toBe('PUT');
    expect(request.url).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/prod/x');
    expect(request.headers.map(({ name, value, signed }) => [name, value, signed])).toEqual([
      ['x-a', '1', true],
    ]);
    expect(request.bodyText).toBe('hi');
    expect([request.regionOverride, request.serviceOverride]).toEqual(['eu-west-2', 'execute-api']);
    expect(request.signingTime).toBe('');
  });

  it('reads the scope from an AWS host, and keeps the form’s for a host that names none', () => {
    const store = makeStore();
    store.getState().request.importRequest({
      method: 'GET',
      url: 'https://api.example.com/orders',
      headers: [],
      body: '',
    });
    // A custom domain: the region the form signed with becomes the user's choice.
    expect(store.getState().request.regionOverride).toBe('ca-central-1');
    store.getState().request.importRequest({
      method: 'GET',
      url: 'https://sqs.us-east-2.amazonaws.com/',
      headers: [],
      body: '',
    });
    expect(store.getState().request.regionOverride).toBeNull();
    store.getState().request.importRequest({
      method: 'GET',
      url: 'http://127.0.0.1:5174/prod/hello',
      headers: [],
      body: '',
    });
    expect(store.getState().request.regionOverride).toBeNull();
    // The local gateway's URL says its scope too (the page knows it): the field follows it.
    store.getState().request.setField('regionOverride', 'eu-west-1');
    store.getState().request.importRequest({
      method: 'GET',
      url: 'http://127.0.0.1:5174/prod/hello',
      headers: [],
      body: '',
    });
    expect(store.getState().request.regionOverride).toBeNull();
    // Another local server says nothing: the region signed with stays, as the user's.
    store.getState().request.setField('regionOverride', 'eu-west-1');
    store.getState().request.importRequest({
      method: 'GET',
      url: 'http://localhost:3000/x',
      headers: [],
      body: '',
    });
    expect(store.getState().request.regionOverride).toBe('eu-west-1');
  });

  it('fills the credentials when the request carried them, and leaves them otherwise', () => {
    const store = makeStore();
    const before = store.getState().credentials;
    store
      .getState()
      .request.importRequest({ method: 'GET', url: 'https://a/', headers: [], body: '' });
    expect(store.getState().credentials).toBe(before);
    store.getState().request.importRequest({
      method: 'GET',
      url: 'https://a/',
      headers: [],
      body: '',
      credentials: { accessKeyId: 'AKIAX', secretAccessKey: 'sk' },
    });
    expect(store.getState().credentials).toMatchObject({
      accessKeyId: 'AKIAX',
      secretAccessKey: 'sk',
      sessionToken: '',
    });
  });
});

describe('restoreRequest', () => {
  it('puts a snapshot back into the form with its signing options', () => {
    const store = makeStore();
    store.getState().request.restoreRequest({
      method: 'DELETE',
      url: 'https://example.com/a',
      headers: [{ name: 'x-b', value: '2', signed: false }],
      body: 'b',
      bodyDropped: false,
      region: 'us-west-2',
      service: 's3',
      options: {
        mode: 'query',
        expiresIn: '60',
        payload: 'unsigned',
        contentSha256Header: null,
        s3PathRules: true,
        signSessionToken: false,
        algorithm: 'sigv4a',
        regionSet: 'us-*, ca-central-1',
      },
    });
    const { request, options } = store.getState();
    expect(request).toMatchObject({
      method: 'DELETE',
      url: 'https://example.com/a',
      bodyText: 'b',
      regionOverride: 'us-west-2',
      serviceOverride: 's3',
    });
    expect(request.headers[0]).toMatchObject({ name: 'x-b', value: '2', signed: false });
    expect(options).toMatchObject({
      mode: 'query',
      expiresIn: '60',
      payload: 'unsigned',
      algorithm: 'sigv4a',
      regionSet: 'us-*, ca-central-1',
    });
  });
});

describe('withheld values', () => {
  function restoredWithWithheld() {
    const store = makeStore();
    store.getState().request.restoreRequest({
      method: 'GET',
      url: 'https://example.com/a',
      headers: [
        { name: 'Cookie', value: '', signed: true, withheld: true },
        { name: 'Accept', value: '*/*', signed: true },
      ],
      withheldFromUrl: ['api_key'],
      body: '',
      bodyDropped: false,
      region: 'us-east-1',
      service: 'execute-api',
      options: FIRST_RUN_SNAPSHOT_OPTIONS,
    });
    return store;
  }

  it('a withheld row stops being withheld once its value or name is edited', () => {
    const store = restoredWithWithheld();
    const cookie = store.getState().request.headers[0]!;
    expect(cookie).toMatchObject({ name: 'Cookie', value: '', withheld: true });
    store.getState().request.updateHeader(cookie.id, { signed: false });
    expect(store.getState().request.headers[0]!.withheld).toBe(true);
    store.getState().request.updateHeader(cookie.id, { value: 'a=b' });
    expect(store.getState().request.headers[0]).not.toHaveProperty('withheld');
  });

  it('what left the URL is named until the URL is edited', () => {
    const store = restoredWithWithheld();
    expect(store.getState().request.withheldFromUrl).toEqual(['api_key']);
    store.getState().request.setField('method', 'PUT');
    expect(store.getState().request.withheldFromUrl).toEqual(['api_key']);
    store.getState().request.setField('url', 'https://example.com/a?api_key=mine');
    expect(store.getState().request.withheldFromUrl).toEqual([]);
  });
});
