// The request's profile is a name that travels with the request: stored, parked with its tab,
// kept by History, carried by a share link and a saved request. Never what the profile holds.
import { describe, expect, it } from 'vitest';
import { createMemoryStorage } from './createPlaygroundStore';
import { createShareLink, decodeShareFragment } from './shareLink';
import { selectSavedStatus } from './selectSavedStatus';
import { answered, createTestStore } from './storeTestSupport';

const ADMIN =
  '[admin]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = admin-secret\n';

async function setup(storage = createMemoryStorage()) {
  const store = createTestStore({
    storage,
    deps: { sendRequest: () => Promise.resolve(answered()) },
  });
  await store.getState().collections.load();
  return { store, state: () => store.getState(), storage };
}

describe("the request's profile", () => {
  it('is stored by name and comes back after a reload, without the profile', async () => {
    const { state, storage } = await setup();
    state().profiles.importProfiles({ credentials: ADMIN });
    state().request.chooseProfile('admin');
    const reloaded = (await setup(storage)).state();
    expect(reloaded.request.profile).toBe('admin');
    expect(reloaded.profiles.list).toEqual([]);
    expect(reloaded.signing.plan.blockers).toEqual([
      'Profile admin is not on this page: import the credentials or config file that has it, or choose other keys.',
    ]);
  });

  it('stays with its tab', async () => {
    const { state } = await setup();
    state().request.chooseProfile('admin');
    const first = state().tabs.activeId;
    state().tabs.openNew();
    expect(state().request.profile).toBe('');
    state().tabs.select(first);
    expect(state().request.profile).toBe('admin');
  });

  it('is kept by History and put back when an entry is opened', async () => {
    const { state } = await setup();
    state().profiles.importProfiles({ credentials: ADMIN });
    state().request.chooseProfile('admin');
    await state().response.send();
    const [entry] = state().history.entries;
    expect(entry!.request.profile).toBe('admin');
    expect(JSON.stringify(entry)).not.toContain('admin-secret');
    state().request.chooseProfile('');
    state().history.open(entry!.id);
    expect(state().request.profile).toBe('admin');
  });

  it('is carried by a share link, by name only', async () => {
    const { state } = await setup();
    state().profiles.importProfiles({ credentials: ADMIN });
    state().request.chooseProfile('admin');
    const link = createShareLink(state());
    expect(link.ok).toBe(true);
    const fragment = link.ok ? link.fragment : '';
    expect(decodeShareFragment(fragment)?.profile).toBe('admin');
    expect(
      atob(
        fragment
          .slice(fragment.indexOf('=') + 1)
          .replace(/-/g, '+')
          .replace(/_/g, '/'),
      ),
    ).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('is saved with a request, and changing it marks the request modified', async () => {
    const { state } = await setup();
    const id = state().collections.createCollection('API');
    state().request.chooseProfile('admin');
    const saved = state().collections.saveRequestAs({
      collectionId: id,
      folderId: null,
      name: 'Hello',
    });
    expect(selectSavedStatus(state()).kind).toBe('saved');
    state().request.chooseProfile('');
    expect(selectSavedStatus(state()).kind).toBe('modified');
    state().collections.openRequest(id, saved.ok ? saved.requestId : '');
    expect(state().request.profile).toBe('admin');
  });
});
