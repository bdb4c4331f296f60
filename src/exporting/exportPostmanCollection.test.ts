import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collection as anyCollection } from '../../test-support/collectionArbitraries';
import {
  POSTMAN_FIXTURES,
  readPostmanFixture,
  sequentialIds,
} from '../../test-support/postmanFixtures';
import {
  DEFAULT_SAVED_OPTIONS,
  withoutSecretValues,
  type Collection,
  type CollectionItem,
  type SavedRequest,
} from '../collections/collectionModel';
import {
  importCollectionFile,
  importCollectionFiles,
} from '../importing/collections/importCollectionFile';
import {
  isCredentialHeader,
  withoutCredentialHeaders,
  withoutCredentialsInUrl,
} from '../request/credentialFields';
import { LOCAL_IDENTITIES } from '../request/defaults';
import { exportPostmanCollection, type ExportPostmanOptions } from './exportPostmanCollection';

const DEMO = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const DEFAULTS = { region: 'ca-central-1', service: 'execute-api' };

function importText(text: string): Collection {
  const result = importCollectionFile('exported.postman_collection.json', text, {
    newId: sequentialIds('again'),
  });
  if (!result.ok) throw new Error(result.error);
  return result.workspace.collection!;
}

/** The fixture collection, imported with its environment as the page would. */
function fixtureCollection(): Collection {
  const result = importCollectionFiles(
    [POSTMAN_FIXTURES.collection, POSTMAN_FIXTURES.environment].map((fileName) => ({
      fileName,
      text: readPostmanFixture(fileName),
    })),
    { newId: sequentialIds() },
  );
  if (!result.ok) throw new Error(result.error);
  return result.workspace.collection!;
}

/** The collection with every id left out: ids are the page's, not the file's. */
function withoutIds(collection: Collection) {
  const items = (list: readonly CollectionItem[]): unknown[] =>
    list.map((item) => {
      const { id: _id, ...rest } = item;
      void _id;
      return item.kind === 'folder' ? { ...rest, items: items(item.items) } : rest;
    });
  const { id: _id, ...rest } = collection;
  void _id;
  return { ...rest, items: items(collection.items) };
}

type PostmanJson = {
  info: Record<string, unknown>;
  item: Record<string, unknown>[];
  auth: { type: string; awsv4: { key: string; value: unknown; type: string }[] };
  variable: Record<string, unknown>[];
};

const exported = (collection: Collection, options: ExportPostmanOptions = { defaults: DEFAULTS }) =>
  JSON.parse(exportPostmanCollection(collection, options).text) as PostmanJson;

/** An awsv4 attribute list as an object: { accessKey: '{{accessKey}}', … }. */
const attributes = (auth: unknown) =>
  Object.fromEntries(
    (auth as PostmanJson['auth']).awsv4.map((attribute) => [attribute.key, attribute.value]),
  );

function findItem(
  items: readonly Record<string, unknown>[],
  name: string,
): Record<string, unknown> {
  for (const item of items) {
    if (item.name === name) return item;
    if (Array.isArray(item.item)) {
      try {
        return findItem(item.item as Record<string, unknown>[], name);
      } catch {
        // not in this folder
      }
    }
  }
  throw new Error(`no item ${name}`);
}

