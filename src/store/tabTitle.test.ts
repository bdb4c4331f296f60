import { describe, expect, it } from 'vitest';
import { createTestStore } from './storeTestSupport';
import { MAX_TAB_TITLE_CHARS, selectTabTitles, tabTitle } from './tabTitle';

describe('tabTitle', () => {
  it('is the method and the URL’s path', () => {
    expect(tabTitle({ method: 'POST', url: 'http://127.0.0.1:5174/prod/hello?x=1' })).toBe(
      'POST /prod/hello',
    );
  });

  it('is the URL as typed while it does not parse', () => {
    expect(tabTitle({ method: 'GET', url: '{{base}}/items' })).toBe('GET {{base}}/items');
    expect(tabTitle({ method: 'GET', url: '  ' })).toBe('GET (no URL)');
  });

  it('is the saved request’s name when the request came from a collection', () => {
    expect(tabTitle({ method: 'GET', url: 'https://example.com/a' }, 'List items')).toBe(
      'List items',
    );
    expect(tabTitle({ method: 'GET', url: 'https://example.com/a' }, ' ')).toBe('GET /a');
  });

  it('cuts a long title', () => {
    const title = tabTitle({ method: 'GET', url: `https://example.com/${'a'.repeat(500)}` });
    expect(title).toHaveLength(MAX_TAB_TITLE_CHARS);
    expect(title.endsWith('…')).toBe(true);
  });
});

describe('selectTabTitles', () => {
  it('names each tab, a saved request’s by its name while it is saved', async () => {
    const store = createTestStore();
    const state = () => store.getState();
    await state().collections.load();
    const collectionId = state().collections.createCollection('API');
    state().collections.saveRequestAs({ collectionId, folderId: null, name: 'Say hello' });
    state().tabs.openNew();
    state().request.setField('method', 'GET');
    expect(selectTabTitles(state())).toEqual(['Say hello', 'GET /prod/hello']);

    state().tabs.selectNext();
    state().collections.deleteCollection(collectionId);
    expect(selectTabTitles(state())).toEqual(['POST /prod/hello', 'GET /prod/hello']);
  });
});
