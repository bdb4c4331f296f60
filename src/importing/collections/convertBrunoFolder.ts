// Turns the Bruno folder tree into collection items: folders in Bruno's order (seq, then name),
// each request with what it inherits filled in (headers, variables) and its AWS keys collected.
import type { CollectionItem } from '../../collections/collectionModel';
import { folderAuth, effectiveAuth, type Inherited } from './brunoInheritance';
import type { BrunoNoteKind } from './brunoNotes';
import { headersOf, variablesOf, type BrunoRequestParts } from './brunoRequest';
import type { AwsKeyCollector } from './collectAwsKeys';
import { withHeaders, withVariables } from './folderInheritance';
import {
  buildSavedRequest,
  hasHeader,
  importedName,
  type ImportedRequestTallies,
} from './importedRequest';
import type { NoteTallies } from './importNotes';
import type { FolderNode } from './readBrunoFolder';
import { substituteFolderVariables, type SubstitutionBudget } from './substituteFolderVariables';

export interface BrunoContext {
  newId: () => string;
  tallies: ImportedRequestTallies;
  notes: NoteTallies<BrunoNoteKind>;
  budget: SubstitutionBudget;
  keys: AwsKeyCollector;
  otherAuthModes: Set<string>;
}

function bySeqThenName<T extends { seq: number; name: string }>(a: T, b: T): number {
  return a.seq - b.seq || a.name.localeCompare(b.name);
}

function requestItem(
  parts: BrunoRequestParts,
  inherited: Inherited,
  context: BrunoContext,
): CollectionItem {
  const name = importedName(parts.name, 'Untitled request');
  // Request variables win over folder variables, which win over the environment's.
  const variables = withVariables(inherited.variables, parts.variables);
  let usedVariables = false;
  const fill = (text: string) => {
    const filled = substituteFolderVariables(text, variables, context.budget);
    if (filled !== text) usedVariables = true;
    return filled;
  };

  const fromAbove = inherited.headers.filter((header) => !hasHeader(parts.headers, header.name));
  if (fromAbove.length > 0) context.notes.add('inheritedHeaders', name);
  const headers = [...fromAbove, ...parts.headers].map((header) => ({
    name: header.name,
    value: fill(header.value),
  }));
  if (parts.contentType !== undefined && !hasHeader(headers, 'content-type'))
    headers.push({ name: 'Content-Type', value: parts.contentType });
  if (parts.skippedBody !== undefined) context.notes.add(parts.skippedBody, name);
  if (parts.unfilledPath) context.notes.add('unfilledPath', name);

  const auth = effectiveAuth(parts, inherited.auth);
  let region: string | undefined;
  let service: string | undefined;
  if (auth.mode === 'awsv4') {
    const awsv4 = auth.awsv4;
    region = fill(awsv4?.region ?? '');
    service = fill(awsv4?.service ?? '');
    const texts = {
      accessKeyId: fill(awsv4?.accessKeyId ?? ''),
      secretAccessKey: fill(awsv4?.secretAccessKey ?? ''),
      sessionToken: fill(awsv4?.sessionToken ?? ''),
    };
    if (texts.accessKeyId === '' && (awsv4?.profileName ?? '') !== '')
      context.notes.add('profile', name);
    else context.keys.add(texts, name);
  } else if (auth.mode !== 'none') {
    context.notes.add('otherAuth', name);
    context.otherAuthModes.add(auth.mode);
  }

  const url = fill(parts.url);
  const body = fill(parts.body);
  if (usedVariables) context.notes.add('folderVariables', name);
  return buildSavedRequest(
    {
      name,
      method: parts.method,
      url,
      headers,
      body,
      description: parts.description,
      ...(region === undefined ? {} : { region }),
      ...(service === undefined ? {} : { service }),
    },
    context.newId(),
    context.tallies,
  );
}

/** Depth is bounded when the tree is built (COLLECTION_LIMITS.maxDepth). */
export function convertFolder(
  node: FolderNode,
  inherited: Inherited,
  context: BrunoContext,
): CollectionItem[] {
  const folders = [...node.folders.values()].sort(bySeqThenName);
  const requests = [...node.requests].sort(bySeqThenName);
  const items: CollectionItem[] = [];
  for (const folder of folders) {
    const own = variablesOf(folder.blocks);
    const inner: Inherited = {
      auth: folderAuth(folder.blocks, inherited.auth),
      headers: withHeaders(inherited.headers, headersOf(folder.blocks)),
      variables: withVariables(inherited.variables, own),
    };
    items.push({
      kind: 'folder',
      id: context.newId(),
      name: importedName(folder.name, 'Untitled folder'),
      items: convertFolder(folder, inner, context),
    });
  }
  for (const request of requests) items.push(requestItem(request, inherited, context));
  return items;
}
