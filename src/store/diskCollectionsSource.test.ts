// The disk source over the real collections client, against a fake of the server's answers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAVED_OPTIONS, type Collection } from '../collections/collectionModel';
import { COLLECTIONS_API_PATH } from '../transport/collectionsProtocol';
import { createDiskCollectionsSource } from './diskCollectionsSource';

const team: Collection = {
  id: 'team',
  name: 'Team API',
  variables: [],
  items: [
    {
      kind: 'request',
      id: 'hello.request.json',
      name: 'Hello',
      method: 'POST',
      url: 'http://127.0.0.1:5174/prod/hello',
      headers: [],
      body: '{}',
      options: DEFAULT_SAVED_OPTIONS,
    },
  ],
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** The server's answers by method and path; records what the page sent. */
function fakeServer(answers: Record<string, () => Response>) {
  const sent: Array<{ method: string; path: string; body: unknown }> = [];
  const fetchImpl: typeof fetch = (input, init) => {
    const path = String(input);
    const method = init?.method ?? 'GET';
    sent.push({ method, path, body: init?.body ? JSON.parse(String(init.body)) : undefined });
    const answer = answers[`${method} ${path}`];
    return Promise.resolve(
      answer
        ? answer()
        : json(404, { error: { type: 'not-found', message: 'No such collection.' } }),
    );
  };
  return { fetchImpl, sent };
}

describe('createDiskCollectionsSource', () => {
  it('lists the readable collections and says which folders are not', async () => {
    const { fetchImpl } = fakeServer({
      [`GET ${COLLECTIONS_API_PATH}`]: () =>
        json(200, {
          collections: [
            { id: 'team', name: 'Team API' },
            {
              id: 'broken',
              error: { type: 'invalid-on-disk', message: 'collection.json is not valid JSON.' },
            },
            { id: 'bad-shape', name: 'Bad' },
          ],
          truncated: false,
        }),
      [`GET ${COLLECTIONS_API_PATH}/team`]: () => json(200, { collection: team, environments: [] }),
      [`GET ${COLLECTIONS_API_PATH}/bad-shape`]: () =>
        json(200, {
          collection: { id: 'bad-shape', name: 'Bad', items: 'nope' },
          environments: [],
        }),
    });
    const listed = await createDiskCollectionsSource({ fetchImpl }).list();
    expect(listed).toEqual({
      ok: true,
      collections: [team],
      problems: [
        'broken/: collection.json is not valid JSON.',
        expect.stringMatching(/^bad-shape\/: The server sent a collection that is not valid: /),
      ],
    });
  });

  it('PUTs a collection to its folder and answers with it as on disk', async () => {
    const fresh: Collection = {
      ...team,
      items: [{ ...team.items[0]!, id: 'r123' } as Collection['items'][0]],
    };
    const { fetchImpl, sent } = fakeServer({
      [`PUT ${COLLECTIONS_API_PATH}/team`]: () =>
        json(200, {
          collection: team,
          environments: [],
          written: ['hello.request.json'],
          removed: [],
        }),
    });
    const saved = await createDiskCollectionsSource({ fetchImpl }).save(fresh);
    expect(saved).toEqual({ ok: true, collection: team });
    expect(sent).toEqual([
      { method: 'PUT', path: `${COLLECTIONS_API_PATH}/team`, body: { collection: fresh } },
    ]);
  });

  it('says why a write failed, naming the file', async () => {
    const { fetchImpl } = fakeServer({
      [`PUT ${COLLECTIONS_API_PATH}/team`]: () =>
        json(500, {
          error: { type: 'disk', message: 'The disk is full.', file: 'team/hello.request.json' },
        }),
    });
    expect(await createDiskCollectionsSource({ fetchImpl }).save(team)).toEqual({
      ok: false,
      error: 'The disk is full. (team/hello.request.json)',
    });
  });

  it('names a new collection folder after the collection, apart from the folders taken', () => {
    const source = createDiskCollectionsSource();
    expect(source.folderNameFor('Orders API', new Set())).toBe('orders-api');
    expect(source.folderNameFor('Orders API', new Set(['orders-api', 'orders-api-2']))).toBe(
      'orders-api-3',
    );
    expect(source.folderNameFor('../..', new Set())).toBe('untitled');
  });
});
