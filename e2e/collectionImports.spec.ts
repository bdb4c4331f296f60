// Collections from other tools, imported through "Import collection…" and sent to npm start's
// local gateway as the demo identity, which may POST /hello and may not GET it: API Gateway's own
// OpenAPI export, an Insomnia export and a Bruno collection's .bru files (test-support/fixtures/
// collections). Found by role and label (pages/playground.ts, pages/collections.ts).
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { LOCAL_IDENTITIES } from '../src/request/defaults';
import { CollectionsPage } from './pages/collections';
import { PlaygroundPage } from './pages/playground';

const demo = LOCAL_IDENTITIES.find((identity) => identity.name === 'demo')!;
const FIXTURES = new URL('../test-support/fixtures/collections/', import.meta.url);
const fixture = (path: string) => fileURLToPath(new URL(path, FIXTURES));

test.describe('collection imports', () => {
  // An import, then a request opened and sent, once or twice: slow on a busy 2-core machine.
  test.slow();

  test('an API Gateway OpenAPI export becomes a collection of its two IAM routes: POST sends 200, GET 403', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open();
    await playground.fillCredentials(demo);

    const said = await collections.importFiles([fixture('openapi/local-gateway-demo.oas30.json')]);
    expect(said).toContain('Imported the collection “playground-demo”');
    // The routes that use AWS_IAM are marked (their descriptions start with AWS_IAM) and named.
    expect(said).toContain('2 routes use AWS_IAM (“GET /hello” and “POST /hello”)');
    const collection = collections.collection('playground-demo');
    await expect(collection.getByRole('button', { name: /^Open / })).toHaveCount(2);
    // …and marked in the tree.
    await expect(collection.getByText('AWS_IAM', { exact: true })).toHaveCount(2);

    await collections.open('POST /hello');
    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/prod/hello');
    expect(await playground.send()).toMatch(/^200\b/);

    await collections.open('GET /hello');
    await expect(playground.url).toHaveValue('http://127.0.0.1:5174/prod/hello');
    // The demo identity's policy allows POST only: the gateway refuses the signed GET.
    expect(await playground.send()).toMatch(/^403\b/);
    await expect(playground.response).toContainText(
      'is not authorized to perform: execute-api:Invoke on resource: ',
    );
    await expect(playground.response).toContainText('/prod/GET/hello');
  });

  test('an Insomnia export imports with its keys and environments, and its POST sends 200', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open();
    await playground.fillCredentials({ accessKeyId: '', secretAccessKey: '' });

    const said = await collections.importFiles([fixture('insomnia/local-gateway.v5.yaml')]);
    expect(said).toContain('Imported the collection “Local gateway” and 2 environments');
    // The keys of the IAM auth went to the credentials panel (memory only).
    await expect(playground.accessKeyId).toHaveValue(demo.accessKeyId);
    await expect(playground.secretAccessKey).toHaveValue(demo.secretAccessKey);

    await collections.environmentPicker.selectOption({ label: 'prod' });
    await collections.open('Say hello');
    await expect(playground.url).toHaveValue('{{gateway}}/{{stage}}/hello');
    expect(await playground.send()).toMatch(/^200\b/);
  });

  test('a Bruno collection chosen as several .bru files imports, and its POST sends 200', async ({
    page,
  }) => {
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open();

    // Chosen one by one (not as a folder): the browser gives names without paths, and the
    // importer reads the environment and the folder's auth by what the files hold.
    const said = await collections.importFiles(
      [
        'bruno.json',
        'environments/local.bru',
        'hello/folder.bru',
        'hello/say-hello.bru',
        'hello/read-hello.bru',
      ].map((path) => fixture(`bruno/local-gateway/${path}`)),
    );
    expect(said).toContain('Imported the collection “Local gateway” and 1 environment');
    // Bruno keeps the secret key out of its files (vars:secret): it is entered by hand.
    await playground.fillCredentials(demo);

    await collections.environmentPicker.selectOption({ label: 'local' });
    await collections.open('Say hello');
    await expect(playground.url).toHaveValue('{{gateway}}/{{stage}}/hello');
    expect(await playground.send()).toMatch(/^200\b/);
  });
});
