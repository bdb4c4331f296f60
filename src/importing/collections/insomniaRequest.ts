// One Insomnia request → a saved request: templates converted and folder variables filled in,
// folder headers under its own, its `iam` auth (or the nearest folder's) giving region and
// service and its keys to the collector.
import type { CollectionItem } from '../../collections/collectionModel';
import type { AwsKeyCollector } from './collectAwsKeys';
import {
  appendQuery,
  buildSavedRequest,
  fillPathParameters,
  hasHeader,
  importedName,
  type ImportedRequestTallies,
} from './importedRequest';
import type { NoteTallies } from './importNotes';
import { bodyText, enabledPairs } from './insomniaBody';
import type { InsomniaNoteKind } from './insomniaNotes';
import { textOf, type InsomniaAuth, type InsomniaRequestFields } from './insomniaSchemas';
import { convertInsomniaTemplate, type TemplateTally } from './insomniaTemplates';
import { substituteFolderVariables, type SubstitutionBudget } from './substituteFolderVariables';

/** What the walk carries down from the folders above a node. */
export interface InsomniaInherited {
  /** The nearest folder's auth that counts (Insomnia's getOrInheritAuthentication). */
  auth: NonNullable<InsomniaAuth> | undefined;
  headers: { name: string; value: string }[];
  variables: ReadonlyMap<string, string>;
}

export interface InsomniaContext {
  newId: () => string;
  templates: TemplateTally;
  tallies: ImportedRequestTallies;
  notes: NoteTallies<InsomniaNoteKind>;
  budget: SubstitutionBudget;
  keys: AwsKeyCollector;
  /** Auth types other than iam and none, for the note. */
  otherAuthTypes: Set<string>;
}

/** An auth that applies: a type, and not switched off. `{}` and disabled ones defer to the folder. */
export function effectiveAuth(auth: InsomniaAuth): NonNullable<InsomniaAuth> | undefined {
  if (auth === undefined || auth === null) return undefined;
  if (typeof auth.type !== 'string' || auth.type === '' || auth.disabled === true) return undefined;
  return auth;
}

export function requestItem(
  fields: InsomniaRequestFields,
  description: string,
  inherited: InsomniaInherited,
  context: InsomniaContext,
): CollectionItem {
  const name = importedName(textOf(fields.name), 'Untitled request');
  let usedFolderVariables = false;
  const convert = (text: string) => {
    const converted = convertInsomniaTemplate(text, context.templates);
    const filled = substituteFolderVariables(converted, inherited.variables, context.budget);
    if (filled !== converted) usedFolderVariables = true;
    return filled;
  };

  let url = convert(textOf(fields.url));
  url = appendQuery(url, enabledPairs(fields.parameters, convert));
  const pathValues = new Map(
    enabledPairs(fields.pathParameters, convert).map((pair) => [pair.name, pair.value]),
  );
  const filled = fillPathParameters(url, pathValues);
  if (filled.unfilled.length > 0) context.notes.add('unfilledPath', name);

  const own = enabledPairs(fields.headers, convert);
  const fromFolders = inherited.headers
    .filter((header) => !hasHeader(own, header.name))
    .map((header) => ({ name: convert(header.name), value: convert(header.value) }));
  if (fromFolders.length > 0) context.notes.add('folderHeaders', name);
  const headers = [...fromFolders, ...own];

  const body = bodyText(fields.body, convert, (kind) => context.notes.add(kind, name));
  if (body.contentType !== undefined && !hasHeader(headers, 'content-type'))
    headers.push({ name: 'Content-Type', value: body.contentType });

  // The request's own auth if it has one that counts, else the nearest folder's.
  const auth = effectiveAuth(fields.authentication) ?? inherited.auth;
  let region: string | undefined;
  let service: string | undefined;
  if (auth?.type === 'iam') {
    region = convert(textOf(auth.region));
    service = convert(textOf(auth.service));
    context.keys.add(
      {
        accessKeyId: convert(textOf(auth.accessKeyId)),
        secretAccessKey: convert(textOf(auth.secretAccessKey)),
        sessionToken: convert(textOf(auth.sessionToken)),
      },
      name,
    );
  } else if (auth !== undefined && auth.type !== 'none') {
    context.notes.add('otherAuth', name);
    context.otherAuthTypes.add(auth.type ?? '');
  }

  if (usedFolderVariables) context.notes.add('folderVariables', name);
  const parts = {
    name,
    method: fields.method ?? 'GET',
    url: filled.url,
    headers,
    body: body.text,
    description,
    ...(region === undefined ? {} : { region }),
    ...(service === undefined ? {} : { service }),
  };
  return buildSavedRequest(parts, context.newId(), context.tallies);
}
