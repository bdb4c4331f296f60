import { describe, expect, it } from 'vitest';
import { createMemoryCollectionsRepository } from './collectionsRepository';
import { createTestStore } from './storeTestSupport';

async function setup(repository = createMemoryCollectionsRepository()) {
  const store = createTestStore({ collections: repository });
  await store.getState().collections.load();
  const state = () => store.getState();
  const environment = (id: string) => state().environments.list.find((each) => each.id === id)!;
  return { store, repository, state, environment };
}

describe('environments slice', () => {
  it('creates, renames, duplicates and deletes environments', async () => {
    const { state, environment } = await setup();
    expect(state().environments.status).toBe('ready');
    const dev = state().environments.create(' dev ')!;
    state().environments.addVariable(dev);
    state().environments.updateVariable(dev, 0, { name: 'stage', value: 'dev' });
    const prod = state().environments.duplicate(dev)!;
    state().environments.rename(prod, 'prod');
    state().environments.updateVariable(prod, 0, { value: 'prod' });
    expect(state().environments.list.map((each) => each.name)).toEqual(['dev', 'prod']);
    expect(environment(dev).variables).toEqual([
      { name: 'stage', value: 'dev', secret: false, enabled: true },
    ]);
    expect(environment(prod).variables[0]!.value).toBe('prod');
    state().environments.removeVariable(prod, 0);
    expect(environment(prod).variables).toEqual([]);
    state().environments.remove(dev);
    expect(state().environments.list.map((each) => each.name)).toEqual(['prod']);
  });

  it('chooses the active environment (or none), and forgets it when it is deleted', async () => {
    const { state, repository } = await setup();
    const dev = state().environments.create('dev')!;
    state().environments.setActive(dev);
    expect(state().environments.activeId).toBe(dev);
    state().environments.setActive('not-an-environment');
    expect(state().environments.activeId).toBe(dev);
    await state().collections.settled();
    expect(repository.data.activeEnvironmentId).toBe(dev);
    const reloaded = await setup(repository);
    expect(reloaded.state().environments.activeId).toBe(dev);
    reloaded.state().environments.remove(dev);
    expect(reloaded.state().environments.activeId).toBeNull();
  });

  it('keeps a secret variable’s value in memory only: never written, asked again after a reload', async () => {
    const { state, repository, environment } = await setup();
    const dev = state().environments.create('dev')!;
    state().environments.addVariable(dev);
    state().environments.updateVariable(dev, 0, {
      name: 'apiKey',
      value: 'env-secret-value-5',
      secret: true,
    });
    expect(environment(dev).variables[0]!.value).toBe('env-secret-value-5');
    await state().collections.settled();
    expect(JSON.stringify([...repository.data.environments.values()])).not.toContain(
      'env-secret-value-5',
    );
    const reloaded = await setup(repository);
    expect(reloaded.environment(dev).variables).toEqual([
      { name: 'apiKey', value: '', secret: true, enabled: true },
    ]);
  });

  it('adds imported environments under fresh ids', async () => {
    const { state } = await setup();
    const imported = { id: 'same', name: 'dev', variables: [] };
    const ids = state().environments.addEnvironments([imported, imported]);
    expect(new Set(ids).size).toBe(2);
    expect(ids).not.toContain('same');
  });
});
