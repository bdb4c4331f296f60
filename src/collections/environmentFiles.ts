// Environments in a collection folder: one file each, environments/<name>.json, holding a name
// and variables (a secret one's value never written: fileVariables.ts).
import * as z from 'zod/mini';
import type { Environment } from './collectionModel';
import { fileProblem, jsonText, readJson, type FilesResult } from './fileJson';
import { nameEntries } from './fileNames';
import { variablesIn, variablesOut, VariablesFileSchema } from './fileVariables';
import { ENVIRONMENT_SUFFIX, ENVIRONMENTS_FOLDER, type CollectionFile } from './folderLayout';
import { NameSchema, parseEnvironment } from './validateCollection';

const EnvironmentFileSchema = z.object({
  name: z.optional(NameSchema),
  variables: z.optional(VariablesFileSchema),
  profile: z.optional(NameSchema),
});

/** The environments' files, in the environments' order; names kept or slugged as items' are. */
export function environmentsToFiles(environments: readonly Environment[]): CollectionFile[] {
  const environmentNames = nameEntries(
    environments.map((environment) => ({ ...environment, kind: 'environment' as const })),
    ENVIRONMENTS_FOLDER,
  );
  return environments.map((environment, index) => ({
    path: `${ENVIRONMENTS_FOLDER}/${environmentNames[index]!}`,
    text: jsonText({
      name: environment.name,
      variables: variablesOut(environment.variables),
      ...(environment.profile === undefined ? {} : { profile: environment.profile }),
    }),
  }));
}

/**
 * An environment's file read back (its id: the file's path); a file without a name is named after
 * itself (`dev.json`: dev).
 */
export function environmentFromFile(file: CollectionFile): FilesResult<Environment> {
  const read = readJson(file, EnvironmentFileSchema);
  if (!read.ok) return read;
  const base = file.path.slice(file.path.lastIndexOf('/') + 1);
  const environment = parseEnvironment({
    id: file.path,
    name: read.value.name ?? base.slice(0, -ENVIRONMENT_SUFFIX.length),
    variables: variablesIn(read.value.variables),
    ...(read.value.profile === undefined || read.value.profile === ''
      ? {}
      : { profile: read.value.profile }),
  });
  return environment.ok ? environment : fileProblem(file.path, environment.error);
}
