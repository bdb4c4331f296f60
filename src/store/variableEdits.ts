// The edits of a list of variables, one rule for every owner of one (an environment, a
// collection): at most COLLECTION_LIMITS.maxVariables, names cut to maxNameChars. A secret
// variable's value stays in the list (this tab's memory); the repository and the disk format
// write it without (collectionModel.withoutSecretValues).
import { COLLECTION_LIMITS, type Variable } from '../collections/collectionModel';

/** A new, empty variable at the end; the same list when it is full. */
export function withNewVariable(variables: Variable[]): Variable[] {
  return variables.length >= COLLECTION_LIMITS.maxVariables
    ? variables
    : [...variables, { name: '', value: '', secret: false, enabled: true }];
}

/** The variable at `index` with `changes` applied. */
export function withVariableChanged(
  variables: readonly Variable[],
  index: number,
  changes: Partial<Variable>,
): Variable[] {
  return variables.map((variable, at) =>
    at === index
      ? {
          ...variable,
          ...changes,
          ...(changes.name === undefined
            ? {}
            : { name: changes.name.slice(0, COLLECTION_LIMITS.maxNameChars) }),
        }
      : variable,
  );
}

/** The list without the variable at `index`. */
export function withoutVariable(variables: readonly Variable[], index: number): Variable[] {
  return variables.filter((_, at) => at !== index);
}
