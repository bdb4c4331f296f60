import { describe, expect, it } from 'vitest';
import {
  POSTMAN_FIXTURES,
  readPostmanFixture,
  sequentialIds,
} from '../../../test-support/postmanFixtures';
import { importPostmanEnvironment, isPostmanEnvironment } from './importPostmanEnvironment';

function imported(value: unknown) {
  const result = importPostmanEnvironment(value, { newId: sequentialIds('env') });
  if (!result.ok) throw new Error(result.error);
  return result.workspace;
}

describe('isPostmanEnvironment', () => {
  it('knows environments and globals by their scope, and older exports by their shape', () => {
    expect(
      isPostmanEnvironment({ name: 'x', values: [], _postman_variable_scope: 'environment' }),
    ).toBe(true);
    expect(isPostmanEnvironment({ values: [], _postman_variable_scope: 'globals' })).toBe(true);
    expect(isPostmanEnvironment({ name: 'old', values: [{ key: 'a', value: '1' }] })).toBe(true);
    expect(isPostmanEnvironment({ name: 'x', values: [{ value: '1' }] })).toBe(false);
    expect(isPostmanEnvironment({ info: {}, item: [], values: [] })).toBe(false);
    expect(isPostmanEnvironment([])).toBe(false);
  });
});

describe('importPostmanEnvironment', () => {
  it('reads the fixture: values, secret type, names that say credential', () => {
    const workspace = imported(JSON.parse(readPostmanFixture(POSTMAN_FIXTURES.environment)));
    expect(workspace.format).toBe('Postman environment');
    expect(workspace.collection).toBeUndefined();
    expect(workspace.environments).toEqual([
      {
        id: 'env-1',
        name: 'Local gateway',
        variables: [
          { name: 'baseUrl', value: 'http://127.0.0.1:5174/prod', secret: false, enabled: true },
          { name: 'accessKey', value: 'AKIDEXAMPLE', secret: true, enabled: true },
          {
            name: 'secretKey',
            value: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
            secret: true,
            enabled: true,
          },
          { name: 'region', value: 'ca-central-1', secret: false, enabled: true },
          { name: 'service', value: 'execute-api', secret: false, enabled: true },
        ],
      },
    ]);
    expect(workspace.notes).toEqual([
      "2 variables are secret (“accessKey” because its name says credential): their values stay in this tab's memory only, like the secret key.",
    ]);
  });

  it('keeps disabled variables unticked and turns other values into text', () => {
    const workspace = imported({
      name: 'Mixed',
      values: [
        { key: 'off', value: 'x', enabled: false },
        { key: 'count', value: 3 },
        { key: 'nothing', value: null },
        { value: 'no key' },
        { key: 'AWS_ACCESS_KEY_ID', value: 'AKIDEXAMPLE' },
      ],
      _postman_variable_scope: 'environment',
    });
    expect(workspace.environments[0]!.variables).toEqual([
      { name: 'off', value: 'x', secret: false, enabled: false },
      { name: 'count', value: '3', secret: false, enabled: true },
      { name: 'nothing', value: '', secret: false, enabled: true },
      // An access key ID is not a secret by its name (credentialFields.ts): the collection's auth
      // marks it when it reads a key from it.
      { name: 'AWS_ACCESS_KEY_ID', value: 'AKIDEXAMPLE', secret: false, enabled: true },
    ]);
    expect(workspace.notes).toEqual([]);
  });

  it('names globals', () => {
    const workspace = imported({ values: [], _postman_variable_scope: 'globals' });
    expect(workspace.format).toBe('Postman globals');
    expect(workspace.environments[0]!.name).toBe('Globals');
  });

  it('says what is wrong with a damaged file', () => {
    const result = importPostmanEnvironment(
      { name: 'x', values: [{ key: 5 }], _postman_variable_scope: 'environment' },
      { newId: sequentialIds() },
    );
    expect(result).toEqual({
      ok: false,
      error:
        'This Postman environment is not in the shape Postman exports: values[0].key: expected text, not a number.',
    });
  });
});
