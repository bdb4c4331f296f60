// What the browser's database gave back, checked record by record: a record that is not a
// collection or an environment of the model (an older page's, or edited by hand) is left out with a
// sentence that says so, and the rest loads.
import type { Collection, Environment } from '../collections/collectionModel';
import { parseCollection, parseEnvironment } from '../collections/validateCollection';
import type { StoredWorkspace } from './collectionsRepository';
import { storableCollection } from './savedRequest';

export interface LoadedWorkspace {
  collections: Collection[];
  environments: Environment[];
  activeEnvironmentId: string | null;
  /** One sentence per record left out. */
  skipped: string[];
}

/** The record's name, when it has one, for the sentence that says it was left out. */
function nameOf(record: unknown): string {
  const name = (record as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name !== '' ? ` “${name.slice(0, 100)}”` : '';
}

export function readStoredWorkspace(stored: StoredWorkspace): LoadedWorkspace {
  const skipped: string[] = [];
  const collections: Collection[] = [];
  for (const record of stored.collections) {
    const parsed = parseCollection(record);
    if (parsed.ok) collections.push(storableCollection(parsed.value));
    else skipped.push(`The collection${nameOf(record)} could not be read: ${parsed.error}.`);
  }
  const environments: Environment[] = [];
  for (const record of stored.environments) {
    const parsed = parseEnvironment(record);
    if (parsed.ok) environments.push(parsed.value);
    else skipped.push(`The environment${nameOf(record)} could not be read: ${parsed.error}.`);
  }
  const active = stored.activeEnvironmentId;
  return {
    collections,
    environments,
    activeEnvironmentId:
      typeof active === 'string' && environments.some((environment) => environment.id === active)
        ? active
        : null,
    skipped,
  };
}
