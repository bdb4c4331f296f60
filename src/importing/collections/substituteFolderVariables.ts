// Variables a source keeps on a folder or a request (Insomnia's folder environments, Bruno's
// vars:pre-request). They win over the active environment there, and the one model has no place
// for them (variables live on the collection and in environments), so their values are written
// into the requests they apply to: the request sends what it sent in the source tool.
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { VARIABLE_REFERENCE } from '../../request/variableReferences';

/**
 * Characters all substitutions of one import may add: a value of 1 MB used in every header of
 * 5000 requests would otherwise build gigabytes.
 */
export class SubstitutionBudget {
  #remaining = 2 * COLLECTION_LIMITS.maxFileChars;

  spend(chars: number): boolean {
    this.#remaining -= chars;
    return this.#remaining >= 0;
  }

  get exhausted(): boolean {
    return this.#remaining < 0;
  }
}

export const SUBSTITUTION_TOO_LARGE = `Folder and request variables would make the requests larger than ${(2 * COLLECTION_LIMITS.maxFileChars) / 1024 / 1024} MiB once written into them.`;

/**
 * `text` with each `{{name}}` that `values` defines replaced by its value, once (a value's own
 * references are left for the environments to resolve). Returns the text unchanged when the
 * budget runs out; the caller checks `budget.exhausted`.
 */
export function substituteFolderVariables(
  text: string,
  values: ReadonlyMap<string, string>,
  budget: SubstitutionBudget,
): string {
  if (values.size === 0 || !text.includes('{{')) return text;
  let within = true;
  const replaced = text.replace(VARIABLE_REFERENCE, (whole, raw: string) => {
    const value = values.get(raw.trim());
    if (value === undefined || !within) return whole;
    within = budget.spend(value.length);
    return within ? value : whole;
  });
  return within ? replaced : text;
}
