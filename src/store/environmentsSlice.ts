import type { Environment, Variable } from '../collections/collectionModel';
import type { CollectionWriter } from './collectionWrites';
import type { EnvironmentActions, EnvironmentsSlice } from './collectionsState';
import { cleanName, newItemId } from './collectionTree';
import type { StoreGet, StoreSet } from './playgroundState';
import { withNewVariable, withoutVariable, withVariableChanged } from './variableEdits';

/**
 * What environments of variables do (collectionsLogic.ts runs it; the store keeps their state),
 * kept in the browser's database. A secret variable's value stays in
 * this tab's memory: the repository writes the name only (collectionModel.withoutSecretValues),
 * so after a reload the page asks for it again. Variables are edited as a collection's are
 * (variableEdits.ts).
 */
export function createEnvironmentActions(
  set: StoreSet,
  get: StoreGet,
  writer: CollectionWriter,
): EnvironmentActions {
  const patch = (fields: Partial<EnvironmentsSlice>) =>
    set((state) => ({ environments: { ...state.environments, ...fields } }));
  const write = (environment: Environment) => writer.putEnvironment(environment);

  const edit = (id: string, change: (environment: Environment) => Environment) => {
    const list = get().environments.list;
    const found = list.find((environment) => environment.id === id);
    if (found === undefined) return;
    const changed = change(found);
    patch({ list: list.map((environment) => (environment.id === id ? changed : environment)) });
    write(changed);
  };

  const add = (environment: Environment) => {
    patch({ list: [...get().environments.list, environment] });
    write(environment);
    return environment.id;
  };

  const editVariables = (id: string, change: (variables: Variable[]) => Variable[]) =>
    edit(id, (environment) => ({ ...environment, variables: change(environment.variables) }));

  return {
    create: (name) =>
      add({ id: newItemId('e'), name: cleanName(name, 'New environment'), variables: [] }),

    rename: (id, name) =>
      edit(id, (environment) => ({ ...environment, name: cleanName(name, environment.name) })),

    remove: (id) => {
      const { list, activeId } = get().environments;
      const removed = list.find((environment) => environment.id === id);
      if (removed === undefined) return;
      patch({
        list: list.filter((environment) => environment.id !== id),
        ...(activeId === id ? { activeId: null } : {}),
      });
      writer.removeEnvironment(removed);
      if (activeId === id) writer.setActiveEnvironment(null);
    },

    duplicate: (id) => {
      const original = get().environments.list.find((environment) => environment.id === id);
      if (original === undefined) return null;
      return add({
        id: newItemId('e'),
        name: cleanName(`${original.name} copy`, original.name),
        // Secret values too, in memory: the copy is as usable as the original in this tab.
        variables: original.variables.map((variable) => ({ ...variable })),
        ...(original.profile === undefined ? {} : { profile: original.profile }),
      });
    },

    setActive: (id) => {
      if (id !== null && !get().environments.list.some((environment) => environment.id === id))
        return;
      patch({ activeId: id });
      writer.setActiveEnvironment(id);
    },

    setProfile: (id, profile) =>
      edit(id, ({ profile: _old, ...environment }) => {
        void _old;
        return profile === '' ? environment : { ...environment, profile };
      }),

    addVariable: (environmentId) => editVariables(environmentId, withNewVariable),

    updateVariable: (environmentId, index, changes) =>
      editVariables(environmentId, (variables) => withVariableChanged(variables, index, changes)),

    removeVariable: (environmentId, index) =>
      editVariables(environmentId, (variables) => withoutVariable(variables, index)),

    addEnvironments: (environments) =>
      // Fresh ids: importing the same file twice gives two environments, not one overwritten.
      environments.map((environment) =>
        add({
          ...environment,
          id: newItemId('e'),
          variables: environment.variables.map((variable) => ({ ...variable })),
        }),
      ),
  };
}
