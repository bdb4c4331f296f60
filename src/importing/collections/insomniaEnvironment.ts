// An Insomnia environment's `data` (any JSON) as the model's flat list of variables: nested objects
// become dotted names (`{ "aws": { "region": "x" } }` → `aws.region`, which `{{ _.aws.region }}`
// reads, insomniaTemplates.ts), lists and other values their JSON text, and the vault's secrets
// secret variables without a value (an export holds them encrypted, or not at all).
import { COLLECTION_LIMITS, type Variable } from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import { convertInsomniaTemplate, VAULT_KEYS, type TemplateTally } from './insomniaTemplates';

export interface FlatVariables {
  variables: Variable[];
  /** Variables the data holds, counted to the end even past the limit (for the message). */
  count: number;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return '';
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * A value named like a credential (token, password, apiKey, …: the rule credential headers follow)
 * is marked secret, so the page keeps it in memory only.
 */
export function insomniaVariable(name: string, value: string, secret = false): Variable {
  return { name, value, secret: secret || isCredentialHeader(name), enabled: true };
}

/**
 * Walks with its own stack (no recursion), as deep as COLLECTION_LIMITS.maxDepth: deeper objects
 * are kept as JSON text. Past maxVariables it only counts, so the caller can say how many.
 */
export function flattenEnvironmentData(data: unknown, tally: TemplateTally): FlatVariables {
  const variables: Variable[] = [];
  let count = 0;
  if (!isPlainObject(data)) return { variables, count };
  const add = (variable: Variable) => {
    count++;
    if (variables.length < COLLECTION_LIMITS.maxVariables) variables.push(variable);
  };
  const stack: { prefix: string; object: Record<string, unknown>; depth: number }[] = [
    { prefix: '', object: data, depth: 0 },
  ];
  for (let level = stack.pop(); level !== undefined; level = stack.pop()) {
    // A level's own values first, then its objects in the file's order (reversed onto the stack).
    const nested: typeof stack = [];
    for (const [key, value] of Object.entries(level.object)) {
      const name = level.prefix + key;
      if (level.depth === 0 && VAULT_KEYS.includes(key) && isPlainObject(value)) {
        for (const secretName of Object.keys(value)) add(insomniaVariable(secretName, '', true));
        continue;
      }
      if (isPlainObject(value) && level.depth + 1 < COLLECTION_LIMITS.maxDepth) {
        nested.push({ prefix: `${name}.`, object: value, depth: level.depth + 1 });
        continue;
      }
      const text = valueText(value);
      add(
        insomniaVariable(
          name,
          typeof value === 'string' ? convertInsomniaTemplate(text, tally) : text,
        ),
      );
    }
    stack.push(...nested.reverse());
  }
  return { variables, count };
}

/** `base` with `over`'s variables replacing those of the same name (Insomnia's sub environments). */
export function overlayVariables(base: readonly Variable[], over: readonly Variable[]): Variable[] {
  const names = new Set(over.map((variable) => variable.name));
  return [...base.filter((variable) => !names.has(variable.name)), ...over];
}
