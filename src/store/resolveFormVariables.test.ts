import { describe, expect, it } from 'vitest';
import { createMemoryCollectionsRepository } from './collectionsRepository';
import { signRequest } from '../signing';
import { createTestStore } from './storeTestSupport';

async function setup() {
  const signings: Array<Promise<unknown>> = [];
  const store = createTestStore({
    collections: createMemoryCollectionsRepository(),
    deps: {
      signRequest: (input) => {
        const signing = signRequest(input);
        signings.push(signing);
        return signing;
      },
    },
  });
  // Every signing asked for so far is done (the runner starts the latest after the one running).
  const signed = async () => {
    for (let seen = -1; seen !== signings.length;) {
      seen = signings.length;
      await Promise.all(signings);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return signings.length;
  };
  await store.getState().collections.load();
  const state = () => store.getState();
  const environment = (name: string, variables: Record<string, string>, secret: string[] = []) => {
    const id = state().environments.create(name);
    Object.entries(variables).forEach(([key, value], index) => {
      state().environments.addVariable(id);
      state().environments.updateVariable(id, index, {
        name: key,
        value,
        secret: secret.includes(key),
      });
    });
    return id;
  };
  return { store, state, environment, signed };
}

describe('{{variables}} in the signing plan', () => {
  it('signs the values of the active environment and says where each came from', async () => {
    const { state, environment } = await setup();
    const dev = environment('dev', { base: 'http://127.0.0.1:5174', stage: 'dev' });
    const prod = environment('prod', { base: 'http://127.0.0.1:5174', stage: 'prod' });
    state().request.setField('url', '{{base}}/{{stage}}/hello');
    state().request.addHeader('x-stage', '{{ stage }}');

    state().environments.setActive(dev);
    let plan = state().signing.plan;
    expect(plan.input.url).toBe('http://127.0.0.1:5174/dev/hello');
    expect(plan.input.headers).toContainEqual(['x-stage', 'dev']);
    expect(plan.variables).toEqual([
      expect.objectContaining({ name: 'base', scope: 'environment', label: 'dev', secret: false }),
      expect.objectContaining({ name: 'stage', scope: 'environment', label: 'dev', value: 'dev' }),
    ]);
    // Still the local gateway's scope: detection reads the resolved URL.
    expect(plan.input.region).toBe('ca-central-1');
    expect(plan.blockers).toEqual([]);
    // The form keeps the references: they are what is saved and shared.
    expect(state().request.url).toBe('{{base}}/{{stage}}/hello');

    state().environments.setActive(prod);
    plan = state().signing.plan;
    expect(plan.input.url).toBe('http://127.0.0.1:5174/prod/hello');
  });

  it('an unresolved reference is an error next to its field, and blocks signing', async () => {
    const { state, environment } = await setup();
    state().environments.setActive(environment('dev', { stage: 'dev' }));
    state().request.setField('url', 'http://127.0.0.1:5174/{{stage}}/{{route}}');
    const rowId = state().request.addHeader('x-api-key', '{{apiKey}}');
    const plan = state().signing.plan;
    const urlIssue = plan.issues.find(
      (issue) => issue.field === 'url' && /route/.test(issue.message),
    );
    expect(urlIssue).toMatchObject({ severity: 'error' });
    expect(urlIssue!.message).toBe(
      '{{route}} is not defined in environment “dev”: define it, or choose another environment.',
    );
    const index = plan.headerRowIds.indexOf(rowId);
    expect(plan.issues).toContainEqual(
      expect.objectContaining({ field: `headers[${index}].value`, severity: 'error' }),
    );
    expect(plan.blockers[0]).toMatch(/\{\{route\}\}/);
  });

  it('never offers a fix that would write resolved values over the references', async () => {
    const { state, environment } = await setup();
    state().environments.setActive(environment('dev', { base: 'http://127.0.0.1:5174/prod ' }));
    // The resolved URL ends in a space: the validator's fix would be a trimmed, resolved URL.
    state().request.setField('url', '{{base}}');
    const urlIssues = state().signing.plan.issues.filter((issue) => issue.field === 'url');
    expect(urlIssues.length).toBeGreaterThan(0);
    for (const issue of urlIssues) {
      expect(issue.fix).toBeUndefined();
      expect(issue.fixAction).toBeUndefined();
    }
  });

  it('reads the collection’s variables as defaults, under the environment’s', async () => {
    const { state, environment } = await setup();
    const collectionId = state().collections.createCollection('Demo API');
    state().request.setField('url', 'http://127.0.0.1:5174/{{stage}}/{{route}}');
    const saved = state().collections.saveRequestAs({
      collectionId,
      folderId: null,
      name: 'Hello',
    });
    expect(saved.ok).toBe(true);
    // Collection variables: set through the model, as an import would.
    const collection = state().collections.browser.find((each) => each.id === collectionId)!;
    state().collections.importWorkspace({
      format: 'test',
      collection: {
        ...collection,
        id: 'imported',
        variables: [
          { name: 'stage', value: 'prod', secret: false, enabled: true },
          { name: 'route', value: 'hello', secret: false, enabled: true },
        ],
      },
      environments: [],
      notes: [],
    });
    const imported = state().collections.browser.at(-1)!;
    const request = imported.items[0]!;
    state().collections.openRequest(imported.id, request.id);
    expect(state().signing.plan.input.url).toBe('http://127.0.0.1:5174/prod/hello');
    state().environments.setActive(environment('dev', { stage: 'dev' }));
    const plan = state().signing.plan;
    expect(plan.input.url).toBe('http://127.0.0.1:5174/dev/hello');
    expect(plan.variables.map((use) => [use.name, use.scope])).toEqual([
      ['stage', 'environment'],
      ['route', 'collection'],
    ]);
  });

  it('signs again for a variable edit only when the request reads variables', async () => {
    const { state, environment, signed } = await setup();
    const dev = environment('dev', { stage: 'prod' });
    state().environments.setActive(dev);
    const before = await signed();
    // The first-run request has no {{references}}: typing in the environment signs nothing.
    state().environments.updateVariable(dev, 0, { value: 'prod2' });
    expect(await signed()).toBe(before);
    state().request.setField('url', 'http://127.0.0.1:5174/{{stage}}/hello');
    expect(await signed()).toBe(before + 1);
    state().environments.updateVariable(dev, 0, { value: 'prod3' });
    expect(await signed()).toBe(before + 2);
    expect(state().signing.plan.input.url).toBe('http://127.0.0.1:5174/prod3/hello');
  });
});
