// Reads test-suite case folders from disk (the layout of AWS's CRT suite: context.json,
// request.txt, header-*.txt, query-*.txt). Node only: the browser runner gets the cases already
// read, as base64 (vectorCaseBase64.ts).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { vectorCaseTexts, type VectorCase } from './runVectorCase';

/**
 * Case folders are the directories holding a context.json: DIR itself or any folder below it. Each
 * file is read as bytes.
 */
export function loadVectorCases(dir: string): VectorCase[] {
  const cases: VectorCase[] = [];
  const visit = (folder: string) => {
    const entries = readdirSync(folder).sort();
    if (entries.includes('context.json')) {
      const files: Record<string, Uint8Array> = {};
      for (const entry of entries) {
        const path = join(folder, entry);
        // Bytes, not text: a request body may hold CR or bytes that are not UTF-8.
        if (statSync(path).isFile()) files[entry] = new Uint8Array(readFileSync(path));
      }
      cases.push({ name: relative(join(dir, '..'), folder) || basename(folder), files });
      return;
    }
    for (const entry of entries) {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) visit(path);
    }
  };
  visit(dir);
  return cases;
}

/** loadVectorCases with every file as UTF-8 text, for readers of text-only suites (aws/v4). */
export function loadVectorCaseTexts(
  dir: string,
): Array<{ name: string; files: Record<string, string> }> {
  return loadVectorCases(dir).map((vector) => ({
    name: vector.name,
    files: vectorCaseTexts(vector),
  }));
}
