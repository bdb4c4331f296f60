// `{{name}}` in a request's URL, headers, body, region, service and region set: which variable
// each reference reads (the active environment's first, then the collection's), what the text
// becomes, and which references nothing defines. The page signs the resolved text, shows where
// each value came from, and refuses to sign while a reference is unresolved.
import { hasReferences, VARIABLE_REFERENCE } from '../request/variableReferences';
import type { Variable } from './collectionModel';

// The syntax lives with the credential rule that reads it too; the resolver's callers find it here.
export { hasReferences };

/** Where a variable's value can come from, most specific first. */
export interface VariableScope {
  kind: 'environment' | 'collection';
  /** The environment's or collection's name, for "from environment “dev”". */
  label: string;
  variables: readonly Variable[];
}

export interface VariableUse {
  name: string;
  /** The scope that defined it. */
  scope: VariableScope['kind'];
  label: string;
  secret: boolean;
  /** The variable's value as defined (it may hold references itself); mask it when secret. */
  value: string;
}

export interface ResolvedText {
  text: string;
  /** Each variable used, once, in order of first use (nested ones included). */
  used: VariableUse[];
  /** Names referenced that no enabled variable defines, once each, in order. */
  unresolved: string[];
  /** A problem other than an undefined name (a cycle, too deep, too long); null when none. */
  problem: string | null;
}

/** Values may refer to other variables (baseUrl = https://{{host}}/{{stage}}), this deep at most. */
const MAX_DEPTH = 5;
/** A resolved text longer than this is refused rather than built (a value doubling itself). */
const MAX_RESOLVED_CHARS = 8 * 1024 * 1024;

/** The names a text refers to, once each, in order (not following values). */
export function referencedNames(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(VARIABLE_REFERENCE)) names.add(match[1]!.trim());
  return [...names];
}

type Lookup = (name: string) => { variable: Variable; scope: VariableScope } | undefined;

function lookupIn(scopes: readonly VariableScope[]): Lookup {
  const table = new Map<string, { variable: Variable; scope: VariableScope }>();
  // Least specific first, so a more specific scope's variable replaces it.
  for (const scope of [...scopes].reverse()) {
    for (const variable of scope.variables) {
      if (variable.enabled && variable.name !== '') table.set(variable.name, { variable, scope });
    }
  }
  return (name) => table.get(name);
}

/** Resolves every `{{name}}` in `text` through `scopes` (most specific first). */
export function resolveText(text: string, scopes: readonly VariableScope[]): ResolvedText {
  if (!hasReferences(text)) return { text, used: [], unresolved: [], problem: null };
  const lookup = lookupIn(scopes);
  const used = new Map<string, VariableUse>();
  const unresolved = new Set<string>();
  let problem: string | null = null;
  // Characters substituted so far: nested values can multiply (a = {{b}}{{b}}, b = {{c}}{{c}}, …),
  // so the work is bounded by what is produced, not by the depth alone.
  let produced = 0;

  const expand = (input: string, trail: readonly string[]): string =>
    input.replace(VARIABLE_REFERENCE, (whole, raw: string) => {
      const name = raw.trim();
      if (problem !== null) return whole;
      const found = lookup(name);
      if (found === undefined) {
        unresolved.add(name);
        return whole;
      }
      if (!used.has(name)) {
        used.set(name, {
          name,
          scope: found.scope.kind,
          label: found.scope.label,
          secret: found.variable.secret,
          value: found.variable.value,
        });
      }
      if (trail.includes(name)) {
        problem = `{{${name}}} refers to itself (${[...trail, name].join(' → ')}).`;
        return whole;
      }
      if (trail.length >= MAX_DEPTH) {
        problem = `{{${trail[0]!}}} nests variables more than ${MAX_DEPTH} deep.`;
        return whole;
      }
      produced += found.variable.value.length;
      if (produced > MAX_RESOLVED_CHARS) {
        problem = `The text would be over ${MAX_RESOLVED_CHARS / 1024 / 1024} MiB with its variables.`;
        return whole;
      }
      return hasReferences(found.variable.value)
        ? expand(found.variable.value, [...trail, name])
        : found.variable.value;
    });

  const resolved = expand(text, []);
  return {
    text: problem === null ? resolved : text,
    used: [...used.values()],
    unresolved: [...unresolved],
    problem,
  };
}
