import { useShallow } from 'zustand/react/shallow';
import { chosenProfile, selectActiveCredentials } from '../../store/activeCredentials';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/** What the page says about the keys that sign: never their secret or token. */
export interface ActiveSource {
  kind: 'typed' | 'profile';
  /** The profile's name ('' for the typed keys). */
  name: string;
  via: 'request' | 'environment' | null;
  /** The active environment's name, when its profile signs. */
  environmentName: string;
  accessKeyId: string;
  expiration: string | null;
  blocked: string | null;
}

/** The active credentials as plain fields (one selector, compared field by field). */
export function useActiveSource(): ActiveSource {
  return usePlaygroundStore(
    useShallow((s): ActiveSource => {
      const active = selectActiveCredentials(s);
      const chosen = chosenProfile(s);
      const environment =
        chosen?.via === 'environment'
          ? s.environments.list.find((each) => each.id === s.environments.activeId)
          : undefined;
      return {
        kind: active.source.kind,
        name: chosen?.name ?? '',
        via: chosen?.via ?? null,
        environmentName: environment?.name ?? '',
        accessKeyId: active.accessKeyId,
        expiration: active.expiration,
        blocked: active.blocked,
      };
    }),
  );
}

/** "Signs with profile admin, chosen for this request.": the one sentence near each choice. */
export function sourceSentence(source: ActiveSource): string {
  if (source.kind === 'typed') return 'Signs with the keys typed below.';
  const who =
    source.via === 'request'
      ? 'chosen for this request'
      : `the profile of the environment ${source.environmentName}`;
  const key = source.blocked === null ? ` (key ${source.accessKeyId})` : '';
  return `Signs with profile ${source.name}${key}, ${who}.`;
}
