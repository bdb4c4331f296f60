// Variables in collection.json and in an environment's file: a secret one's value is never written,
// and never taken in should a file hold one.
import * as z from 'zod/mini';
import { COLLECTION_LIMITS, type Variable } from './collectionModel';
import { NameSchema, TextSchema } from './validateCollection';

const VariableFileSchema = z.object({
  name: NameSchema,
  value: z.optional(TextSchema),
  secret: z.optional(z.boolean()),
  enabled: z.optional(z.boolean()),
});
export const VariablesFileSchema = z
  .array(VariableFileSchema)
  .check(z.maxLength(COLLECTION_LIMITS.maxVariables));

/** Variables as written: a secret one keeps its name and flags, never its value. */
export function variablesOut(variables: readonly Variable[]) {
  return variables.map((variable) =>
    variable.secret
      ? { name: variable.name, secret: true, enabled: variable.enabled }
      : { name: variable.name, value: variable.value, secret: false, enabled: variable.enabled },
  );
}

/** Variables as read: a secret one's value, should a file hold one, is not taken in. */
export function variablesIn(
  variables: z.infer<typeof VariablesFileSchema> | undefined,
): Variable[] {
  return (variables ?? []).map((variable) => ({
    name: variable.name,
    value: variable.secret ? '' : (variable.value ?? ''),
    secret: variable.secret ?? false,
    enabled: variable.enabled ?? true,
  }));
}
