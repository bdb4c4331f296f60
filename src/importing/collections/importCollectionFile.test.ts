import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { LOCAL_IDENTITIES } from '../../request/defaults';
import { anyText } from '../../../test-support/arbitraries';
import {
  POSTMAN_FIXTURES,
  readPostmanFixture,
  sequentialIds,
} from '../../../test-support/postmanFixtures';
import type { ImportWorkspaceResult } from './importedWorkspace';
import { importCollectionFile, importCollectionFiles } from './importCollectionFile';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const TEMP = LOCAL_IDENTITIES.find((identity) => identity.name === 'temp')!;

const COLLECTION = {
  fileName: POSTMAN_FIXTURES.collection,
  text: readPostmanFixture(POSTMAN_FIXTURES.collection),
};
const ENVIRONMENT = {
  fileName: POSTMAN_FIXTURES.environment,
  text: readPostmanFixture(POSTMAN_FIXTURES.environment),
};
const V20 = { fileName: POSTMAN_FIXTURES.v20, text: readPostmanFixture(POSTMAN_FIXTURES.v20) };

const options = () => ({ newId: sequentialIds() });

function workspaceOf(result: ImportWorkspaceResult) {
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

function errorOf(result: ImportWorkspaceResult): string {
  if (result.ok) throw new Error('imported');
  return result.error;
}

/** AWS's shortest key IDs have 16 characters; AKIDEXAMPLE 11. */
const MIN_SEARCHED_KEY_LENGTH = 8;

/**
 * The property every import keeps, whatever the file: a workspace or one readable sentence, and
 * the keys it found in workspace.keys and nowhere in the collection or the environments.
 */
function expectSound(result: ImportWorkspaceResult): void {
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(10);
    expect(result.error.length).toBeLessThan(1000);
    return;
  }
  const { keys, collection, environments } = result.workspace;
  const kept = textsIn({ collection, environments });
  for (const secret of [keys?.accessKeyId, keys?.secretAccessKey, keys?.sessionToken]) {
    // A fuzzed "key" of a few characters (",") occurs in other texts by chance: no real key does.
    if (secret === undefined || secret.length < MIN_SEARCHED_KEY_LENGTH) continue;
    const holding = kept.find((text) => text.includes(secret));
    expect(holding, `a key in ${JSON.stringify(holding)}`).toBeUndefined();
  }
}

/** Every string value in a tree of objects and lists (its field names are the model's own). */
function textsIn(root: unknown): string[] {
  const texts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'object' && value !== null) stack.push(...Object.values(value));
  }
  return texts;
}