describe('exportPostmanCollection', () => {
  it('writes Collection v2.1 with awsv4 auth at the collection level, keys as variables', () => {
    const file = exported(fixtureCollection());
    expect(file.info).toEqual({
      name: 'Local API Gateway',
      description: expect.stringMatching(/^The playground's local API Gateway/),
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    });
    expect(file.auth.type).toBe('awsv4');
    expect(file.auth.awsv4).toEqual([
      { key: 'accessKey', value: '{{accessKey}}', type: 'string' },
      { key: 'secretKey', value: '{{secretKey}}', type: 'string' },
      { key: 'region', value: 'ca-central-1', type: 'string' },
      { key: 'service', value: 'execute-api', type: 'string' },
      { key: 'addAuthDataToQuery', value: false, type: 'boolean' },
    ]);
    expect(file.variable).toEqual([{ key: 'greeting', value: 'hi', type: 'string' }]);
  });

  it('gives a request its own auth where it signs elsewhere or presigns, and else inherits', () => {
    const file = exported(fixtureCollection());
    const sayHello = findItem(file.item, 'Say hello').request as Record<string, unknown>;
    expect(attributes(sayHello.auth)).toMatchObject({
      region: '{{region}}',
      service: '{{service}}',
    });
    expect(sayHello).toMatchObject({
      method: 'POST',
      url: '{{baseUrl}}/hello',
      header: [{ key: 'Content-Type', value: 'application/json', type: 'text' }],
      body: { mode: 'raw', raw: '{"hello":"world"}', options: { raw: { language: 'json' } } },
    });
    const presigned = findItem(file.item, 'Say hello with a presigned URL').request as Record<
      string,
      unknown
    >;
    expect(attributes(presigned.auth)).toEqual({
      accessKey: '{{accessKey}}',
      secretKey: '{{secretKey}}',
      region: 'ca-central-1',
      service: 'execute-api',
      addAuthDataToQuery: true,
    });
    // 127.0.0.1 says no region: the request follows its host here, and Postman signs it with
    // the collection's defaults.
    const public_ = findItem(file.item, 'Hello without auth');
    expect((public_.request as Record<string, unknown>).auth).toBeUndefined();
    expect(public_._sigv4_playground).toEqual({
      region: { value: null, written: 'ca-central-1' },
      service: { value: null, written: 'execute-api' },
      withheldHeaders: [0],
    });
    expect((public_.request as Record<string, unknown>).header).toEqual([
      { key: 'X-Api-Key', value: '', type: 'text', disabled: true },
    ]);
  });

  it('tells Postman the region a request follows from its host', () => {
    const request: SavedRequest = {
      kind: 'request',
      id: 'r',
      name: 'Frankfurt',
      method: 'GET',
      url: 'https://abc123.execute-api.eu-central-1.amazonaws.com/dev/items',
      headers: [],
      body: '',
      options: DEFAULT_SAVED_OPTIONS,
    };
    const file = exported({ id: 'c', name: 'c', variables: [], items: [request] });
    expect(attributes((file.item[0]!.request as Record<string, unknown>).auth)).toMatchObject({
      region: 'eu-central-1',
      service: 'execute-api',
    });
    expect(importText(JSON.stringify(file)).items[0]).toEqual({ ...request, id: 'again-1' });
  });

  it('keeps a GET body from being dropped by Postman', () => {
    const file = exported({
      id: 'c',
      name: 'c',
      variables: [],
      items: [
        {
          kind: 'request',
          id: 'r',
          name: 'get',
          method: 'GET',
          url: 'https://x.example/',
          headers: [],
          body: 'q',
          options: DEFAULT_SAVED_OPTIONS,
        },
      ],
    });
    expect(file.item[0]!.protocolProfileBehavior).toEqual({ disableBodyPruning: true });
  });

  it("says that a request's AWS profile is not exported (Postman has none)", () => {
    const request = {
      kind: 'request' as const,
      id: 'r',
      name: 'as reader',
      method: 'GET',
      url: 'https://x.example/',
      headers: [],
      body: '',
      options: DEFAULT_SAVED_OPTIONS,
      profile: 'team-reader-profile',
    };
    const collection: Collection = { id: 'c', name: 'c', variables: [], items: [request] };
    const { text, notes } = exportPostmanCollection(collection, { defaults: DEFAULTS });
    expect(text).not.toContain('team-reader-profile');
    expect(notes).toContain(
      "Postman has no AWS profiles: “as reader” sign with Postman's AWS key variables instead of the profile named here.",
    );
  });

  it('never writes a secret unless asked, and then writes the keys as secret variables', () => {
    const collection: Collection = {
      id: 'c',
      name: 'Secrets',
      variables: [
        { name: 'apiToken', value: 'in-memory-token-value', secret: true, enabled: true },
        { name: 'stage', value: 'prod', secret: false, enabled: false },
      ],
      items: [],
    };
    const plain = exportPostmanCollection(collection, { defaults: DEFAULTS, sessionToken: true });
    expect(plain.text).not.toContain('in-memory-token-value');
    expect(JSON.parse(plain.text).variable).toEqual([
      { key: 'apiToken', value: '', type: 'secret' },
      { key: 'stage', value: 'prod', type: 'string', disabled: true },
    ]);
    expect(attributes(JSON.parse(plain.text).auth).sessionToken).toBe('{{sessionToken}}');
    expect(plain.notes).toEqual([
      'Postman reads the AWS keys from {{accessKey}}, {{secretKey}}, {{sessionToken}}: define them in a Postman environment (type secret). The file holds no key.',
      'Secret variables are exported without their values: “apiToken”.',
    ]);

    const asked = exportPostmanCollection(collection, {
      defaults: DEFAULTS,
      includeSecrets: {
        keys: { accessKeyId: DEMO.accessKeyId, secretAccessKey: DEMO.secretAccessKey },
      },
    });
    expect(JSON.parse(asked.text).variable).toEqual([
      { key: 'apiToken', value: 'in-memory-token-value', type: 'secret' },
      { key: 'stage', value: 'prod', type: 'string', disabled: true },
      { key: 'accessKey', value: DEMO.accessKeyId, type: 'secret' },
      { key: 'secretKey', value: DEMO.secretAccessKey, type: 'secret' },
    ]);
    expect(asked.notes[0]).toMatch(/^The file holds your AWS keys/);
  });

  it('names the file as Postman does, safely', () => {
    const named = (name: string) =>
      exportPostmanCollection({ id: 'c', name, variables: [], items: [] }, { defaults: DEFAULTS })
        .fileName;
    expect(named('Local API Gateway')).toBe('Local API Gateway.postman_collection.json');
    expect(named('../../etc/passwd')).toBe('etc_passwd.postman_collection.json');
    expect(named('')).toBe('collection.postman_collection.json');
  });
});

/**
 * A collection as the playground keeps it and as an import gives it: no credential header's
 * value, no credential in the URL, no secret variable's value, and a variable whose name says
 * credential marked secret (importers read names with credentialFields.ts's rule).
 */
function asImported(collection: Collection): Collection {
  // Postman has no AWS profiles: the name of the one a request signs with is not exported.
  const request = ({ profile, ...saved }: SavedRequest): SavedRequest => {
    void profile;
    return {
      ...saved,
      url: withoutCredentialsInUrl(saved.url).url,
      headers: withoutCredentialHeaders(saved.headers).map(({ withheld, ...header }) =>
        withheld === true ? { ...header, withheld } : header,
      ),
    };
  };
  const items = (list: readonly CollectionItem[]): CollectionItem[] =>
    list.map((item) =>
      item.kind === 'request' ? request(item) : { ...item, items: items(item.items) },
    );
  return {
    ...collection,
    variables: withoutSecretValues(
      collection.variables.map((variable) =>
        isCredentialHeader(variable.name) ? { ...variable, secret: true } : variable,
      ),
    ),
    items: items(collection.items),
  };
}

describe('exportPostmanCollection, then import: the same collection', () => {
  it('for the fixture', () => {
    const collection = fixtureCollection();
    for (const defaults of [
      DEFAULTS,
      { region: 'us-east-1', service: 's3' },
      { region: '', service: '' },
    ]) {
      const again = importText(exportPostmanCollection(collection, { defaults }).text);
      expect(withoutIds(again)).toEqual(withoutIds(collection));
    }
  });

  it('for any collection the playground keeps, whatever the page defaults', () => {
    fc.assert(
      fc.property(
        anyCollection.map(asImported),
        fc.record({
          region: fc.constantFrom('ca-central-1', 'us-east-1', '', '{{region}}'),
          service: fc.constantFrom('execute-api', 's3', ''),
        }),
        fc.boolean(),
        (collection, defaults, sessionToken) => {
          const again = importText(
            exportPostmanCollection(collection, { defaults, sessionToken }).text,
          );
          expect(withoutIds(again)).toEqual(withoutIds(collection));
        },
      ),
      { numRuns: 300 },
    );
  });
});
