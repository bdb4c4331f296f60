// The response viewer from a user's seat: the local gateway's JSON answer, and answers only a
// server of our own gives (nested JSON, an image, bytes, XML, a 10 MiB JSON), each through the
// relay from a node:http server this file starts on a free loopback port.
import { expect, test } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RELAY_MAX_RESPONSE_BYTES } from '../src/transport/limits';
import { PlaygroundPage } from './pages/playground';
import { ResponseViewerPage } from './pages/responseViewer';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const BYTES = Buffer.from(Array.from({ length: 1000 }, (_, index) => (index * 7 + 0x80) % 256));
const NESTED = {
  items: [1, 2, 3, { 'odd key': 'the value', id: 4 }],
  owner: { name: 'demo', roles: ['reader', 'writer'] },
};
const XML =
  '<?xml version="1.0"?><ListBucketResult><Name>bucket</Name><Contents><Key>a.txt</Key></Contents></ListBucketResult>';

/** A JSON body just under the relay's answer limit, with one key nested 40 levels down at its end. */
function bigJson(): Buffer {
  const items: string[] = [];
  let size = 0;
  const budget = RELAY_MAX_RESPONSE_BYTES - 4096;
  for (let index = 0; size < budget; index++) {
    const item = JSON.stringify({ id: index, name: `item ${index}`, tags: ['a', 'b'], ok: true });
    items.push(item);
    size += item.length + 1;
  }
  let deep = '{"deepNeedle":"found it"}';
  for (let level = 0; level < 40; level++) deep = `{"level${level}":${deep}}`;
  // Trim items until the whole body fits under the limit.
  let body = `{"items":[${items.join(',')}],"deep":${deep}}`;
  while (Buffer.byteLength(body) > RELAY_MAX_RESPONSE_BYTES) {
    items.pop();
    body = `{"items":[${items.join(',')}],"deep":${deep}}`;
  }
  return Buffer.from(body);
}

interface Upstream {
  url(path: string): string;
  close(): Promise<void>;
}

