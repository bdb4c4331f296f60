import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SAVED_OPTIONS,
  type Collection,
  type SavedRequest,
  type Variable,
} from '../../collections/collectionModel';
import type { ImportedKeys, ImportedWorkspace } from './importedWorkspace';
import { MIN_EMBEDDED_KEY_CHARS, withoutImportedKeys } from './withoutImportedKeys';

/** AWS's documented example keys: an access key id of 20 characters, a secret key of 40. */
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';

const variable = (name: string, value: string): Variable => ({
  name,
  value,
  secret: false,
  enabled: true,
});

function request(extra: Partial<SavedRequest>): SavedRequest {
  return {
    kind: 'request',
    id: 'r',
    name: 'Say hello',
    method: 'POST',
    url: 'http://127.0.0.1:5174/prod/hello',
    headers: [],
    body: '',
    options: { ...DEFAULT_SAVED_OPTIONS },
    ...extra,
  };
}

function workspaceWith(
  keys: ImportedKeys,
  item: SavedRequest,
  variables: Variable[] = [],
): ImportedWorkspace {
  const collection: Collection = { id: 'c', name: 'Orders', variables, items: [item] };
  return {
    format: 'test',
    collection,
    environments: [{ id: 'e', name: 'dev', variables }],
    keys,
    notes: [],
  };
}

const onlyRequest = (workspace: ImportedWorkspace) =>
  workspace.collection!.items[0] as SavedRequest;

describe('withoutImportedKeys', () => {
  it('cuts a real-sized key out of every text it is written in', () => {
    const keys = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET };
    const result = withoutImportedKeys(
      workspaceWith(
        keys,
        request({
          url: `http://127.0.0.1:5174/prod/hello?key=${ACCESS_KEY_ID}`,
          body: `{"secret":"${SECRET}"}`,
          headers: [{ name: 'x-debug', value: `key ${SECRET}`, signed: true }],
          description: `Signed with ${ACCESS_KEY_ID}`,
        }),
        [variable('note', `the secret is ${SECRET}`)],
      ),
    );
    const saved = onlyRequest(result);
    expect(saved.url).toBe('http://127.0.0.1:5174/prod/hello?key=');
    expect(saved.body).toBe('{"secret":""}');
    expect(saved.headers[0]!.value).toBe('key ');
    expect(saved.description).toBe('Signed with ');
    expect(result.collection!.variables[0]!.value).toBe('the secret is ');
    expect(result.environments[0]!.variables[0]!.value).toBe('the secret is ');
    expect(result.keys).toEqual(keys);
    expect(result.notes.join(' ')).toMatch(
      /AWS keys written out in .*request “Say hello” were taken out/,
    );
  });

  it(`leaves a key shorter than ${MIN_EMBEDDED_KEY_CHARS} characters inside other text`, () => {
    const shortKeys = { accessKeyId: 'abc', secretAccessKey: 'true', sessionToken: 'x'.repeat(15) };
    const item = request({
      url: 'http://127.0.0.1:5174/prod/abc?flag=true',
      body: '{"enabled": true, "name": "abcdef"}',
      headers: [{ name: 'x-flag', value: 'is true', signed: true }],
      description: 'true to its name',
    });
    const result = withoutImportedKeys(
      workspaceWith(shortKeys, item, [variable('list', 'true,false')]),
    );
    expect(onlyRequest(result)).toEqual(item);
    expect(result.collection!.variables).toEqual([variable('list', 'true,false')]);
    expect(result.notes).toEqual([]);
  });

  it('empties a value that is exactly a key, however short', () => {
    const shortKeys = { accessKeyId: 'abc', secretAccessKey: 'true' };
    const result = withoutImportedKeys(
      workspaceWith(
        shortKeys,
        request({
          headers: [
            { name: 'x-api-key', value: ' true ', signed: true },
            { name: 'x-flag', value: 'true!', signed: true },
          ],
          body: 'abc',
        }),
        [variable('secretKey', 'true'), variable('flag', 'truer')],
      ),
    );
    const saved = onlyRequest(result);
    expect(saved.headers.map((header) => header.value)).toEqual(['', 'true!']);
    expect(saved.body).toBe('');
    expect(result.collection!.variables).toEqual([
      { ...variable('secretKey', ''), secret: true },
      variable('flag', 'truer'),
    ]);
    expect(result.environments[0]!.variables[0]).toEqual({
      ...variable('secretKey', ''),
      secret: true,
    });
    expect(result.notes.join(' ')).toMatch(/“secretKey” held AWS keys/);
  });

  it('empties a value that is a key with spaces around either', () => {
    const result = withoutImportedKeys(
      workspaceWith(
        { accessKeyId: ' abc', secretAccessKey: 'true ' },
        request({ headers: [{ name: 'x-api-key', value: 'abc ', signed: true }], body: ' true' }),
        [variable('accessKey', 'abc')],
      ),
    );
    expect(onlyRequest(result).headers[0]!.value).toBe('');
    expect(onlyRequest(result).body).toBe('');
    expect(result.collection!.variables[0]).toEqual({ ...variable('accessKey', ''), secret: true });
  });

  it('empties the variables the auth named, whatever they hold', () => {
    const keys = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET };
    const result = withoutImportedKeys(
      workspaceWith(keys, request({}), [variable('awsSecret', 'typed elsewhere')]),
      ['awsSecret'],
    );
    expect(result.collection!.variables).toEqual([{ ...variable('awsSecret', ''), secret: true }]);
  });
});
