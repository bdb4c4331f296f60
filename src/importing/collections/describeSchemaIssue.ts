// A zod issue in the importer's words. zod/mini ships no message texts (every issue says
// "Invalid input" unless a locale is loaded into zod's global config, which would change it for
// every schema in the app), so the few issue kinds an import meets are worded here.
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list ([…])',
  object: 'an object ({…})',
  null: 'null',
};

/** `item[2].request.url` from ['item', 2, 'request', 'url']. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/**
 * Of a union's failed branches, the one that got furthest into the value: for an object where
 * "text or an object" was expected, what is wrong inside the object is the useful sentence.
 */
function deepestBranchIssue(branches: readonly (readonly Issue[])[]): Issue | undefined {
  let best: Issue | undefined;
  for (const issues of branches) {
    const first = issues[0];
    if (first !== undefined && (best === undefined || first.path.length > best.path.length))
      best = first;
  }
  return best;
}

/** What the value should have been, when every branch of a union refused it as a whole. */
function expectedOfBranches(branches: readonly (readonly Issue[])[]): string | undefined {
  const expected: string[] = [];
  for (const issues of branches) {
    const first = issues[0];
    if (first === undefined || first.code !== 'invalid_type' || first.path.length > 0)
      return undefined;
    const wording = EXPECTED[first.expected] ?? first.expected;
    if (!expected.includes(wording)) expected.push(wording);
  }
  return expected.length === 0 ? undefined : expected.join(' or ');
}

/** One sentence for the first issue: where (under `base`) and what was expected. */
export function describeSchemaIssue(
  issues: readonly Issue[],
  base: readonly PropertyKey[] = [],
): string {
  let issue = issues[0];
  let path: PropertyKey[] = [...base];
  // Unions nest (a value that is text or an object of lists of unions): follow the branch that
  // got furthest into the value; the hop count bounds it whatever the schema.
  for (let hops = 0; issue !== undefined && issue.code === 'invalid_union' && hops < 16; hops++) {
    path = [...path, ...issue.path];
    const where = path.length === 0 ? 'the file' : formatIssuePath(path);
    const expected = expectedOfBranches(issue.errors);
    if (expected !== undefined) return `${where} should be ${expected}`;
    const deeper = deepestBranchIssue(issue.errors);
    if (deeper === undefined) return `${where} does not have any of the shapes it may have`;
    issue = deeper;
  }
  if (issue === undefined) return 'the file does not have the expected shape';
  if (issue.code === 'invalid_union') return `${formatIssuePath(path)} has too many nested shapes`;
  path = [...path, ...issue.path];
  const where = path.length === 0 ? 'the file' : formatIssuePath(path);
  if (issue.code === 'invalid_type') {
    return `${where} should be ${EXPECTED[issue.expected] ?? issue.expected}`;
  }
  return `${where} is not valid (${issue.message})`;
}
