// The names of a collection folder's files and folders: safe on every system a team uses, taken
// from the names people gave, and kept across saves when an item was read from disk (its id is
// its path: collectionFiles.ts).
import {
  COLLECTION_FILE_LIMITS,
  ENVIRONMENT_SUFFIX,
  ENVIRONMENTS_FOLDER,
  hasSuffix,
  REQUEST_SUFFIX,
} from './folderLayout';

/** Device names Windows reserves whatever the extension (`con.request.json` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;
// eslint-disable-next-line no-control-regex -- control characters are among what this refuses
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f"*/:<>?\\|]|\p{Cs}/u;

function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Whether a name can be a file or folder name on every system a team uses: not empty, at most
 * 255 UTF-8 bytes, not hidden (no leading dot, so never `.` or `..`), no separator, NUL or
 * character Windows refuses, no trailing dot or space, no lone surrogate, no reserved device name.
 * Collection ids (the folder names under DIR) must be such names.
 */
export function isSafeFileName(name: string): boolean {
  if (name === '' || name.length > 255 || utf8Length(name) > 255) return false;
  if (name.startsWith('.') || name.endsWith('.') || name.endsWith(' ')) return false;
  if (UNSAFE_CHARACTERS.test(name)) return false;
  const stem = name.split('.')[0]!.trim().toLowerCase();
  return !WINDOWS_RESERVED.test(stem);
}

/**
 * A file name from a name people gave: lower case, letters and digits (any script) joined by
 * `-`, at most COLLECTION_FILE_LIMITS.maxSlugChars long; `untitled` when nothing is left.
 * Always a safe file name (isSafeFileName), and never the name of one of the format's files.
 */
export function fileSlug(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-');
  const slug = Array.from(words.replace(/^-+/, ''))
    .slice(0, COLLECTION_FILE_LIMITS.maxSlugChars)
    .join('')
    .replace(/-+$/, '');
  if (slug === '') return 'untitled';
  return WINDOWS_RESERVED.test(slug) ? `_${slug}` : slug;
}

/** `base`, `base-2`, `base-3`, … : the first that `taken` (lower case) does not hold. */
function uniqueName(base: string, suffix: string, taken: Set<string>): string {
  let candidate = `${base}${suffix}`;
  // At most taken.size + 1 tries: each failed one is a name already taken.
  for (let number = 2; taken.has(candidate.toLowerCase()); number += 1) {
    candidate = `${base}-${number}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * The name an item had on disk, when its id is its path in this folder and the name is still
 * free: a request saved again keeps its file after a rename, and files named by hand keep their
 * names. Anything else (an id from the browser, a moved item, `../x`) gets a slug. A folder's id
 * is its path with a trailing `/`, which no id the page makes has.
 */
function keptName(
  id: string,
  folderPath: string,
  kind: 'request' | 'folder' | 'environment',
): string | undefined {
  const prefix = folderPath === '' ? '' : `${folderPath}/`;
  if (!id.startsWith(prefix)) return undefined;
  let name = id.slice(prefix.length);
  if (kind === 'folder') {
    if (!name.endsWith('/')) return undefined;
    name = name.slice(0, -1);
  }
  if (name.length > COLLECTION_FILE_LIMITS.maxKeptNameChars || !isSafeFileName(name)) {
    return undefined;
  }
  const lower = name.toLowerCase();
  if (kind === 'request') return hasSuffix(lower, REQUEST_SUFFIX) ? name : undefined;
  if (kind === 'environment') return hasSuffix(lower, ENVIRONMENT_SUFFIX) ? name : undefined;
  // A folder is never named like a file of the format, nor like the environments' folder.
  return lower.endsWith('.json') || lower === ENVIRONMENTS_FOLDER ? undefined : name;
}

/**
 * The names of a level's entries, in the items' order: kept names first (the earlier item wins),
 * then slugs that are unique in the folder whatever the file system's case rules.
 */
export function nameEntries(
  entries: ReadonlyArray<{ id: string; name: string; kind: 'request' | 'folder' | 'environment' }>,
  folderPath: string,
): string[] {
  const taken = new Set<string>([ENVIRONMENTS_FOLDER]);
  const names = entries.map((entry) => {
    const kept = keptName(entry.id, folderPath, entry.kind);
    if (kept === undefined || taken.has(kept.toLowerCase())) return undefined;
    taken.add(kept.toLowerCase());
    return kept;
  });
  return entries.map((entry, index) => {
    const kept = names[index];
    if (kept !== undefined) return kept;
    const suffix =
      entry.kind === 'request'
        ? REQUEST_SUFFIX
        : entry.kind === 'environment'
          ? ENVIRONMENT_SUFFIX
          : '';
    return uniqueName(fileSlug(entry.name), suffix, taken);
  });
}
