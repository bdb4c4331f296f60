// Imports a Bruno collection: the files of its folder as the page reads them (paths relative to
// the folder the user chose), or a few `.bru` files on their own. bruno.json names the collection,
// collection.bru and each folder.bru carry headers, auth and variables for what is under them,
// folders come from the paths, environments/*.bru become environments (`vars:secret` names →
// secret variables without a value, as Bruno keeps their values out of the files). `auth:awsv4`
// sets region and service, and its keys go to the credentials panel. Never throws.
import { type Collection, type Variable } from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import { collectionInheritance } from './brunoInheritance';
import { brunoNoteSentences, type BrunoNoteKind } from './brunoNotes';
import { variablesOf } from './brunoRequest';
import { checkImportLimits } from './checkImportLimits';
import { AwsKeyCollector } from './collectAwsKeys';
import { convertFolder, type BrunoContext } from './convertBrunoFolder';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { importedName, ImportedRequestTallies } from './importedRequest';
import { NoteTallies } from './importNotes';
import { readBrunoFolder, type BrunoFile } from './readBrunoFolder';
import { SUBSTITUTION_TOO_LARGE, SubstitutionBudget } from './substituteFolderVariables';
import { withoutImportedKeys } from './withoutImportedKeys';

export { isBrunoFileName, type BrunoFile } from './readBrunoFolder';

export function importBruno(
  files: readonly BrunoFile[],
  newId: () => string,
): ImportWorkspaceResult {
  const notes = new NoteTallies<BrunoNoteKind>();
  const read = readBrunoFolder(files, newId, notes);
  if (!read.ok) return read;
  const { root, environments, collectionBlocks, name } = read.tree;

  const collectionVariables: Variable[] = [...variablesOf(collectionBlocks)].map(
    ([variableName, value]) => ({
      name: variableName,
      value,
      secret: isCredentialHeader(variableName),
      enabled: true,
    }),
  );
  const context: BrunoContext = {
    newId,
    tallies: new ImportedRequestTallies(),
    notes,
    budget: new SubstitutionBudget(),
    keys: new AwsKeyCollector(collectionVariables, environments),
    otherAuthModes: new Set(),
  };
  const items = convertFolder(root, collectionInheritance(collectionBlocks), context);
  if (context.budget.exhausted) return { ok: false, error: SUBSTITUTION_TOO_LARGE };

  const collection: Collection = {
    id: newId(),
    name: importedName(name, 'Bruno collection'),
    variables: collectionVariables,
    items,
  };
  const docs = collectionBlocks.find((block) => block.name === 'docs');
  if (docs?.kind === 'text' && docs.text.trim() !== '') collection.description = docs.text.trim();
  const keys = context.keys.result();
  const workspace: ImportedWorkspace = {
    format: 'Bruno collection',
    collection,
    environments,
    notes: [
      ...keys.notes,
      ...brunoNoteSentences(notes, context.otherAuthModes),
      ...context.tallies.notes(),
    ],
  };
  if (keys.keys !== undefined) workspace.keys = keys.keys;
  const keyless = withoutImportedKeys(workspace, keys.keyVariables);
  const problem = checkImportLimits(keyless);
  return problem === undefined ? { ok: true, workspace: keyless } : { ok: false, error: problem };
}
