// The AWS keys a Postman collection's AWS Signature auths name, written out or in {{variables}}:
// resolved through the environments imported with it and the collection's variables. The
// collection's own auth comes first, so its keys are the ones the credentials panel gets; other
// keys are named in a note (the panel holds one set).
import type { VariableScope } from '../../collections/resolveVariables';
import type { ImportedKeys } from './importedWorkspace';
import { NoteTallies } from './importNotes';
import type { PostmanAwsV4 } from './postmanAuth';
import { resolveAuthKeys, type ResolvedAuthKeys } from './resolveAuthKeys';

/** Where an auth is set, as a note names it: "the collection", "folder “Admin”". */
export interface PlacedAwsV4 {
  awsv4: PostmanAwsV4;
  where: string;
}

export interface PostmanKeys {
  keys?: ImportedKeys;
  /** Every variable an auth reads a key from. */
  keyVariables: string[];
  notes: string[];
}

/**
 * Distinct key texts resolved at most: each resolution reads every variable, and a hostile file
 * could give each of 5000 requests keys of its own. Real collections have one or two.
 */
const MAX_RESOLUTIONS = 20;

const braces = (names: readonly string[]) => names.map((name) => `{{${name}}}`).join(', ');

const asWritten = (place: string) => place;

/**
 * The keys every awsv4 auth names (in document order, the collection's first): the first
 * complete set goes to the credentials panel; the rest is said in notes.
 */
export function readPostmanKeys(
  auths: readonly PlacedAwsV4[],
  scopes: readonly VariableScope[],
): PostmanKeys {
  const notes: string[] = [];
  const keyVariables = new Set<string>();
  let keys: ImportedKeys | undefined;
  const places = new NoteTallies<'other' | 'empty' | 'unresolved'>();
  const unresolved = new Set<string>();
  const resolutions = new Map<string, ResolvedAuthKeys>();
  for (const { awsv4, where } of auths) {
    const texts = {
      accessKeyId: awsv4.accessKey,
      secretAccessKey: awsv4.secretKey,
      sessionToken: awsv4.sessionToken,
    };
    const known = JSON.stringify(texts);
    let resolved = resolutions.get(known);
    if (resolved === undefined) {
      if (resolutions.size >= MAX_RESOLUTIONS) continue;
      resolved = resolveAuthKeys(texts, scopes);
      resolutions.set(known, resolved);
    }
    for (const name of resolved.variables) keyVariables.add(name);
    if (resolved.keys === undefined) {
      if (resolved.unresolved.length > 0) {
        places.add('unresolved', where);
        for (const name of resolved.unresolved) unresolved.add(name);
      } else if (awsv4.accessKey === '' && awsv4.secretKey === '') places.add('empty', where);
      continue;
    }
    if (keys === undefined) {
      keys = resolved.keys;
      const from = resolved.variables.length > 0 ? ` (from ${braces(resolved.variables)})` : '';
      notes.push(
        `The AWS keys of the AWS Signature auth of ${where}${from} are in the credentials panel, in this tab's memory only; they are not part of the collection.`,
      );
    } else if (
      resolved.keys.accessKeyId !== keys.accessKeyId ||
      resolved.keys.secretAccessKey !== keys.secretAccessKey ||
      resolved.keys.sessionToken !== keys.sessionToken
    ) {
      places.add('other', where);
    }
  }
  const other = places.get('other');
  if (other !== undefined)
    notes.push(
      `Other AWS keys, of ${other.describe(asWritten)}, were not imported: the credentials panel holds one set of keys at a time.`,
    );
  const empty = places.get('empty');
  if (empty !== undefined)
    notes.push(
      `The AWS Signature auth of ${empty.describe(asWritten)} has no keys: the requests under it sign with the keys in the credentials panel.`,
    );
  const missing = places.get('unresolved');
  if (keys === undefined && missing !== undefined) {
    notes.push(
      `The AWS Signature auth of ${missing.describe(asWritten)} reads its keys from ${braces([...unresolved])}, which no imported variable defines: import the Postman environment that holds them with the collection, or enter the keys in the credentials panel.`,
    );
  }
  return { ...(keys === undefined ? {} : { keys }), keyVariables: [...keyVariables], notes };
}
