import { describe, expect, it } from 'vitest';
import { read } from './collectionFilesTestSupport';

describe('the order of a level’s items', () => {
  it('lists what order names, skips what it names that is gone, then the rest by name', () => {
    const ping = (name: string) => `{"name":"${name}","method":"GET","url":"/"}`;
    const { collection } = read([
      {
        path: 'collection.json',
        text: '{"name":"c","order":["b.request.json","gone.request.json","sub/","b.request.json"]}',
      },
      { path: 'a.request.json', text: ping('a') },
      { path: 'b.request.json', text: ping('b') },
      { path: 'sub/x.request.json', text: ping('x') },
      { path: 'plain/y.request.json', text: ping('y') },
      { path: 'README.md', text: '# not ours' },
      { path: '.git/x.request.json', text: 'not ours either' },
      { path: 'environments/notes/z.json', text: 'not an environment' },
    ]);
    expect(collection.items.map((item) => [item.id, item.name])).toEqual([
      ['b.request.json', 'b'],
      ['sub/', 'sub'],
      ['a.request.json', 'a'],
      ['plain/', 'plain'],
    ]);
  });
});
