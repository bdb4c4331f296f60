import { describe, expect, it } from 'vitest';
import { dev, orders } from './collectionFilesTestSupport';
import { parseDiskCollection, parseFolderContents } from './folderContents';

describe('parseFolderContents and parseDiskCollection', () => {
  it('take what the collections API carries, environments optional in a PUT', () => {
    expect(parseFolderContents({ collection: orders })).toEqual({
      ok: true,
      value: { collection: orders },
    });
    expect(parseDiskCollection({ collection: orders, environments: [dev] })).toEqual({
      ok: true,
      value: { collection: orders, environments: [dev] },
    });
    expect(parseDiskCollection({ collection: orders })).toEqual({
      ok: false,
      error: 'environments: expected a list',
    });
  });

  it.each([
    [null, 'expected an object { "collection": …, "environments": […] }'],
    [{ collection: 5 }, 'collection: expected an object, not a number'],
    [{ collection: { ...orders, name: 7 } }, 'collection.name: expected text, not a number'],
    [
      { collection: orders, environments: [{ ...dev, variables: 1 }] },
      'environments[0].variables: expected a list, not a number',
    ],
    [{ collection: orders, environments: {} }, 'environments: expected a list'],
  ])('say where %j is wrong', (value, error) => {
    expect(parseFolderContents(value)).toEqual({ ok: false, error });
  });
});