describe('importCollectionFile', () => {
  it('imports a collection with its environment: keys to the credentials panel only', () => {
    const workspace = workspaceOf(importCollectionFiles([COLLECTION, ENVIRONMENT], options()));
    expect(workspace.format).toBe('Postman environment and Postman Collection v2.1');
    expect(workspace.keys).toEqual({
      accessKeyId: DEMO.accessKeyId,
      secretAccessKey: DEMO.secretAccessKey,
    });
    expect(workspace.collection?.name).toBe('Local API Gateway');
    expect(workspace.environments.map((environment) => environment.name)).toEqual([
      'Local gateway',
    ]);
    // The variables that held the keys: secret and empty, the keys being in the panel.
    expect(workspace.environments[0]!.variables.filter((variable) => variable.secret)).toEqual([
      { name: 'accessKey', value: '', secret: true, enabled: true },
      { name: 'secretKey', value: '', secret: true, enabled: true },
    ]);
    expect(workspace.environments[0]!.variables[0]).toEqual({
      name: 'baseUrl',
      value: 'http://127.0.0.1:5174/prod',
      secret: false,
      enabled: true,
    });
    expect(workspace.notes[0]).toMatch(
      /^“local-gateway.postman_environment.json”: 2 variables are secret/,
    );
    expect(workspace.notes).toContainEqual(
      expect.stringMatching(/^“local-gateway.postman_collection.json”: The AWS keys of/),
    );
    expectSound({ ok: true, workspace });
    expect(JSON.stringify(workspace.collection)).not.toContain(DEMO.accessKeyId);
  });

  it('reads the environment first whatever the order the files come in', () => {
    const reversed = workspaceOf(importCollectionFiles([ENVIRONMENT, COLLECTION], options()));
    const forward = workspaceOf(importCollectionFiles([COLLECTION, ENVIRONMENT], options()));
    expect(reversed).toEqual(forward);
  });

  it("resolves keys through the page's environments", () => {
    const environment = workspaceOf(
      importCollectionFile(ENVIRONMENT.fileName, ENVIRONMENT.text, options()),
    ).environments[0]!;
    const workspace = workspaceOf(
      importCollectionFile(COLLECTION.fileName, COLLECTION.text, {
        newId: sequentialIds(),
        environments: [environment],
      }),
    );
    expect(workspace.keys?.accessKeyId).toBe(DEMO.accessKeyId);
    expect(workspace.environments).toEqual([]);
    // The page's environment held the keys: the page is told to make those variables secret.
    expect(workspace.pageVariablesHoldingKeys).toEqual([
      { environmentId: environment.id, index: 1, name: 'accessKey' },
      { environmentId: environment.id, index: 2, name: 'secretKey' },
    ]);
    expect(workspace.notes).toContainEqual(
      expect.stringMatching(
        /^The variables “accessKey” and “secretKey” of environment “Local gateway” held the AWS keys found: marked secret, so their values stay in this tab's memory only/,
      ),
    );
  });

  it("leaves the page's environments alone when they hold no key the import found", () => {
    const environment = {
      id: 'page-env',
      name: 'dev',
      variables: [{ name: 'stage', value: 'prod', secret: false, enabled: true }],
    };
    const workspace = workspaceOf(
      importCollectionFile(V20.fileName, V20.text, { ...options(), environments: [environment] }),
    );
    expect(workspace.keys?.sessionToken).toBe(TEMP.sessionToken);
    expect(workspace.pageVariablesHoldingKeys).toBeUndefined();
  });

  it('imports written-out keys and never keeps them', () => {
    const workspace = workspaceOf(importCollectionFile(V20.fileName, V20.text, options()));
    expect(workspace.keys?.sessionToken).toBe(TEMP.sessionToken);
    expectSound({ ok: true, workspace });
  });

  it('imports an environment alone', () => {
    const workspace = workspaceOf(
      importCollectionFile(ENVIRONMENT.fileName, ENVIRONMENT.text, options()),
    );
    expect(workspace.collection).toBeUndefined();
    expect(workspace.keys).toBeUndefined();
    expect(workspace.environments[0]!.variables[2]).toEqual({
      name: 'secretKey',
      value: DEMO.secretAccessKey,
      secret: true,
      enabled: true,
    });
  });

  it('reports bad JSON with the file, line and column', () => {
    const text = COLLECTION.text.replace('"name": "Say hello",', '"name": "Say hello"');
    expect(errorOf(importCollectionFile('mine.json', text, options()))).toMatch(
      /^“mine.json”: The file is not valid JSON: expected ',' or '}', found '"' \(line 12, column 7\)\.$/,
    );
  });

  it('says which formats it reads when it knows none', () => {
    expect(errorOf(importCollectionFile('x.json', '{"hello": 1}', options()))).toBe(
      '“x.json”: JSON, but not a format the playground imports. It imports Postman collections (v2.0, v2.1), Postman environments and globals, Insomnia exports (formats 4 and 5), OpenAPI 3 and Swagger 2 (API Gateway exports) and Bruno collections (.bru files, bruno.json).',
    );
    expect(errorOf(importCollectionFile('notes.txt', 'just text', options()))).toMatch(
      /^“notes.txt”: Not a format the playground imports\. It imports Postman/,
    );
    expect(errorOf(importCollectionFile('empty.json', '  \n', options()))).toMatch(
      /^“empty.json”: The file is empty\./,
    );
    expect(errorOf(importCollectionFiles([], options()))).toBe('Choose a file to import.');
  });

  it('refuses a file over the size limit before reading it', () => {
    const huge = `{"info":{"name":"x"},"item":[],"pad":"${'a'.repeat(COLLECTION_LIMITS.maxFileChars)}"}`;
    expect(errorOf(importCollectionFile('huge.json', huge, options()))).toBe(
      '“huge.json”: The file is 20.0 MiB; the playground reads files of up to 20 MiB.',
    );
  });

  it('imports one collection at a time', () => {
    expect(errorOf(importCollectionFiles([COLLECTION, V20], options()))).toBe(
      `“${COLLECTION.fileName}” and “${V20.fileName}” are both collections: import one collection at a time, with its environments.`,
    );
  });

  it('names the file a problem is in when several were chosen', () => {
    const broken = {
      fileName: 'broken.postman_environment.json',
      text: '{"name":"x","values":[{"key":1}],"_postman_variable_scope":"environment"}',
    };
    expect(errorOf(importCollectionFiles([COLLECTION, broken], options()))).toMatch(
      /^“broken.postman_environment.json”: This Postman environment is not in the shape/,
    );
  });
});

