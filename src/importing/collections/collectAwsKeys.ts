// The AWS keys that the requests' AWS auth names across a whole import (Insomnia's `iam`, Bruno's
// `auth:awsv4`): one set goes to the credentials panel, and every variable the auth read a key
// from is named so that withoutImportedKeys.ts can empty it.
import type { Variable } from '../../collections/collectionModel';
import { referencedNames, type VariableScope } from '../../collections/resolveVariables';
import type { ImportedKeys } from './importedWorkspace';
import { NamedTally, quoteName } from './importNotes';
import { resolveAuthKeys, type AuthKeyTexts } from './resolveAuthKeys';

/**
 * Distinct auth texts resolved before giving up: each resolution reads every environment, and a
 * hostile file could give each of 5000 requests its own. Real collections share one or two.
 */
const MAX_RESOLUTIONS = 20;

export interface CollectedAwsKeys {
  keys?: ImportedKeys;
  /** Every variable an AWS auth reads a key from. */
  keyVariables: string[];
  notes: string[];
}

export class AwsKeyCollector {
  readonly #scopeLists: VariableScope[][];
  #keys: { keys: ImportedKeys; from: string } | undefined;
  readonly #texts = new Map<string, ImportedKeys | undefined>();
  readonly #keyVariables = new Set<string>();
  readonly #withoutValue = new Set<string>();
  readonly #otherKeys = new NamedTally();
  readonly #noKeys = new NamedTally();

  /**
   * Variables are looked up in each environment (over the collection's), then in the
   * collection's alone: the first environment that gives both keys wins.
   */
  constructor(
    collectionVariables: readonly Variable[],
    environments: readonly { name: string; variables: readonly Variable[] }[],
  ) {
    const collection: VariableScope = {
      kind: 'collection',
      label: 'collection',
      variables: collectionVariables,
    };
    this.#scopeLists = [
      ...environments.map((environment): VariableScope[] => [
        { kind: 'environment', label: environment.name, variables: environment.variables },
        collection,
      ]),
      [collection],
    ];
  }

  #resolve(texts: AuthKeyTexts): ImportedKeys | undefined {
    const key = JSON.stringify([texts.accessKeyId, texts.secretAccessKey, texts.sessionToken]);
    if (this.#texts.has(key)) return this.#texts.get(key);
    if (this.#texts.size >= MAX_RESOLUTIONS) return undefined;
    let found: ImportedKeys | undefined;
    for (const scopes of this.#scopeLists) {
      const resolved = resolveAuthKeys(texts, scopes);
      for (const name of resolved.variables) this.#keyVariables.add(name);
      if (resolved.keys !== undefined) {
        found = resolved.keys;
        break;
      }
    }
    if (found === undefined)
      for (const name of this.#keyVariablesOf(texts))
        if (!this.#hasValue(name)) this.#withoutValue.add(name);
    this.#texts.set(key, found);
    return found;
  }

  #keyVariablesOf(texts: AuthKeyTexts): string[] {
    return [texts.accessKeyId, texts.secretAccessKey, texts.sessionToken].flatMap(referencedNames);
  }

  /** Whether any scope gives the variable a value (a secret one has none in an export). */
  #hasValue(name: string): boolean {
    return this.#scopeLists.some((scopes) =>
      scopes.some((scope) =>
        scope.variables.some(
          (variable) => variable.name === name && variable.enabled && variable.value !== '',
        ),
      ),
    );
  }

  /** One request's AWS auth, with the request's name for the notes. */
  add(texts: AuthKeyTexts, requestName: string): void {
    const keys = this.#resolve(texts);
    if (keys === undefined) {
      this.#noKeys.add(requestName);
      return;
    }
    if (this.#keys === undefined) this.#keys = { keys, from: requestName };
    else if (
      this.#keys.keys.accessKeyId !== keys.accessKeyId ||
      this.#keys.keys.secretAccessKey !== keys.secretAccessKey ||
      this.#keys.keys.sessionToken !== keys.sessionToken
    )
      this.#otherKeys.add(requestName);
  }

  result(): CollectedAwsKeys {
    const notes: string[] = [];
    if (this.#keys !== undefined)
      notes.push(
        `The AWS keys of the IAM auth (first in ${quoteName(this.#keys.from)}) went to the credentials panel (kept in memory only), not into the collection.`,
      );
    if (this.#otherKeys.count > 0)
      notes.push(
        `${this.#otherKeys.describe()} named other AWS keys: the credentials panel holds one set, so those were left out; enter them when you send these requests.`,
      );
    if (this.#noKeys.count > 0) {
      const missing = [...this.#withoutValue].map((name) => `{{${name}}}`).join(', ');
      notes.push(
        `${this.#noKeys.describe()} use${this.#noKeys.count === 1 ? 's' : ''} AWS auth without both keys in the file${missing === '' ? '' : ` (${missing} ${this.#withoutValue.size === 1 ? 'has' : 'have'} no value there)`}: enter the keys in the credentials panel.`,
      );
    }
    const collected: CollectedAwsKeys = { keyVariables: [...this.#keyVariables], notes };
    if (this.#keys !== undefined) collected.keys = this.#keys.keys;
    return collected;
  }
}
