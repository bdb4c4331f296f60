// Fixtures for the store's tests (zustand's "a fresh store per test"): a store on the real signer
// and an in-memory storage, with the dependencies a test does not exercise filled in.
import type { StateStorage } from 'zustand/middleware';
import { signRequest } from '../signing';
import type { HttpAnswer, SendOutcome } from '../transport/sendRequest';
import type { CollectionsRepository } from './collectionsRepository';
import { loadCollectionsLogic } from './collectionsSlice';
import { loadProfilesReader } from './profilesSlice';
import { preloadSendLogic } from './responseSlice';
import { createMemoryStorage, createPlaygroundStore } from './createPlaygroundStore';
import type { PublicIdentity } from './persistence';
import type { PlaygroundDeps, SnapshotOptions } from './playgroundState';
import { createMemoryVaultStorage, type VaultStorage } from '../vault/vaultStorage';

// The page loads the collections' logic, the AWS files' reader and Send's logic after its first
// signature, before any panel that calls them; the tests call them at once, so they load before
// any test runs.
await Promise.all([loadCollectionsLogic(), loadProfilesReader(), preloadSendLogic()]);

/** Argon2id's smallest costs the vault accepts: the tests derive keys in milliseconds. */
export const TEST_KDF_PARAMS = { m: 8 * 1024, t: 1, p: 1 };

/**
 * A fresh store. Unless the test gives its own: the real signer, a clock stopped at 0, a transport
 * that rejects every request, and an empty storage of its own.
 */
export function createTestStore({
  deps = {},
  storage = createMemoryStorage(),
  publicIdentities = [],
  collections,
  vault = createMemoryVaultStorage(),
}: {
  deps?: Partial<PlaygroundDeps>;
  storage?: StateStorage;
  publicIdentities?: readonly PublicIdentity[];
  /** Where collections and environments are kept; an empty in-memory one when not given. */
  collections?: CollectionsRepository;
  /** Where the vault is kept; an empty in-memory one when not given. */
  vault?: VaultStorage;
} = {}) {
  return createPlaygroundStore({
    deps: {
      signRequest,
      sendRequest: () => Promise.reject(new Error('This test gave no transport.')),
      now: () => 0,
      ...deps,
    },
    storage,
    publicIdentities,
    ...(collections === undefined ? {} : { collections }),
    vault: { storage: vault, kdfParams: TEST_KDF_PARAMS },
  });
}

/** An answer through the relay: 200 OK with no headers and no body unless the test says. */
export function answered(answer: Partial<HttpAnswer> = {}): SendOutcome {
  return {
    kind: 'response',
    answer: {
      status: 200,
      statusText: 'OK',
      headers: [],
      body: new Uint8Array(),
      timeMs: 1,
      sizeBytes: 0,
      via: 'relay',
      ...answer,
    },
  };
}

/** A snapshot's signing options as saved before SigV4A: no algorithm, no region set. */
export const SNAPSHOT_OPTIONS_BEFORE_SIGV4A: Omit<SnapshotOptions, 'algorithm' | 'regionSet'> = {
  mode: 'header',
  expiresIn: '3600',
  payload: 'signed',
  contentSha256Header: null,
  s3PathRules: null,
  signSessionToken: true,
};

/** A snapshot's signing options as the first run has them. */
export const FIRST_RUN_SNAPSHOT_OPTIONS: SnapshotOptions = {
  ...SNAPSHOT_OPTIONS_BEFORE_SIGV4A,
  algorithm: 'sigv4',
  regionSet: '',
};
