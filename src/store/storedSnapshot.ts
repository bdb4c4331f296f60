// Snapshots of a request as stored (History) or shared (a link): read back with only the fields a
// snapshot has, and without any credential.
import { MAX_HISTORY_ENTRIES } from './historySlice';
import type { HistoryEntry, RequestSnapshot, SnapshotOptions } from './playgroundState';
import { headerFieldsOf } from './requestSlice';
import { snapshotOptions, withoutCredentials } from './requestSnapshot';
import {
  isBoolean,
  isRecord,
  isSnapshotHeaders,
  isString,
  isStringArray,
  optional,
  type Check,
} from './storedFields';
import { SNAPSHOT_OPTIONS_SCHEMA } from './storedOptions';

const SNAPSHOT_SCHEMA: Record<string, Check> = {
  method: isString,
  url: isString,
  body: isString,
  bodyDropped: isBoolean,
  region: isString,
  service: isString,
};
/** Added after snapshots were first saved and shared: older ones lack them (SigV4 then). */
const LATER_SNAPSHOT_OPTIONS = new Set(['algorithm', 'regionSet']);
/** A snapshot as stored or shared: one from before SigV4A has no algorithm or region set. */
type StoredSnapshot = Omit<RequestSnapshot, 'options'> & {
  options: Omit<SnapshotOptions, 'algorithm' | 'regionSet'> &
    Partial<Pick<SnapshotOptions, 'algorithm' | 'regionSet'>>;
};
const isSnapshot = (value: unknown): value is StoredSnapshot =>
  isRecord(value) &&
  Object.entries(SNAPSHOT_SCHEMA).every(([key, check]) => check(value[key])) &&
  isSnapshotHeaders(value.headers) &&
  optional(isStringArray)(value.withheldFromUrl) &&
  optional(isString)(value.profile) &&
  isRecord(value.options) &&
  Object.entries(SNAPSHOT_OPTIONS_SCHEMA).every(([key, check]) => {
    const options = value.options as Record<string, unknown>;
    return (LATER_SNAPSHOT_OPTIONS.has(key) && !(key in options)) || check(options[key]);
  });
const isHistoryEntry = (value: unknown): value is HistoryEntry =>
  isRecord(value) &&
  isString(value.id) &&
  (value.status === null || typeof value.status === 'number') &&
  isString(value.statusText) &&
  typeof value.sentAt === 'number' &&
  isSnapshot(value.request);

/**
 * A snapshot read from outside (storage, a share link) with only the fields a snapshot has and
 * without any credential: a crafted link cannot smuggle anything else into the form, and an entry
 * saved before credential headers were left out loses them now.
 */
export function readSnapshot(value: unknown): RequestSnapshot | null {
  if (!isSnapshot(value)) return null;
  const { options } = value;
  return withoutCredentials({
    method: value.method,
    url: value.url,
    headers: value.headers.map(headerFieldsOf),
    ...(value.withheldFromUrl === undefined ? {} : { withheldFromUrl: [...value.withheldFromUrl] }),
    body: value.body,
    bodyDropped: value.bodyDropped,
    region: value.region,
    service: value.service,
    options: snapshotOptions({
      ...options,
      algorithm: options.algorithm ?? 'sigv4',
      regionSet: options.regionSet ?? '',
    }),
    ...(value.profile === undefined || value.profile === '' ? {} : { profile: value.profile }),
  });
}

/**
 * The saved history entries that have the right shape, at most the bound; each request read as a
 * snapshot, so entries saved before an option existed get its default.
 */
export function readHistoryEntries(saved: unknown): HistoryEntry[] {
  if (!Array.isArray(saved)) return [];
  return saved
    .filter(isHistoryEntry)
    .slice(0, MAX_HISTORY_ENTRIES)
    .map((entry) => ({ ...entry, request: readSnapshot(entry.request)! }));
}
