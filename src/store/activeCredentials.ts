import type { PlaygroundState } from './playgroundState';
import type { ProfileEntry } from './profilesState';

/** Where the keys that sign come from. */
export type CredentialsSource =
  { kind: 'typed' } | { kind: 'profile'; name: string; via: 'request' | 'environment' };

/** The keys the request signs with (planSigning), and why they cannot sign, if they cannot. */
export interface ActiveCredentials {
  source: CredentialsSource;
  accessKeyId: string;
  secretAccessKey: string;
  /** '' for none. */
  sessionToken: string;
  /** ISO 8601; null when unknown (long-term keys, or the source did not say). */
  expiration: string | null;
  /** One sentence why these cannot sign (a role not assumed yet, a profile missing…); null: they can. */
  blocked: string | null;
}

export type ActiveCredentialsSource = Pick<
  PlaygroundState,
  'request' | 'credentials' | 'profiles' | 'environments' | 'vault'
>;

const NO_KEYS = { accessKeyId: '', secretAccessKey: '', sessionToken: '', expiration: null };

/** The profile that signs, by name, and who chose it: the request, else the active environment. */
export function chosenProfile(
  state: Pick<PlaygroundState, 'request' | 'environments'>,
): { name: string; via: 'request' | 'environment' } | null {
  if (state.request.profile !== '') return { name: state.request.profile, via: 'request' };
  const { activeId, list } = state.environments;
  const environment = activeId === null ? undefined : list.find((each) => each.id === activeId);
  const name = environment?.profile ?? '';
  return name === '' ? null : { name, via: 'environment' };
}

/** The keys a profile signs with, or why it cannot sign. */
function profileKeys(
  name: string,
  profile: ProfileEntry | undefined,
): Omit<ActiveCredentials, 'source'> {
  if (profile === undefined) {
    return {
      ...NO_KEYS,
      blocked: `Profile ${name} is not on this page: import the credentials or config file that has it, or choose other keys.`,
    };
  }
  if (profile.assumed !== undefined) {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = profile.assumed;
    return { accessKeyId, secretAccessKey, sessionToken, expiration, blocked: null };
  }
  if (profile.kind === 'assume-role') {
    return { ...NO_KEYS, blocked: `Profile ${name} is a role: assume it first.` };
  }
  if (profile.kind === 'unsupported') {
    return {
      ...NO_KEYS,
      blocked: `Profile ${name} cannot sign here: ${profile.note ?? 'it holds no keys.'}`,
    };
  }
  return {
    accessKeyId: profile.accessKeyId ?? '',
    secretAccessKey: profile.secretAccessKey ?? '',
    sessionToken: profile.sessionToken ?? '',
    expiration: profile.expiration ?? null,
    blocked: null,
  };
}

/**
 * The credentials the request signs with. Precedence: the request's profile, else the active
 * environment's, else the keys typed in the Credentials panel. Returns a new object on each call:
 * components select its fields (or use useShallow).
 */
export function selectActiveCredentials(state: ActiveCredentialsSource): ActiveCredentials {
  const active = activeKeys(state);
  // Keys the locked vault holds cannot sign until it is unlocked: say that, not "missing".
  if (state.vault.status !== 'locked' || active.secretAccessKey !== '') return active;
  const what = active.source.kind === 'typed' ? 'these keys' : `profile ${active.source.name}`;
  return { ...active, blocked: `Unlock the vault to sign with ${what}.` };
}

function activeKeys(state: ActiveCredentialsSource): ActiveCredentials {
  const chosen = chosenProfile(state);
  if (chosen === null) {
    const { accessKeyId, secretAccessKey, sessionToken, expiration } = state.credentials;
    return {
      source: { kind: 'typed' },
      accessKeyId,
      secretAccessKey,
      sessionToken,
      expiration,
      blocked: null,
    };
  }
  const profile = state.profiles.list.find((entry) => entry.name === chosen.name);
  return {
    source: { kind: 'profile', name: chosen.name, via: chosen.via },
    ...profileKeys(chosen.name, profile),
  };
}

/** Whether two selections sign alike (the signing slice re-plans only when they do not). */
export function sameActiveCredentials(a: ActiveCredentials, b: ActiveCredentials): boolean {
  return (
    a.accessKeyId === b.accessKeyId &&
    a.secretAccessKey === b.secretAccessKey &&
    a.sessionToken === b.sessionToken &&
    a.expiration === b.expiration &&
    a.blocked === b.blocked &&
    a.source.kind === b.source.kind &&
    (a.source.kind === 'typed' ||
      (b.source.kind === 'profile' &&
        a.source.name === b.source.name &&
        a.source.via === b.source.via))
  );
}
