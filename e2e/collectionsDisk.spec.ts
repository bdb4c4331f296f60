// Collections on disk (npm start -- --collections DIR): the page lists the folder's collections
// apart from the browser's, writes what is saved into one as files, and sends from them. Against
// a playground of its own started on a temporary DIR (npm start's has none), with the same
// built app, relay and gateway. Found by role and label (pages/collections.ts).
import { expect, test } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPlayground } from '../server/playgroundServer';
import { CollectionsPage } from './pages/collections';
import { PlaygroundPage } from './pages/playground';

test.describe('collections on disk', () => {
  test.describe.configure({ mode: 'serial' });
  let running: Awaited<ReturnType<typeof startPlayground>>;
  let dir: string;

  test.beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'playground-collections-'));
    running = await startPlayground({ port: 0, gatewayPort: 0, collectionsDir: dir });
  });

  test.afterAll(async () => {
    await running?.playground.close();
    await running?.gateway?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** The files of one collection folder, or none yet. */
  const filesOf = (folder: string) =>
    readdir(path.join(dir, folder)).then(
      (names) => names.sort(),
      () => [],
    );

  test('a collection copied to the folder is kept as files, saved from the page, and sends 200 after a reload', async ({
    page,
  }) => {
    test.slow();
    const playground = new PlaygroundPage(page);
    const collections = new CollectionsPage(page);
    await playground.open(`${running.playground.url}/`);
    const disk = collections.place('On disk');
    await expect(disk).toContainText('No collections');

    await collections.createCollection('Team API');
    await collections.saveAs('Say hello', 'Team API');
    const inBrowser = collections.place('In this browser').getByRole('region', {
      name: 'Collection Team API',
      exact: true,
    });
    await inBrowser
      .getByRole('button', { name: 'Actions for the collection Team API', exact: true })
      .click();
    await inBrowser.getByRole('button', { name: 'Copy Team API to disk', exact: true }).click();
    await expect(disk).toContainText('On disk: team-api/');
    await expect
      .poll(() => filesOf('team-api'))
      .toEqual(['collection.json', 'say-hello.request.json']);

    await disk.getByRole('button', { name: 'Open Say hello', exact: true }).click();
    await expect(collections.savedFrom).toContainText('Team API / Say hello');
    await expect(collections.savedFrom).toContainText('on disk: team-api/');
    await playground.setRequest({ body: '{"hello":"from disk"}' });
    await expect(collections.savedFrom).toContainText('Unsaved changes');
    await collections.saveButton.click();
    await expect(collections.savedFrom).toContainText('Saved');
    const file = path.join(dir, 'team-api', 'say-hello.request.json');
    await expect
      .poll(async () => JSON.parse(await readFile(file, 'utf8')) as { body: string })
      .toMatchObject({ body: '{"hello":"from disk"}' });

    await page.reload();
    await expect(playground.artifact('Signature')).toContainText(/[0-9a-f]{64}/);
    await expect(disk.getByRole('button', { name: /^Open / })).toHaveCount(1);
    await disk.getByRole('button', { name: 'Open Say hello', exact: true }).click();
    await expect(playground.body).toHaveValue('{"hello":"from disk"}');
    expect(await playground.send()).toMatch(/^200\b/);
    await expect(playground.response).toContainText('from disk');
  });
});
