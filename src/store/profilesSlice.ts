import { MAX_PROFILES } from '../importing/maxProfiles';
import { lazyLogic } from './lazyLogic';
import type { StoreGet, StoreSet } from './playgroundState';
import type { ProfileEntry, ProfilesSlice } from './profilesState';

const reader = lazyLogic(() => import('../importing/awsProfiles'));

/**
 * Loads the AWS files' reader (once; again after a failed load). It is not part of the page's
 * first script: the Profiles section loads it with itself, before anything can be imported.
 */
export const loadProfilesReader = reader.load;

/**
 * The AWS profiles the page knows, in memory: never in the persisted state (persistence.ts's
 * partialize has no `profiles`), since they hold secret keys. The vault persists them encrypted.
 */
export function createProfilesSlice(set: StoreSet, get: StoreGet): ProfilesSlice {
  const setList = (change: (list: ProfileEntry[]) => ProfileEntry[]) =>
    set((state) => ({ profiles: { ...state.profiles, list: change(state.profiles.list) } }));
  return {
    list: [],

    importProfiles: (files) => {
      const loaded = reader.loaded();
      if (loaded === undefined) {
        void reader.load().catch(() => undefined);
        return { added: [], problems: ['The reader of AWS files is still loading: try again.'] };
      }
      const { profiles, problems } = loaded.readAwsProfiles(files);
      const read = new Map(profiles.map((profile) => [profile.name, profile]));
      const list = get().profiles.list;
      // Same-named entries are replaced where they stand (their assumed keys go with them: they
      // came from the old source keys); new ones come after, up to the bound.
      const merged: ProfileEntry[] = list.map((entry) => read.get(entry.name) ?? entry);
      const known = new Set(list.map((entry) => entry.name));
      const added: string[] = [];
      let capped = false;
      for (const profile of profiles) {
        if (known.has(profile.name)) {
          added.push(profile.name);
        } else if (merged.length < MAX_PROFILES) {
          merged.push(profile);
          added.push(profile.name);
        } else {
          capped = true;
        }
      }
      setList(() => merged);
      return {
        added,
        problems: capped
          ? [
              ...problems,
              `The page keeps at most ${MAX_PROFILES} profiles; remove some to add more.`,
            ]
          : problems,
      };
    },

    remove: (name) => setList((list) => list.filter((entry) => entry.name !== name)),

    replaceAll: (list) => setList(() => list.slice(0, MAX_PROFILES)),

    setAssumed: (name, credentials) =>
      setList((list) =>
        list.map((entry) =>
          entry.name === name && entry.kind === 'assume-role'
            ? { ...entry, assumed: { ...credentials } }
            : entry,
        ),
      ),
  };
}