async function startUpstream(): Promise<Upstream> {
  const big = bigJson();
  const answers: Record<string, [Record<string, string>, Buffer]> = {
    '/nested': [{ 'Content-Type': 'application/json' }, Buffer.from(JSON.stringify(NESTED))],
    '/pixel': [{ 'Content-Type': 'image/png' }, PNG],
    '/blob': [
      {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': 'attachment; filename="../data.bin"',
      },
      BYTES,
    ],
    '/list': [
      { 'Content-Type': 'application/xml', 'X-Amz-Request-Id': 'REQ123' },
      Buffer.from(XML),
    ],
    '/big': [{ 'Content-Type': 'application/json' }, big],
  };
  const server: Server = createServer((request, response) => {
    const answer = answers[(request.url ?? '').split('?')[0]!];
    request.resume();
    if (answer === undefined) return void response.writeHead(404).end();
    response.writeHead(200, { ...answer[0], 'Content-Length': String(answer[1].length) });
    response.end(answer[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

test.describe('the response viewer', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  let upstream: Upstream;
  test.beforeAll(async () => {
    upstream = await startUpstream();
  });
  test.afterAll(async () => {
    await upstream.close();
  });

  async function openAndSend(page: import('@playwright/test').Page, path?: string) {
    const playground = new PlaygroundPage(page);
    await playground.open();
    await playground.setTransport('relay');
    if (path !== undefined) {
      await playground.setRequest({ body: '', method: 'GET', url: upstream.url(path) });
    }
    expect(await playground.send()).toMatch(/^200\b/);
    return new ResponseViewerPage(playground);
  }

  test('the gateway’s JSON answer: a tree, its path, and Save response with its bytes', async ({
    page,
  }) => {
    const viewer = await openAndSend(page);
    await expect(viewer.tab('Pretty')).toHaveAttribute('aria-selected', 'true');
    await expect(viewer.treeItem(/user\/demo sent a POST/)).toBeVisible();
    await expect(viewer.selectedPath).toHaveValue('$');

    const saved = await viewer.save();
    expect(saved.fileName).toBe('hello.json');
    expect(JSON.parse(saved.bytes.toString('utf8'))).toMatch(/user\/demo sent a POST with body/);

    await viewer.showView(/^Headers \(\d+\)$/);
    await viewer.search.fill('content-type');
    await expect(viewer.headersTable.getByRole('row')).toHaveCount(1);
    await expect(viewer.headersTable).toContainText('application/json');
  });

  test('nested JSON: collapse and expand with the keyboard, search, copy a path', async ({
    page,
  }) => {
    const viewer = await openAndSend(page, '/nested');
    const items = viewer.treeItem(/^items: \[4 items\]/);
    await expect(items).toHaveAttribute('aria-expanded', 'true');
    await expect(viewer.treeItem(/^odd key: "the value"/)).toBeVisible();

    // Arrow keys: down to "items", Left folds it, Right opens it again.
    await viewer.tree.focus();
    await page.keyboard.press('ArrowDown');
    await expect(items).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('ArrowLeft');
    await expect(items).toHaveAttribute('aria-expanded', 'false');
    await expect(viewer.treeItem(/^odd key:/)).toHaveCount(0);
    await page.keyboard.press('ArrowRight');
    await expect(items).toHaveAttribute('aria-expanded', 'true');

    // Fold it again: the search still finds the value inside, and opens the way to it.
    await page.keyboard.press('ArrowLeft');
    await viewer.search.fill('THE VALUE');
    await expect(viewer.matchCount).toHaveText('1 of 1');
    await expect(viewer.treeItem(/^odd key: "the value"/)).toBeVisible();
    await expect(viewer.selectedPath).toHaveValue('$.items[3]["odd key"]');
    expect(await viewer.copyPath()).toBe('$.items[3]["odd key"]');

    await viewer.search.fill('er');
    await expect(viewer.matchCount).toHaveText('1 of 3');
    await viewer.nextMatch();
    await expect(viewer.matchCount).toHaveText('2 of 3');
    await expect(viewer.selectedPath).toHaveValue('$.owner.roles[0]');

    await viewer.showView('Raw');
    await expect(viewer.textBody).toContainText('"odd key":"the value"');
  });

  test('an image is drawn; bytes get a hex dump with their size and a safe file name', async ({
    page,
  }) => {
    const viewer = await openAndSend(page, '/pixel');
    await expect(viewer.tab('Image')).toHaveAttribute('aria-selected', 'true');
    await expect(viewer.image).toBeVisible();
    await expect
      .poll(() => viewer.image.evaluate((image: HTMLImageElement) => image.naturalWidth))
      .toBeGreaterThan(0);
    expect(await viewer.image.getAttribute('src')).toMatch(/^blob:/);

    await viewer.playground.setRequest({ url: upstream.url('/blob') });
    expect(await viewer.playground.send()).toMatch(/^200\b/);
    await expect(viewer.tab('Hex')).toHaveAttribute('aria-selected', 'true');
    await expect(viewer.bodySize).toHaveText('1000 B (1,000 bytes)');
    const first = BYTES.subarray(0, 16);
    const hex = Array.from(first, (byte) => byte.toString(16).padStart(2, '0'));
    await expect(viewer.hexDump).toContainText(
      `00000000${hex.slice(0, 8).join(' ')}  ${hex.slice(8).join(' ')}`,
    );
    const saved = await viewer.save();
    expect(saved.fileName).toBe('_data.bin');
    expect(saved.bytes.equals(BYTES)).toBe(true);
  });

  test('XML is indented, and searchable', async ({ page }) => {
    const viewer = await openAndSend(page, '/list');
    await expect(viewer.tab('Pretty')).toHaveAttribute('aria-selected', 'true');
    await expect(viewer.textBody).toContainText('<Key>a.txt</Key>');
    await viewer.search.fill('key');
    await expect(viewer.matchCount).toHaveText('1 of 2');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing serious in each view (${colorScheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme });
      const viewer = await openAndSend(page, '/nested');
      await viewer.search.fill('er');
      await expect(viewer.matchCount).toHaveText('1 of 3');
      expect(await viewer.seriousViolations(), 'JSON tree').toEqual([]);
      for (const view of ['Raw', 'Hex', /^Headers/]) {
        await viewer.showView(view);
        expect(await viewer.seriousViolations(), String(view)).toEqual([]);
      }
      await viewer.playground.setRequest({ url: upstream.url('/pixel') });
      expect(await viewer.playground.send()).toMatch(/^200\b/);
      await expect(viewer.image).toBeVisible();
      expect(await viewer.seriousViolations(), 'image').toEqual([]);
    });
  }

  test('a 10 MiB JSON answer: only a window of rows is in the page, and search finds a deep key', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // A body this large is parsed and flattened in a worker: the page stays free meanwhile.
    const policyErrors: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyErrors.push(message.text());
    });
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    const viewer = await openAndSend(page, '/big');
    await expect(viewer.treeItem(/^items: \[\d+ items\]/)).toBeVisible({ timeout: 30_000 });
    expect(await viewer.treeItems.count()).toBeLessThan(500);
    expect(workers).toEqual([expect.stringMatching(/readAnswerBodyWorker/)]);

    await viewer.search.fill('deepNeedle');
    await expect(viewer.matchCount).toHaveText('1 of 1', { timeout: 30_000 });
    await expect(viewer.treeItem(/^deepNeedle: "found it"/)).toBeVisible();
    await expect(viewer.selectedPath).toHaveValue(
      `$.deep${Array.from({ length: 40 }, (_, level) => `.level${39 - level}`).join('')}.deepNeedle`,
    );
    expect(await viewer.treeItems.count()).toBeLessThan(500);

    // The raw body is one 10 MiB line, cut into rows: the match at its very end is brought into
    // view, down and sideways.
    await viewer.showView('Raw');
    await viewer.search.fill('deepNeedle');
    await expect(viewer.matchCount).toHaveText('1 of 1', { timeout: 30_000 });
    const match = viewer.textBody.getByText('deepNeedle', { exact: true });
    await expect(match).toBeInViewport();
    expect(await viewer.textBody.locator('.text-row').count()).toBeLessThan(500);
    expect(policyErrors).toEqual([]);
  });
});
