// The last step of every collection import: the AWS keys it found go to the credentials panel
// (workspace.keys, memory only) and nowhere else. A variable that held a key is marked secret and
// left empty, a value that is a key is emptied, and a key long enough to be a real credential
// written inside a text (a body, a description, a URL) is cut out of it, so whatever stores or
// exports the collection later cannot carry one.
import type {
  CollectionItem,
  Environment,
  SavedRequest,
  Variable,
} from '../../collections/collectionModel';
import type { ImportedKeys, ImportedWorkspace, PageVariable } from './importedWorkspace';
import { NamedTally, quoteName } from './importNotes';

/**
 * The shortest key that is taken out of the texts it is written in, not only out of values that
 * are the key: AWS access key ids are 16–128 characters, secret keys 40, session tokens longer.
 * A shorter "key" (a fuzzed or mistyped `true`, `abc`) is no credential, and cutting it out of
 * every URL and body would cut ordinary words; a value that is exactly that key still goes.
 */
export const MIN_EMBEDDED_KEY_CHARS = 16;

interface Scrubber {
  text(text: string, where: string): string;
  readonly places: NamedTally;
}

/** Whether a text is one of the keys, spaces around either aside. */
function keyMatcher(secrets: readonly string[]): (text: string) => boolean {
  const trimmed = new Set(secrets.map((secret) => secret.trim()).filter((secret) => secret !== ''));
  return (text) => trimmed.has(text.trim());
}

function createScrubber(secrets: readonly string[]): Scrubber {
  const places = new NamedTally();
  const isKey = keyMatcher(secrets);
  const embedded = secrets.filter((secret) => secret.length >= MIN_EMBEDDED_KEY_CHARS);
  return {
    places,
    text(text, where) {
      if (isKey(text)) {
        places.add(where);
        return '';
      }
      if (!embedded.some((secret) => text.includes(secret))) return text;
      places.add(where);
      let scrubbed = text;
      for (const secret of embedded) scrubbed = scrubbed.split(secret).join('');
      return scrubbed;
    },
  };
}

function scrubRequest(request: SavedRequest, scrub: Scrubber): SavedRequest {
  const where = `request ${quoteName(request.name)}`;
  const scrubbed: SavedRequest = {
    ...request,
    name: scrub.text(request.name, where),
    method: scrub.text(request.method, where),
    url: scrub.text(request.url, where),
    headers: request.headers.map((header) => ({
      ...header,
      name: scrub.text(header.name, where),
      value: scrub.text(header.value, where),
    })),
    body: scrub.text(request.body, where),
    options: {
      ...request.options,
      expiresIn: scrub.text(request.options.expiresIn, where),
      regionSet: scrub.text(request.options.regionSet, where),
    },
  };
  if (request.region !== undefined) scrubbed.region = scrub.text(request.region, where);
  if (request.service !== undefined) scrubbed.service = scrub.text(request.service, where);
  if (request.description !== undefined)
    scrubbed.description = scrub.text(request.description, where);
  return scrubbed;
}

/** Items are as deep as COLLECTION_LIMITS.maxDepth at most: importers check it first. */
function scrubItems(items: readonly CollectionItem[], scrub: Scrubber): CollectionItem[] {
  return items.map((item) =>
    item.kind === 'request'
      ? scrubRequest(item, scrub)
      : {
          ...item,
          name: scrub.text(item.name, `folder ${quoteName(item.name)}`),
          items: scrubItems(item.items, scrub),
        },
  );
}

/** The keys as texts to look for, the empty ones left out. */
function keyTexts(keys: ImportedKeys | undefined): string[] {
  return [keys?.accessKeyId, keys?.secretAccessKey, keys?.sessionToken].filter(
    (secret): secret is string => secret !== undefined && secret !== '',
  );
}

/**
 * The workspace with its keys nowhere but in `keys`. `keyVariables` names variables the source's
 * auth read the keys from; a variable whose value is a key is found by its value.
 */
export function withoutImportedKeys(
  workspace: ImportedWorkspace,
  keyVariables: readonly string[] = [],
): ImportedWorkspace {
  const secrets = keyTexts(workspace.keys);
  if (secrets.length === 0 && keyVariables.length === 0) return workspace;

  const hidden = new NamedTally();
  const scrub = createScrubber(secrets);
  const isKey = keyMatcher(secrets);
  const keylessVariables = (variables: readonly Variable[], where: string): Variable[] =>
    variables.map((variable) => {
      if (keyVariables.includes(variable.name) || isKey(variable.value)) {
        if (variable.value !== '' || !variable.secret) hidden.add(variable.name);
        return { ...variable, secret: true, value: '' };
      }
      return {
        ...variable,
        name: scrub.text(variable.name, where),
        value: scrub.text(variable.value, where),
      };
    });
  const environments: Environment[] = workspace.environments.map((environment) => ({
    ...environment,
    name: scrub.text(environment.name, `environment ${quoteName(environment.name)}`),
    variables: keylessVariables(
      environment.variables,
      `the variables of environment ${quoteName(environment.name)}`,
    ),
  }));

  const result: ImportedWorkspace = { ...workspace, environments, notes: [...workspace.notes] };
  const collection = workspace.collection;
  if (collection !== undefined) {
    result.collection = {
      ...collection,
      name: scrub.text(collection.name, "the collection's name"),
      variables: keylessVariables(collection.variables, "the collection's variables"),
      items: scrubItems(collection.items, scrub),
    };
    if (collection.description !== undefined)
      result.collection.description = scrub.text(
        collection.description,
        "the collection's description",
      );
  }
  if (hidden.count > 0) {
    result.notes.push(
      `The variable${hidden.count === 1 ? '' : 's'} ${hidden.describe()} held AWS keys: marked secret and left empty here, as the keys are in the credentials panel.`,
    );
  }
  if (scrub.places.count > 0) {
    result.notes.push(
      `AWS keys written out in ${scrub.places.describe((place) => place)} were taken out: the keys are in the credentials panel, never in a collection.`,
    );
  }
  return result;
}

/**
 * The workspace, and the variables of the page's own environments that hold its keys: an import
 * that read its keys through them (a Postman collection's auth reads `{{secretKey}}` from an
 * environment imported before) leaves no key stored there either. They are found by value, as
 * the workspace's own variables are; the page marks them secret (ImportedWorkspace.
 * pageVariablesHoldingKeys), so their values are never written.
 */
export function withoutKeysInPage(
  workspace: ImportedWorkspace,
  pageEnvironments: readonly Environment[],
): ImportedWorkspace {
  const secrets = keyTexts(workspace.keys);
  if (secrets.length === 0) return workspace;
  const isKey = keyMatcher(secrets);
  const found: PageVariable[] = [];
  const places: string[] = [];
  for (const environment of pageEnvironments) {
    const names = new NamedTally();
    environment.variables.forEach((variable, index) => {
      if (!isKey(variable.value)) return;
      found.push({ environmentId: environment.id, index, name: variable.name });
      names.add(variable.name);
    });
    if (names.count > 0)
      places.push(`${names.describe()} of environment ${quoteName(environment.name)}`);
  }
  if (found.length === 0) return workspace;
  const shown = places.length <= 3 ? places : [...places.slice(0, 3), `${places.length - 3} more`];
  return {
    ...workspace,
    pageVariablesHoldingKeys: found,
    notes: [
      ...workspace.notes,
      `The variable${found.length === 1 ? '' : 's'} ${shown.join('; ')} held the AWS keys found: marked secret, so their values stay in this tab's memory only, as the keys in the credentials panel do.`,
    ],
  };
}
