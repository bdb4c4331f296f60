// The shape of the profiles slice (profilesSlice.ts); playgroundState.ts lists it beside the others.
import type { Profile } from '../importing/awsProfiles';

export type { Profile, ProfileKind } from '../importing/awsProfiles';

/** Temporary keys from STS (AssumeRole): all secret but the key ID. */
export interface AssumedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601, as STS's Expiration. */
  expiration: string;
}

/**
 * A profile read from a credentials or config file, with what the page learnt since: `expiration`
 * is the file's own (Profile.expiration), `assumed` the keys an "Assume role" of this role profile
 * obtained (it then signs with them until they expire).
 */
export type ProfileEntry = Profile & { assumed?: AssumedCredentials };

export interface ProfilesSlice {
  /**
   * In the order they were read. Secret: held in memory only; the vault alone may persist it,
   * encrypted (restoring it with replaceAll).
   */
  list: ProfileEntry[];
  /**
   * Reads the text of a credentials file and/or a config file (readAwsProfiles) and merges the
   * profiles by name: a profile read again replaces the one of the same name. Returns the names
   * read and one sentence per problem.
   */
  importProfiles(files: { credentials?: string; config?: string }): {
    added: string[];
    problems: string[];
  };
  remove(name: string): void;
  replaceAll(list: ProfileEntry[]): void;
  /** Keeps the keys an AssumeRole of role profile `name` obtained; no-op if there is none. */
  setAssumed(name: string, credentials: AssumedCredentials): void;
}