describe('importCollectionFile: fuzzed', () => {
  it('answers any JSON value with a workspace or a sentence, never a throw', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expectSound(importCollectionFile('fuzz.json', JSON.stringify(value), options()));
      }),
      { numRuns: 300 },
    );
  });

  it('answers any JSON value in the places a Postman collection has', () => {
    const collectionLike = fc.record({
      info: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.record({
          name: fc.jsonValue({ maxDepth: 1 }),
          schema: fc.constant(
            'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
          ),
        }),
      ),
      item: fc.array(
        fc.record(
          {
            name: fc.jsonValue({ maxDepth: 1 }),
            request: fc.jsonValue({ maxDepth: 3 }),
            item: fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 3 }),
            auth: fc.jsonValue({ maxDepth: 3 }),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 4 },
      ),
      auth: fc.jsonValue({ maxDepth: 3 }),
      variable: fc.jsonValue({ maxDepth: 3 }),
    });
    fc.assert(
      fc.property(collectionLike, (value) => {
        expectSound(importCollectionFile('fuzz.json', JSON.stringify(value), options()));
      }),
      { numRuns: 300 },
    );
  });

  it('answers any text with a workspace or a sentence', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText(200),
          fc.json().map((json) => `${json.slice(0, -1)}`),
        ),
        (text) => {
          expectSound(importCollectionFile('fuzz.json', text, options()));
        },
      ),
      { numRuns: 300 },
    );
  });

  /**
   * The fixtures with some of their values replaced: by random JSON, by nothing, or by one of
   * the keys (copied into a header, a body, a name…), which must still end up nowhere but in
   * workspace.keys when the import finds the keys.
   */
  it('keeps keys out of mutated fixtures, and never throws on them', () => {
    const parsedCollection: unknown = JSON.parse(COLLECTION.text);
    const parsedV20: unknown = JSON.parse(V20.text);
    const mutation = fc.record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
      change: fc.oneof(
        fc.record({ kind: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
        fc.record({ kind: fc.constant('delete' as const) }),
        fc.record({
          kind: fc.constant('secret' as const),
          value: fc.constantFrom(
            DEMO.secretAccessKey,
            `x ${TEMP.secretAccessKey} y`,
            TEMP.sessionToken!,
            DEMO.accessKeyId,
          ),
        }),
      ),
    });
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (useV20, mutations) => {
          const value = structuredClone(useV20 ? parsedV20 : parsedCollection);
          for (const { path, change } of mutations) mutate(value, path, change);
          const files = useV20
            ? [{ fileName: 'v20.json', text: JSON.stringify(value) }]
            : [{ fileName: 'c.json', text: JSON.stringify(value) }, ENVIRONMENT];
          expectSound(importCollectionFiles(files, options()));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('refuses folders nested past the limit in a file as deep as a file may be', () => {
    const levels = 300_000;
    const text = `{"info":{"name":"deep"},"item":[${'{"name":"f","item":['.repeat(levels)}${']}'.repeat(levels)}]}`;
    expect(errorOf(importCollectionFile('deep.json', text, options()))).toMatch(
      /^Folders are nested more than 16 deep \(at folder “f”\)/,
    );
  });

  it('refuses names over the limit, and long values are fine', () => {
    const longName = JSON.stringify({
      info: { name: 'x'.repeat(COLLECTION_LIMITS.maxNameChars + 1) },
      item: [],
    });
    expect(errorOf(importCollectionFile('long.json', longName, options()))).toMatch(
      /^A collection name is 501 characters long/,
    );
    const longBody = JSON.stringify({
      info: { name: 'big body' },
      item: [
        {
          name: 'r',
          request: {
            url: 'https://x.example/',
            method: 'POST',
            body: { mode: 'raw', raw: 'b'.repeat(5_000_000) },
          },
        },
      ],
    });
    expect(
      workspaceOf(importCollectionFile('body.json', longBody, options())).collection?.name,
    ).toBe('big body');
  });
});

type Change =
  { kind: 'replace'; value: unknown } | { kind: 'delete' } | { kind: 'secret'; value: string };

/** Follows `path` (each step picks a key or index modulo the count) and applies `change` there. */
function mutate(root: unknown, path: readonly number[], change: Change): void {
  let parent: Record<string, unknown> | unknown[] | undefined;
  let key: string | number | undefined;
  let node = root;
  for (const step of path) {
    if (typeof node !== 'object' || node === null) break;
    const keys: (string | number)[] = Array.isArray(node)
      ? node.map((_, index) => index)
      : Object.keys(node);
    if (keys.length === 0) break;
    parent = node as Record<string, unknown> | unknown[];
    key = keys[step % keys.length]!;
    node = (parent as Record<string | number, unknown>)[key];
  }
  if (parent === undefined || key === undefined) return;
  const target = parent as Record<string | number, unknown>;
  if (change.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete target[key];
  } else {
    target[key] = change.value;
  }
}
