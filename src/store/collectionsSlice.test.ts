import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SAVED_OPTIONS, type Collection } from '../collections/collectionModel';
import { createMemoryCollectionsRepository } from './collectionsRepository';
import { createMemoryStorage } from './createPlaygroundStore';
import type { DiskCollectionsSource } from './collectionsState';
import { findRequest } from './collectionTree';
import { selectSavedStatus } from './selectSavedStatus';
import { createTestStore } from './storeTestSupport';

async function setup(repository = createMemoryCollectionsRepository()) {
  const store = createTestStore({ collections: repository });
  await store.getState().collections.load();
  return { store, repository, state: () => store.getState() };
}

/** The names in a collection's tree, folders as { name: [...] }. */
function names(collection: Collection | undefined): unknown[] {
  const of = (items: Collection['items']): unknown[] =>
    items.map((item) => (item.kind === 'folder' ? { [item.name]: of(item.items) } : item.name));
  return of(collection?.items ?? []);
}

describe('collections slice', () => {
  it('is loading until the stored collections are read', async () => {
    const store = createTestStore();
    expect(store.getState().collections.status).toBe('loading');
    await store.getState().collections.load();
    expect(store.getState().collections.status).toBe('ready');
  });

  it('saves the form into a collection; the form then says where it came from', async () => {
    const { state } = await setup();
    const id = state().collections.createCollection('  My API ');
    expect(selectSavedStatus(state())).toEqual({ kind: 'none' });
    const saved = state().collections.saveRequestAs({
      collectionId: id,
      folderId: null,
      name: 'Hello',
    });
    expect(saved).toMatchObject({ ok: true, notKept: [] });
    expect(state().request.savedFrom).toEqual({
      collectionId: id,
      requestId: saved.ok ? saved.requestId : '',
    });
    expect(selectSavedStatus(state())).toEqual({
      kind: 'saved',
      place: 'browser',
      collectionId: id,
      collectionName: 'My API',
      path: 'Hello',
    });
  });

  it('marks unsaved changes, and Save writes them over the saved request', async () => {
    const { state, repository } = await setup();
    const id = state().collections.createCollection('API');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'Hello' });
    state().request.setField('bodyText', '{"hello":"there"}');
    expect(selectSavedStatus(state()).kind).toBe('modified');
    state().options.setField('payload', 'unsigned');
    expect(state().collections.saveRequest()).toMatchObject({ ok: true });
    expect(selectSavedStatus(state()).kind).toBe('saved');
    await state().collections.settled();
    const stored = repository.data.collections.get(id) as Collection;
    expect(stored.items[0]).toMatchObject({
      name: 'Hello',
      body: '{"hello":"there"}',
      options: { payload: 'unsigned' },
    });
  });

  it('opens a saved request into the form, with its options; unsaved then means none', async () => {
    const { state } = await setup();
    const id = state().collections.createCollection('API');
    state().request.setField('url', 'https://abc.execute-api.eu-west-1.amazonaws.com/dev/a');
    state().request.setField('regionOverride', null);
    state().options.setField('mode', 'query');
    const first = state().collections.saveRequestAs({
      collectionId: id,
      folderId: null,
      name: 'A',
    });
    state().request.setField('url', 'http://127.0.0.1:5174/prod/hello');
    state().options.setField('mode', 'header');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'B' });

    state().collections.openRequest(id, first.ok ? first.requestId : '');
    expect(state().request.url).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/dev/a');
    expect(state().options.mode).toBe('query');
    // Not set by hand, so the region follows the host.
    expect(state().request.regionOverride).toBeNull();
    expect(state().signing.plan.scope.region.value).toBe('eu-west-1');
    expect(selectSavedStatus(state())).toMatchObject({ kind: 'saved', path: 'A' });
  });

  it('renames, duplicates, reorders and moves requests into folders', async () => {
    const { state } = await setup();
    const id = state().collections.createCollection('API');
    const save = (name: string) => {
      const result = state().collections.saveRequestAs({ collectionId: id, folderId: null, name });
      return result.ok ? result.requestId : '';
    };
    const a = save('A');
    const b = save('B');
    const folder = state().collections.newFolder(id, null, 'Items')!;
    const collection = () => state().collections.browser.find((each) => each.id === id);

    state().collections.renameItem(id, a, 'Alpha');
    const copy = state().collections.duplicateRequest(id, a)!;
    expect(names(collection())).toEqual(['Alpha', 'Alpha copy', 'B', { Items: [] }]);
    expect(findRequest(collection()!.items, copy)!.url).toBe(
      findRequest(collection()!.items, a)!.url,
    );

    state().collections.moveItem(id, b, -1);
    expect(names(collection())).toEqual(['Alpha', 'B', 'Alpha copy', { Items: [] }]);
    state().collections.moveItemTo(id, copy, folder);
    expect(names(collection())).toEqual(['Alpha', 'B', { Items: ['Alpha copy'] }]);
    state().collections.renameCollection(id, 'Renamed');
    expect(collection()!.name).toBe('Renamed');
  });

  it('deletes with undo, and the form knows its saved request is gone', async () => {
    const { state, repository } = await setup();
    const id = state().collections.createCollection('API');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'A' });
    const [request] = state().collections.browser[0]!.items;
    state().collections.deleteItem(id, request!.id);
    expect(names(state().collections.browser[0])).toEqual([]);
    expect(state().collections.undo?.message).toBe('Deleted “A”.');
    expect(selectSavedStatus(state()).kind).toBe('missing');
    state().collections.undoDeletion();
    expect(names(state().collections.browser[0])).toEqual(['A']);
    expect(state().collections.undo).toBeNull();
    expect(selectSavedStatus(state()).kind).toBe('saved');

    state().collections.createCollection('Other');
    state().collections.deleteCollection(id);
    await state().collections.settled();
    expect(repository.data.collections.has(id)).toBe(false);
    state().collections.undoDeletion();
    expect(state().collections.browser.map((each) => each.name)).toEqual(['API', 'Other']);
    await state().collections.settled();
    expect(repository.data.collections.has(id)).toBe(true);
  });

  it('survives a reload: a new store on the same repository reads what was saved', async () => {
    const { state, repository } = await setup();
    const id = state().collections.createCollection('API');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'A' });
    await state().collections.settled();
    const reloaded = await setup(repository);
    expect(reloaded.state().collections.browser.map(names)).toEqual([['A']]);
  });

  it('the form still knows its saved request after a reload', async () => {
    const repository = createMemoryCollectionsRepository();
    const storage = createMemoryStorage();
    const first = createTestStore({ collections: repository, storage });
    await first.getState().collections.load();
    const id = first.getState().collections.createCollection('API');
    first.getState().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'A' });
    first.getState().request.setField('method', 'PUT');
    await first.getState().collections.settled();

    const reloaded = createTestStore({ collections: repository, storage });
    // Not read yet is not gone.
    expect(selectSavedStatus(reloaded.getState())).toEqual({ kind: 'none' });
    await reloaded.getState().collections.load();
    expect(selectSavedStatus(reloaded.getState())).toMatchObject({ kind: 'modified', path: 'A' });
  });

  it('leaves out a stored record that is not a collection, and says so', async () => {
    const repository = createMemoryCollectionsRepository({
      collections: [
        { id: 'good', name: 'Good', variables: [], items: [] },
        { id: 'bad', name: 'Bad', variables: 'nope', items: [] },
      ],
    });
    const { state } = await setup(repository);
    expect(state().collections.browser.map((each) => each.name)).toEqual(['Good']);
    expect(state().collections.skipped).toEqual([
      expect.stringMatching(/^The collection “Bad” could not be read: variables: /),
    ]);
  });

  it('keeps working in memory when the browser refuses storage, and says why', async () => {
    const repository = createMemoryCollectionsRepository();
    repository.read = () => Promise.reject(new Error('IndexedDB is disabled'));
    repository.putCollection = () => Promise.reject(new Error('IndexedDB is disabled'));
    const { state } = await setup(repository);
    expect(state().collections.error).toContain('IndexedDB is disabled');
    state().collections.dismissError();
    const id = state().collections.createCollection('API');
    await state().collections.settled();
    expect(state().collections.browser.map((each) => each.id)).toEqual([id]);
    expect(state().collections.error).toBe(
      'Could not save “API” in this browser: IndexedDB is disabled',
    );
  });

  it('imports a workspace: the collection, its environments, and keys to the credentials only', async () => {
    const { state, repository } = await setup();
    const keys = { accessKeyId: 'AKIDIMPORTED', secretAccessKey: 'imported-secret-1' };
    state().collections.importWorkspace({
      format: 'Postman Collection v2.1',
      collection: {
        id: 'postman-1',
        name: 'Imported',
        variables: [{ name: 'secretVar', value: 'var-secret-2', secret: true, enabled: true }],
        items: [
          {
            kind: 'request',
            id: 'r1',
            name: 'Hello',
            method: 'POST',
            url: 'http://127.0.0.1:5174/prod/hello',
            headers: [{ name: 'X-Api-Key', value: 'header-secret-3', signed: true }],
            body: '',
            options: DEFAULT_SAVED_OPTIONS,
          },
        ],
      },
      environments: [{ id: 'env', name: 'dev', variables: [] }],
      keys,
      notes: [],
    });
    expect(state().collections.browser.map((each) => each.name)).toEqual(['Imported']);
    expect(state().environments.list.map((each) => each.name)).toEqual(['dev']);
    expect(state().credentials).toMatchObject(keys);
    await state().collections.settled();
    const stored = JSON.stringify([...repository.data.collections.values()]);
    for (const secret of ['imported-secret-1', 'var-secret-2', 'header-secret-3'])
      expect(stored).not.toContain(secret);
  });

  it('marks secret a variable of the page’s own environment that held an imported key', async () => {
    const { state, repository } = await setup();
    const dev = state().environments.create('dev');
    state().environments.addVariable(dev);
    state().environments.updateVariable(dev, 0, { name: 'secretKey', value: 'page-env-secret-4' });
    state().environments.addVariable(dev);
    state().environments.updateVariable(dev, 1, { name: 'stage', value: 'prod' });
    state().collections.importWorkspace({
      format: 'Postman Collection v2.1',
      environments: [],
      keys: { accessKeyId: 'AKIDIMPORTED', secretAccessKey: 'page-env-secret-4' },
      pageVariablesHoldingKeys: [
        { environmentId: dev, index: 0, name: 'secretKey' },
        // An index that no longer names the variable changes nothing.
        { environmentId: dev, index: 1, name: 'secretKey' },
      ],
      notes: [],
    });
    const variables = state().environments.list.find((each) => each.id === dev)!.variables;
    expect(variables.map((each) => [each.name, each.secret])).toEqual([
      ['secretKey', true],
      ['stage', false],
    ]);
    await state().collections.settled();
    expect(JSON.stringify([...repository.data.environments.values()])).not.toContain(
      'page-env-secret-4',
    );
  });

  it('lists the disk folder’s collections apart, and saving into one writes it there', async () => {
    const onDisk: Collection = { id: 'team', name: 'Team API', variables: [], items: [] };
    // As the server does: each request's id becomes its file's path.
    const save = vi.fn<DiskCollectionsSource['save']>((collection) =>
      Promise.resolve({
        ok: true,
        collection: {
          ...collection,
          items: collection.items.map((item) => ({ ...item, id: `${item.name}.request.json` })),
        },
      }),
    );
    const { state } = await setup();
    await state().collections.connectDisk({
      folder: 'the collections folder',
      folderNameFor: (name) => name.toLowerCase().replace(/\W+/g, '-'),
      list: () =>
        Promise.resolve({ ok: true, collections: [onDisk], problems: ['broken/: not valid'] }),
      save,
    });
    expect(state().collections.disk).toMatchObject({
      status: 'ready',
      problems: ['broken/: not valid'],
    });
    state().request.addHeader('Authorization', 'Bearer disk-secret-4');
    const saved = state().collections.saveRequestAs({
      collectionId: 'team',
      folderId: null,
      name: 'A',
    });
    expect(saved).toMatchObject({ ok: true, notKept: ['Authorization'] });
    expect(selectSavedStatus(state())).toMatchObject({ kind: 'saved', place: 'disk' });
    await state().collections.settled();
    expect(save).toHaveBeenCalledTimes(1);
    expect(names(save.mock.calls[0]![0])).toEqual(['A']);
    expect(JSON.stringify(save.mock.calls[0])).not.toContain('disk-secret-4');
    expect(state().collections.browser).toEqual([]);
    // The file's path is the request's id now, and the form follows it.
    expect(state().request.savedFrom).toEqual({
      collectionId: 'team',
      requestId: 'A.request.json',
    });
    expect(selectSavedStatus(state())).toMatchObject({ kind: 'saved', path: 'A' });

    state().request.setField('method', 'PUT');
    expect(state().collections.saveRequest()).toMatchObject({ ok: true });
    await state().collections.settled();
    expect(save.mock.calls[1]![0].items).toMatchObject([{ id: 'A.request.json', method: 'PUT' }]);

    save.mockResolvedValueOnce({ ok: false, error: 'the folder is read-only' });
    state().collections.renameCollection('team', 'Team');
    await state().collections.settled();
    expect(state().collections.error).toBe(
      'Could not save “Team” to the collections folder: the folder is read-only',
    );
  });

  it('copies a browser collection into the disk folder, under a folder name of its own', async () => {
    const save = vi.fn<DiskCollectionsSource['save']>((collection) =>
      Promise.resolve({ ok: true, collection }),
    );
    const { state } = await setup();
    await state().collections.connectDisk({
      folder: 'the collections folder',
      folderNameFor: (name) => name.toLowerCase().replace(/\W+/g, '-'),
      list: () =>
        Promise.resolve({
          ok: true,
          collections: [{ id: 'orders', name: 'Orders', variables: [], items: [] }],
          problems: [],
        }),
      save,
    });
    const id = state().collections.createCollection('Orders API');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'A' });
    expect(state().collections.copyToDisk(id)).toBe('orders-api');
    await state().collections.settled();
    expect(save).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'orders-api', name: 'Orders API' }),
    );
    expect(state().collections.disk!.collections.map((each) => each.id)).toEqual([
      'orders',
      'orders-api',
    ]);
    expect(state().collections.browser.map((each) => each.id)).toEqual([id]);
  });
});
