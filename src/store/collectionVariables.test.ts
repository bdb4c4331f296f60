import { describe, expect, it, vi } from 'vitest';
import { COLLECTION_LIMITS, type Collection } from '../collections/collectionModel';
import { createMemoryCollectionsRepository } from './collectionsRepository';
import type { DiskCollectionsSource } from './collectionsState';
import { resolveFormVariables, stateVariableScopes } from './resolveFormVariables';
import { createTestStore } from './storeTestSupport';

async function setup(repository = createMemoryCollectionsRepository()) {
  const store = createTestStore({ collections: repository });
  await store.getState().collections.load();
  const state = () => store.getState();
  const collection = (id: string) => state().collections.browser.find((each) => each.id === id)!;
  return { repository, state, collection };
}

describe('a collection’s variables', () => {
  it('are added, changed and removed, and written with the collection', async () => {
    const { state, repository, collection } = await setup();
    const id = state().collections.createCollection('API');
    state().collections.addVariable(id);
    state().collections.addVariable(id);
    state().collections.updateVariable(id, 0, { name: 'stage', value: 'prod' });
    state().collections.updateVariable(id, 1, { name: 'x'.repeat(600), enabled: false });
    expect(collection(id).variables).toEqual([
      { name: 'stage', value: 'prod', secret: false, enabled: true },
      {
        name: 'x'.repeat(COLLECTION_LIMITS.maxNameChars),
        value: '',
        secret: false,
        enabled: false,
      },
    ]);
    state().collections.removeVariable(id, 1);
    await state().collections.settled();
    expect((repository.data.collections.get(id) as Collection).variables).toEqual([
      { name: 'stage', value: 'prod', secret: false, enabled: true },
    ]);
    const reloaded = await setup(repository);
    expect(reloaded.collection(id).variables).toEqual(collection(id).variables);
  });

  it('keep a secret value in memory only: never written, asked again after a reload', async () => {
    const { state, repository, collection } = await setup();
    const id = state().collections.createCollection('API');
    state().collections.addVariable(id);
    state().collections.updateVariable(id, 0, {
      name: 'apiKey',
      value: 'collection-secret-value-7',
      secret: true,
    });
    expect(collection(id).variables[0]!.value).toBe('collection-secret-value-7');
    await state().collections.settled();
    expect(JSON.stringify([...repository.data.collections.values()])).not.toContain(
      'collection-secret-value-7',
    );
    const reloaded = await setup(repository);
    expect(reloaded.collection(id).variables).toEqual([
      { name: 'apiKey', value: '', secret: true, enabled: true },
    ]);
  });

  it('of a collection on disk are saved there (PUT), a secret one without its value', async () => {
    const save = vi.fn<DiskCollectionsSource['save']>((collection) =>
      Promise.resolve({ ok: true, collection }),
    );
    const { state } = await setup();
    await state().collections.connectDisk({
      folder: 'the collections folder',
      folderNameFor: (name) => name,
      list: () =>
        Promise.resolve({
          ok: true,
          collections: [{ id: 'team', name: 'Team', variables: [], items: [] }],
          problems: [],
        }),
      save,
    });
    state().collections.addVariable('team');
    state().collections.updateVariable('team', 0, {
      name: 'token',
      value: 'disk-secret-value-8',
      secret: true,
    });
    await state().collections.settled();
    expect(save).toHaveBeenCalled();
    expect(save.mock.calls.at(-1)![0].variables).toEqual([
      { name: 'token', value: '', secret: true, enabled: true },
    ]);
    expect(JSON.stringify(save.mock.calls)).not.toContain('disk-secret-value-8');
    // The page keeps the value it was given, for this tab.
    expect(state().collections.disk!.collections[0]!.variables[0]!.value).toBe(
      'disk-secret-value-8',
    );
    expect(state().collections.browser).toEqual([]);
  });

  it('are the defaults of the requests saved in the collection; the environment’s win', async () => {
    const { state } = await setup();
    const id = state().collections.createCollection('API');
    state().collections.addVariable(id);
    state().collections.updateVariable(id, 0, { name: 'stage', value: 'prod' });
    state().request.setField('url', 'http://127.0.0.1:5174/{{stage}}/hello');
    state().collections.saveRequestAs({ collectionId: id, folderId: null, name: 'Hello' });
    const resolvedUrl = () => {
      const form = resolveFormVariables(
        state().request,
        state().options,
        stateVariableScopes(state()),
      );
      return { url: form.request.url, from: form.used.map((use) => `${use.scope} ${use.label}`) };
    };
    expect(resolvedUrl()).toEqual({
      url: 'http://127.0.0.1:5174/prod/hello',
      from: ['collection API'],
    });

    const other = state().environments.create('other');
    state().environments.addVariable(other);
    state().environments.updateVariable(other, 0, { name: 'stage', value: 'other' });
    state().environments.setActive(other);
    expect(resolvedUrl()).toEqual({
      url: 'http://127.0.0.1:5174/other/hello',
      from: ['environment other'],
    });
  });

  it('stop at COLLECTION_LIMITS.maxVariables, and an unknown collection is left alone', async () => {
    const { state, collection } = await setup();
    const id = state().collections.createCollection('API');
    for (let added = 0; added <= COLLECTION_LIMITS.maxVariables; added++)
      state().collections.addVariable(id);
    expect(collection(id).variables).toHaveLength(COLLECTION_LIMITS.maxVariables);
    const before = state().collections.browser;
    state().collections.addVariable('no-such-collection');
    state().collections.updateVariable('no-such-collection', 0, { name: 'x' });
    state().collections.removeVariable('no-such-collection', 0);
    expect(state().collections.browser).toBe(before);
  });
});
