// What the walk over a Postman collection's item tree carries, and what it reads the same way on
// the collection, its folders and its requests (names, scripts, item variables).
import type { NoteTallies } from './importNotes';
import type { PostmanTallyKind } from './postmanNotes';
import type { PlacedAwsV4 } from './postmanKeys';
import { textOf, type LooseText } from './postmanSchemas';
import { isRecord } from './jsonValues';

export interface PostmanWalk {
  newId: () => string;
  tallies: NoteTallies<PostmanTallyKind>;
  /** Every awsv4 auth set in the file, collection first, in document order. */
  awsAuths: PlacedAwsV4[];
  requests: number;
  folders: number;
}

/** The name as written ('' included); the fallback only when the file gives none. */
export function nameOf(name: LooseText | undefined, fallback: string): string {
  return name === undefined || name === null ? fallback : textOf(name);
}

export function hasEntries(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** Whether `event` holds a script with code in it (Postman exports empty ones as `exec: [""]`). */
export function hasScripts(event: unknown): boolean {
  if (!Array.isArray(event)) return false;
  return event.some((entry: unknown) => {
    const exec: unknown = isRecord(entry) && isRecord(entry.script) ? entry.script.exec : undefined;
    const lines: unknown[] = Array.isArray(exec) ? exec : [exec];
    return lines.some((line) => typeof line === 'string' && line.trim() !== '');
  });
}
