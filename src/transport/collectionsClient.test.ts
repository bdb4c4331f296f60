// The page's client of the collections API, against answers of every kind: each outcome is a
// typed result, none a throw; answers are read within the limit. The round trip against the
// real server: server/collections/collectionsServer.test.ts.
import { describe, expect, it } from 'vitest';
import {
  deleteCollection,
  listCollections,
  readCollection,
  writeCollection,
  type ParseAnswer,
} from './collectionsClient';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records what it was asked and answers with `answer()`. */
function answering(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init });
    return answer();
  }) as typeof fetch;
  return { fetchImpl, seen };
}

const json = (value: unknown, status = 200) => Response.json(value, { status });

const asName: ParseAnswer<string> = (value) => {
  const name = (value as { collection?: { name?: unknown } } | null)?.collection?.name;
  return typeof name === 'string' ? { ok: true, value: name } : { ok: false, error: 'no name' };
};

describe('collectionsClient', () => {
  it('reads a collection through the caller’s parser, the id URL-encoded', async () => {
    const { fetchImpl, seen } = answering(() => json({ collection: { name: 'Orders' } }));
    expect(await readCollection('Team API/../x', asName, { fetchImpl })).toEqual({
      ok: true,
      value: 'Orders',
    });
    expect(seen[0]!.url).toBe('/api/collections/Team%20API%2F..%2Fx');
    expect(seen[0]!.init).toMatchObject({ method: 'GET', cache: 'no-store' });
  });

  it('writes JSON and reports the files that changed', async () => {
    const { fetchImpl, seen } = answering(() =>
      json({
        collection: { name: 'Orders' },
        environments: [],
        written: ['a.request.json'],
        removed: [],
      }),
    );
    const result = await writeCollection('orders', { collection: { name: 'Orders' } }, asName, {
      fetchImpl,
    });
    expect(result).toEqual({
      ok: true,
      value: { folder: 'Orders', written: ['a.request.json'], removed: [] },
    });
    expect(seen[0]!.init?.method).toBe('PUT');
    expect(new Headers(seen[0]!.init?.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(seen[0]!.init?.body))).toEqual({ collection: { name: 'Orders' } });
  });

  it('lists and deletes', async () => {
    const listing = {
      collections: [
        { id: 'a', name: 'A' },
        { id: 'b', error: { type: 'invalid-on-disk', message: 'x' } },
      ],
      truncated: false,
    };
    expect(await listCollections({ fetchImpl: answering(() => json(listing)).fetchImpl })).toEqual({
      ok: true,
      value: listing,
    });
    expect(
      await deleteCollection('a', {
        fetchImpl: answering(() => json({ removed: ['collection.json'], kept: [] })).fetchImpl,
      }),
    ).toEqual({ ok: true, value: { removed: ['collection.json'], kept: [] } });
  });

  it.each([
    [
      'the server’s refusal',
      () => json({ error: { type: 'forbidden-origin', message: 'Not from the page.' } }, 403),
      { kind: 'refused', status: 403, message: 'Not from the page.' },
    ],
    [
      'a server started without --collections',
      () =>
        json(
          { error: { type: 'not-configured', message: 'Start it with --collections DIR.' } },
          404,
        ),
      { kind: 'unavailable', status: 404 },
    ],
    [
      'Vite without the endpoints (its index.html)',
      () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
      { kind: 'unavailable', message: expect.stringContaining('--collections DIR') },
    ],
    [
      'a broken file on disk',
      () =>
        json(
          {
            error: {
              type: 'invalid-on-disk',
              message: 'orders/a.request.json: not valid JSON.',
              file: 'orders/a.request.json',
            },
          },
          422,
        ),
      { kind: 'invalid-on-disk', status: 422, file: 'orders/a.request.json' },
    ],
    [
      'no such collection',
      () => json({ error: { type: 'not-found', message: 'No.' } }, 404),
      { kind: 'not-found' },
    ],
    [
      'a disk error',
      () => json({ error: { type: 'disk', message: 'EACCES' } }, 500),
      { kind: 'disk' },
    ],
    [
      'an answer that is not JSON',
      () => new Response('{', { headers: { 'content-type': 'application/json' } }),
      { kind: 'bad-response' },
    ],
    [
      'a collection the parser refuses',
      () => json({ collection: {} }),
      { kind: 'bad-response', message: expect.stringContaining('no name') },
    ],
    [
      'an error of no known shape',
      () => json({ oops: true }, 502),
      { kind: 'server', status: 502 },
    ],
    [
      'a network failure',
      () => Promise.reject(new TypeError('Failed to fetch')),
      { kind: 'network', message: expect.stringContaining('Failed to fetch') },
    ],
  ])('turns %s into a typed failure', async (_label, answer, expected) => {
    const result = await readCollection('orders', asName, {
      fetchImpl: answering(answer).fetchImpl,
    });
    expect(result).toEqual({ ok: false, failure: expect.objectContaining(expected) });
  });

  it('reads no answer over the limit, declared or streamed', async () => {
    const declared = answering(
      () =>
        new Response('{}', {
          headers: { 'content-type': 'application/json', 'content-length': '1000' },
        }),
    );
    expect(await listCollections({ fetchImpl: declared.fetchImpl, maxBytes: 100 })).toMatchObject({
      ok: false,
      failure: { kind: 'too-large' },
    });
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(64).fill(0x20));
      },
    });
    const streamed = answering(
      () => new Response(endless, { headers: { 'content-type': 'application/json' } }),
    );
    expect(await listCollections({ fetchImpl: streamed.fetchImpl, maxBytes: 1000 })).toMatchObject({
      ok: false,
      failure: { kind: 'too-large' },
    });
    expect(pulled).toBeLessThan(40);
  });

  it('sends no collection over the limit', async () => {
    const { fetchImpl, seen } = answering(() => json({}));
    const result = await writeCollection('x', { collection: 'x'.repeat(200) }, asName, {
      fetchImpl,
      maxBytes: 100,
    });
    expect(result).toMatchObject({ ok: false, failure: { kind: 'too-large' } });
    expect(seen).toEqual([]);
  });
});
