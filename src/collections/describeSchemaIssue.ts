// A zod issue in words, led by the path to it: `items[2].url: expected text, not a number`. Every
// value checked against a schema says what is wrong in this one wording: a collection read back
// from IndexedDB or a folder on disk (validateCollection.ts), and a file being imported (Postman,
// Insomnia, OpenAPI). zod/mini ships no message texts (every issue says "Invalid input" unless a
// locale is loaded into zod's global config, which would change it for every schema in the app),
// so the issue kinds these schemas meet are worded here.
import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

/** Unions nest (text, or an object of lists of unions): how many levels are followed at most. */
const MAX_UNION_HOPS = 16;

/** A path as people read it: `items[2].headers[0].name`; '' for the value itself. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

/** What kind of JSON value this is, for "expected a list, not a string". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  const type = typeof value;
  return type === 'object' ? 'an object' : type === 'number' ? 'a number' : `a ${type}`;
}

/** The value a path names (the path zod gives is no longer than the input is deep). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
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

const quoted = (values: readonly unknown[]) =>
  values.map((value) => JSON.stringify(value)).join(' or ');

/** What a too_big or too_small issue says, by what was measured. */
function sizeProblem(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): string {
  const big = issue.code === 'too_big';
  const bound = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === 'string') {
    if (big) return `longer than ${bound} characters`;
    return bound <= 1 ? 'empty' : `shorter than ${bound} characters`;
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint')
    return big ? `more than ${bound}` : `less than ${bound}`;
  return big ? `more than ${bound} entries` : `fewer than ${bound} entries`;
}

/**
 * The first issue in one sentence, led by where it is. `input` is the value that was checked (the
 * issues' paths lead into it: it says what was found instead); `base` is the path to that value
 * in a larger document, for a schema run on one part of a file.
 */
export function describeSchemaIssue(
  issues: readonly Issue[],
  input: unknown,
  base: readonly PropertyKey[] = [],
): string {
  let issue = issues[0];
  let relative: PropertyKey[] = [];
  const leadAt = (path: readonly PropertyKey[]) => {
    const at = formatPath([...base, ...path]);
    return at === '' ? '' : `${at}: `;
  };
  // A union that refused the value: follow the branch that got furthest into it; the hop count
  // bounds the walk whatever the schema.
  for (let hops = 0; issue?.code === 'invalid_union' && hops < MAX_UNION_HOPS; hops++) {
    relative = [...relative, ...issue.path];
    const lead = leadAt(relative);
    if ('options' in issue && issue.options !== undefined && issue.options.length > 0)
      return `${lead}must be ${quoted(issue.options)}`;
    const expected = expectedOfBranches(issue.errors);
    if (expected !== undefined)
      return `${lead}expected ${expected}, not ${kindOf(valueAt(input, relative))}`;
    const deeper = deepestBranchIssue(issue.errors);
    if (deeper === undefined) return `${lead}does not have any of the shapes it may have`;
    issue = deeper;
  }
  if (issue === undefined) return 'not valid';
  if (issue.code === 'invalid_union') return `${leadAt(relative)}has too many nested shapes`;
  relative = [...relative, ...issue.path];
  const lead = leadAt(relative);
  switch (issue.code) {
    case 'invalid_type':
      return `${lead}expected ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(valueAt(input, relative))}`;
    case 'too_big':
    case 'too_small':
      return `${lead}${sizeProblem(issue)}`;
    case 'invalid_value':
      return `${lead}must be ${quoted(issue.values)}`;
    default:
      return `${lead}${issue.message}`;
  }
}
