// The item tree of a Postman collection: folders recurse (at most COLLECTION_LIMITS.maxDepth deep
// and MAX_FOLDERS in all), passing their auth down; requests at most COLLECTION_LIMITS.maxRequests.
// An item that is neither, or not in the published shape, is the one reason the import fails.
import { COLLECTION_LIMITS, type CollectionItem } from '../../collections/collectionModel';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import { MAX_FOLDERS } from '../../collections/validateCollection';
import { tooDeep, tooManyFolders, tooManyRequests } from './checkImportLimits';
import { quoteName } from './importNotes';
import { isRecord } from './jsonValues';
import { applyAuth, type EffectiveAuth } from './postmanAuth';
import { readRequest } from './postmanRequest';
import { optionalDescription, postmanItem, textOf } from './postmanSchemas';
import { hasEntries, hasScripts, nameOf, type PostmanWalk } from './postmanWalk';

type Read<T> = { ok: true; value: T } | { ok: false; error: string };

/** The items of one level; folders recurse, at most COLLECTION_LIMITS.maxDepth deep. */
export function readPostmanItems(
  raw: readonly unknown[],
  inherited: EffectiveAuth,
  folders: readonly string[],
  walk: PostmanWalk,
): Read<CollectionItem[]> {
  const items: CollectionItem[] = [];
  const where =
    folders.length === 0 ? 'the collection' : `folder ${folders.map(quoteName).join(' › ')}`;
  for (const [index, value] of raw.entries()) {
    const parsed = postmanItem.safeParse(value);
    if (!parsed.success) {
      const named =
        isRecord(value) && typeof value.name === 'string' ? ` (${quoteName(value.name)})` : '';
      return {
        ok: false,
        error: `Item ${index + 1} of ${where}${named}: ${describeSchemaIssue(parsed.error.issues, value)}.`,
      };
    }
    const item = parsed.data;
    if (item.item !== undefined) {
      const name = nameOf(item.name, 'Untitled folder');
      if (folders.length + 1 > COLLECTION_LIMITS.maxDepth)
        return { ok: false, error: tooDeep(`folder ${quoteName(name)}`) };
      if (++walk.folders > MAX_FOLDERS) return { ok: false, error: tooManyFolders() };
      const auth = applyAuth(item.auth, inherited, `folder ${quoteName(name)}`);
      if (auth !== inherited && auth.kind === 'awsv4') walk.awsAuths.push(auth);
      if (optionalDescription(item.description)) walk.tallies.add('folderDescriptions', name);
      if (hasScripts(item.event)) walk.tallies.add('scripts', name);
      if (hasEntries(item.variable)) walk.tallies.add('itemVariables', name);
      const children = readPostmanItems(item.item, auth, [...folders, name], walk);
      if (!children.ok) return children;
      items.push({ kind: 'folder', id: walk.newId(), name, items: children.value });
    } else if (item.request !== undefined) {
      walk.requests++;
      if (walk.requests > COLLECTION_LIMITS.maxRequests)
        return { ok: false, error: tooManyRequests('more') };
      items.push(readRequest(item, inherited, walk));
    } else {
      const named = item.name === undefined ? '' : ` (${quoteName(textOf(item.name))})`;
      return {
        ok: false,
        error: `Item ${index + 1} of ${where}${named} is neither a request ("request") nor a folder ("item").`,
      };
    }
  }
  return { ok: true, value: items };
}
