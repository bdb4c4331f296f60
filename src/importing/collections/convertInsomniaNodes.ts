// Insomnia's folder tree → collection items: each folder passes its auth (if it has one that
// counts), headers and variables down; gRPC, WebSocket and other requests are left out and noted.
import type { CollectionItem } from '../../collections/collectionModel';
import { withHeaders, withVariables } from './folderInheritance';
import { importedName } from './importedRequest';
import { enabledPairs } from './insomniaBody';
import { flattenEnvironmentData } from './insomniaEnvironment';
import {
  effectiveAuth,
  requestItem,
  type InsomniaContext,
  type InsomniaInherited,
} from './insomniaRequest';
import { textOf } from './insomniaSchemas';
import type { InsomniaNode } from './readInsomniaTree';

/** Folder variables as text, templates converted (nested data flattened as environments are). */
function folderVariables(environment: unknown, context: InsomniaContext): Map<string, string> {
  const flat = flattenEnvironmentData(environment, context.templates);
  return new Map(flat.variables.map((variable) => [variable.name, variable.value]));
}

/** Depth is bounded by readInsomniaTree (COLLECTION_LIMITS.maxDepth). */
export function convertNodes(
  nodes: readonly InsomniaNode[],
  inherited: InsomniaInherited,
  context: InsomniaContext,
): CollectionItem[] {
  const items: CollectionItem[] = [];
  for (const node of nodes) {
    if (node.kind === 'other') {
      context.notes.add('skippedRequests', node.name);
      continue;
    }
    if (node.kind === 'request') {
      items.push(requestItem(node.fields, node.description, inherited, context));
      continue;
    }
    const own = folderVariables(node.fields.environment, context);
    // Converted where they are sent, in each request, with the variables there.
    const folderHeaders = enabledPairs(node.fields.headers, (text) => text);
    const inner: InsomniaInherited = {
      auth: effectiveAuth(node.fields.authentication) ?? inherited.auth,
      headers: withHeaders(inherited.headers, folderHeaders),
      variables: withVariables(inherited.variables, own),
    };
    items.push({
      kind: 'folder',
      id: context.newId(),
      name: importedName(textOf(node.fields.name), 'Untitled folder'),
      items: convertNodes(node.children, inner, context),
    });
  }
  return items;
}
