// The signing options as stored, and the part of them a snapshot (History, a share link, a tab
// not on screen) holds.
import type { OptionsFields } from './playgroundState';
import { isBoolean, isString, nullable, oneOf, type Check } from './storedFields';

/** The options as stored: all but what the page learns each visit (the relay, the clock's offset). */
export type PersistedOptions = Omit<OptionsFields, 'relayAvailable' | 'clockOffsetSeconds'>;

export const OPTIONS_SCHEMA: Record<keyof PersistedOptions, Check> = {
  mode: oneOf('header', 'query'),
  expiresIn: isString,
  payload: oneOf('signed', 'unsigned'),
  contentSha256Header: nullable(isBoolean),
  s3PathRules: nullable(isBoolean),
  signSessionToken: isBoolean,
  algorithm: oneOf('sigv4', 'sigv4a'),
  regionSet: isString,
  transport: oneOf(null, 'relay', 'direct'),
  gatewayUrl: isString,
};

/** Not in a snapshot: the page's own. */
const NOT_IN_SNAPSHOT = new Set(['transport', 'gatewayUrl']);
export const SNAPSHOT_OPTIONS_SCHEMA: Record<string, Check> = Object.fromEntries(
  Object.entries(OPTIONS_SCHEMA).filter(([key]) => !NOT_IN_SNAPSHOT.has(key)),
);
