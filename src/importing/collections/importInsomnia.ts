// Imports an Insomnia export — format 4 (JSON) or 5 (YAML), read by readInsomniaTree.ts — as a
// collection: folders as folders, requests with their `iam` auth (region and service; the keys go
// to the credentials panel), inherited from the nearest folder as Insomnia does; the base
// environment as the collection's variables and the sub environments as environments; `{{ _.x }}`
// as `{{x}}`. Never throws; either the whole workspace or one sentence saying why not.
import type { Collection, Environment, Variable } from '../../collections/collectionModel';
import { checkImportLimits, tooManyVariables } from './checkImportLimits';
import { AwsKeyCollector } from './collectAwsKeys';
import { convertNodes } from './convertInsomniaNodes';
import type { ImportedWorkspace, ImportWorkspaceResult } from './importedWorkspace';
import { importedName, ImportedRequestTallies } from './importedRequest';
import { NoteTallies, quoteName } from './importNotes';
import { overlayVariables, flattenEnvironmentData } from './insomniaEnvironment';
import { insomniaNoteSentences, type InsomniaNoteKind } from './insomniaNotes';
import type { InsomniaContext } from './insomniaRequest';
import { createTemplateTally, templateNotes, type TemplateTally } from './insomniaTemplates';
import { isInsomniaV5Type, readInsomniaTree, type InsomniaTree } from './readInsomniaTree';
import { readStructuredText } from './readStructuredText';
import { SUBSTITUTION_TOO_LARGE, SubstitutionBudget } from './substituteFolderVariables';
import { withoutImportedKeys } from './withoutImportedKeys';

function variablesOf(
  owner: string,
  data: unknown,
  templates: TemplateTally,
): Variable[] | { error: string } {
  const flat = flattenEnvironmentData(data, templates);
  return flat.count > flat.variables.length
    ? { error: tooManyVariables(owner, flat.count) }
    : flat.variables;
}

function buildWorkspace(tree: InsomniaTree, newId: () => string): ImportWorkspaceResult {
  const templates = createTemplateTally();
  const baseName = tree.base?.name ?? 'Base Environment';
  const baseVariables =
    tree.base === undefined
      ? []
      : variablesOf(`The environment ${quoteName(baseName)}`, tree.base.data, templates);
  if ('error' in baseVariables) return { ok: false, error: baseVariables.error };

  const environments: Environment[] = [];
  for (const sub of tree.subEnvironments) {
    const variables = variablesOf(`The environment ${quoteName(sub.name)}`, sub.data, templates);
    if ('error' in variables) return { ok: false, error: variables.error };
    environments.push({
      id: newId(),
      name: importedName(sub.name, 'Environment'),
      // Without a collection, the base's variables have nowhere else to go: each environment
      // carries them, as Insomnia applies the base under whichever sub environment is active.
      variables:
        tree.children === undefined ? overlayVariables(baseVariables, variables) : variables,
    });
  }
  if (tree.children === undefined && environments.length === 0 && baseVariables.length > 0)
    environments.push({
      id: newId(),
      name: importedName(baseName, 'Environment'),
      variables: baseVariables,
    });

  const collectionVariables = tree.children === undefined ? [] : baseVariables;
  const context: InsomniaContext = {
    newId,
    templates,
    tallies: new ImportedRequestTallies(),
    notes: new NoteTallies<InsomniaNoteKind>(),
    budget: new SubstitutionBudget(),
    keys: new AwsKeyCollector(collectionVariables, environments),
    otherAuthTypes: new Set(),
  };

  const workspace: ImportedWorkspace = {
    format: tree.format,
    environments,
    notes: [...tree.notes],
  };
  if (tree.children !== undefined) {
    const items = convertNodes(
      tree.children,
      { auth: undefined, headers: [], variables: new Map() },
      context,
    );
    if (context.budget.exhausted) return { ok: false, error: SUBSTITUTION_TOO_LARGE };
    const collection: Collection = {
      id: newId(),
      name: importedName(tree.name, 'Insomnia collection'),
      variables: collectionVariables,
      items,
    };
    const description = tree.description.trim();
    if (description !== '') collection.description = description;
    workspace.collection = collection;
  } else if (environments.length === 0) {
    return { ok: false, error: 'This Insomnia file holds no requests and no environments.' };
  }

  const keys = context.keys.result();
  if (keys.keys !== undefined) workspace.keys = keys.keys;
  workspace.notes.push(
    ...keys.notes,
    ...insomniaNoteSentences(context.notes, context.otherAuthTypes),
    ...context.tallies.notes(),
    ...templateNotes(templates),
  );
  const keyless = withoutImportedKeys(workspace, keys.keyVariables);
  const problem = checkImportLimits(keyless);
  return problem === undefined ? { ok: true, workspace: keyless } : { ok: false, error: problem };
}

/** An export already parsed (JSON or YAML): the dispatcher parses JSON once for every format. */
export function importInsomniaDocument(value: unknown, newId: () => string): ImportWorkspaceResult {
  const tree = readInsomniaTree(value);
  if (!tree.ok) return tree;
  return buildWorkspace(tree.tree, newId);
}

export function importInsomnia(text: string, newId: () => string): ImportWorkspaceResult {
  const read = readStructuredText(text, 'The Insomnia file');
  if (!read.ok) return read;
  return importInsomniaDocument(read.value, newId);
}

/** Whether parsed JSON or YAML is an Insomnia export, by its marker (for the import dispatcher). */
export function looksLikeInsomnia(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  return (
    '__export_format' in record ||
    (typeof record.type === 'string' && isInsomniaV5Type(record.type))
  );
}

/**
 * Whether a YAML text is an Insomnia format 5 file, by its `type:` line near the top: the
 * dispatcher asks before anything is parsed.
 */
export function looksLikeInsomniaYaml(text: string): boolean {
  const type = /^type:[ \t]*["']?([^\s"']{1,100})/m.exec(text.slice(0, 4096))?.[1];
  return type !== undefined && isInsomniaV5Type(type);
}
