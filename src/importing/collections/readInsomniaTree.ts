// Insomnia's two export formats read into one tree, so that a single converter
// (importInsomnia.ts) makes the collection: format 4 lists resources flat and links them by
// `parentId`; format 5 nests folders' `children`. Each node is checked against its schema
// (insomniaSchemas.ts) as it is reached, and the walk keeps to COLLECTION_LIMITS.
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { describeSchemaIssue } from '../../collections/describeSchemaIssue';
import { tooDeep, tooManyRequests } from './checkImportLimits';
import { quoteName } from './importNotes';
import {
  textOf,
  v4Environment,
  v4Export,
  v4Folder,
  v4Request,
  v4Resource,
  v5File,
  v5Folder,
  v5Node,
  v5Request,
  type InsomniaFolderFields,
  type InsomniaRequestFields,
  type V4Resource,
} from './insomniaSchemas';

export type InsomniaNode =
  | { kind: 'request'; fields: InsomniaRequestFields; description: string }
  | { kind: 'folder'; fields: InsomniaFolderFields; description: string; children: InsomniaNode[] }
  /** gRPC, WebSocket, Socket.IO, MCP: not HTTP requests the playground can send. */
  | { kind: 'other'; name: string };

export interface InsomniaEnvironmentData {
  name: string;
  data: unknown;
}

export interface InsomniaTree {
  format: string;
  name: string;
  description: string;
  /** Absent when the file holds environments only. */
  children?: InsomniaNode[];
  base?: InsomniaEnvironmentData;
  subEnvironments: InsomniaEnvironmentData[];
  notes: string[];
}

export type InsomniaTreeResult = { ok: true; tree: InsomniaTree } | { ok: false; error: string };

/** Counts requests across the walk, so a hostile file stops at the limit. */
class Walk {
  requests = 0;
  error: string | undefined;

  countRequest(): boolean {
    this.requests++;
    if (this.requests > COLLECTION_LIMITS.maxRequests) this.error ??= tooManyRequests('more');
    return this.error === undefined;
  }
}

/** Insomnia orders siblings by their sort key, smallest first; equal keys keep the file's order. */
function sortBySortKey<T>(items: readonly { key: number | null | undefined; item: T }[]): T[] {
  return items
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => (a.key ?? 0) - (b.key ?? 0) || a.index - b.index)
    .map((entry) => entry.item);
}

const OTHER_V4_TYPES = new Set([
  'grpc_request',
  'websocket_request',
  'socketio_request',
  'mcp_request',
]);

// Format 4.

function readV4(resources: readonly unknown[]): InsomniaTreeResult {
  const all: V4Resource[] = [];
  const raw: unknown[] = [];
  for (const [index, resource] of resources.entries()) {
    const parsed = v4Resource.safeParse(resource);
    if (!parsed.success)
      return {
        ok: false,
        error: `This Insomnia export is not valid: ${describeSchemaIssue(parsed.error.issues, resource, ['resources', index])}.`,
      };
    all.push(parsed.data);
    raw.push(resource);
  }
  const ids = new Set(all.map((resource) => resource._id));
  const byParent = new Map<string, number[]>();
  for (const [index, resource] of all.entries()) {
    const parent = resource.parentId ?? '';
    const siblings = byParent.get(parent);
    if (siblings === undefined) byParent.set(parent, [index]);
    else siblings.push(index);
  }
  const childrenOf = (id: string) => byParent.get(id) ?? [];
  const isContent = (type: string) =>
    type === 'request' || type === 'request_group' || OTHER_V4_TYPES.has(type);

  // The workspace whose requests are imported: an export holds one (or, from an importer, none).
  const workspaces = all.filter((resource) => resource._type === 'workspace');
  const withContent = workspaces.filter((workspace) =>
    childrenOf(workspace._id).some((index) => isContent(all[index]!._type)),
  );
  if (withContent.length > 1) {
    const names = withContent.map((workspace) => quoteName(textOf(workspace.name))).join(', ');
    return {
      ok: false,
      error: `This Insomnia export holds ${withContent.length} collections (${names}): export one collection at a time (its menu → Export) and import each.`,
    };
  }
  const workspace = withContent[0] ?? workspaces[0];
  const isRoot = (resource: V4Resource) =>
    workspace === undefined
      ? !ids.has(resource.parentId ?? '')
      : resource.parentId === workspace._id;

  const walk = new Walk();
  const visited = new Set<number>();
  const nodeAt = (index: number, depth: number): InsomniaNode | undefined => {
    const resource = all[index]!;
    const where = ['resources', index];
    if (resource._type === 'request') {
      const fields = v4Request.safeParse(raw[index]);
      if (!fields.success) {
        walk.error ??= `This Insomnia export is not valid: ${describeSchemaIssue(fields.error.issues, raw[index], where)}.`;
        return undefined;
      }
      if (!walk.countRequest()) return undefined;
      return { kind: 'request', fields: fields.data, description: resource.description ?? '' };
    }
    if (resource._type === 'request_group') {
      const fields = v4Folder.safeParse(raw[index]);
      if (!fields.success) {
        walk.error ??= `This Insomnia export is not valid: ${describeSchemaIssue(fields.error.issues, raw[index], where)}.`;
        return undefined;
      }
      if (depth >= COLLECTION_LIMITS.maxDepth) {
        walk.error ??= tooDeep(`folder ${quoteName(textOf(fields.data.name))}`);
        return undefined;
      }
      return {
        kind: 'folder',
        fields: fields.data,
        description: resource.description ?? '',
        children: childrenAt(resource._id, depth + 1),
      };
    }
    return OTHER_V4_TYPES.has(resource._type)
      ? { kind: 'other', name: textOf(resource.name) }
      : undefined;
  };
  // A resource is placed once, under the first parent that reaches it: ids that repeat or point
  // at each other cannot make the walk go round.
  const childrenAt = (parentId: string, depth: number): InsomniaNode[] => {
    const entries: { key: number | null | undefined; item: InsomniaNode }[] = [];
    for (const index of childrenOf(parentId)) {
      if (visited.has(index) || walk.error !== undefined) continue;
      visited.add(index);
      const node = nodeAt(index, depth);
      if (node !== undefined) entries.push({ key: all[index]!.metaSortKey, item: node });
    }
    return sortBySortKey(entries);
  };

  let children: InsomniaNode[] | undefined;
  if (workspace !== undefined) children = childrenAt(workspace._id, 0);
  else {
    const roots = new Set(all.filter(isRoot).map((resource) => resource.parentId ?? ''));
    children = [...roots].flatMap((parent) => childrenAt(parent, 0));
  }
  if (walk.error !== undefined) return { ok: false, error: walk.error };

  // The base environment hangs off the workspace; sub environments off the base.
  const environments = all
    .map((resource, index) => ({ resource, index }))
    .filter(({ resource }) => resource._type === 'environment');
  const baseEntry = environments.find(({ resource }) => isRoot(resource));
  let base: InsomniaEnvironmentData | undefined;
  const subEnvironments: InsomniaEnvironmentData[] = [];
  if (baseEntry !== undefined) {
    const parsed = v4Environment.safeParse(raw[baseEntry.index]);
    if (!parsed.success)
      return {
        ok: false,
        error: `This Insomnia export is not valid: ${describeSchemaIssue(parsed.error.issues, raw[baseEntry.index], ['resources', baseEntry.index])}.`,
      };
    base = { name: textOf(parsed.data.name) || 'Base Environment', data: parsed.data.data };
    const subs: { key: number | null | undefined; item: InsomniaEnvironmentData }[] = [];
    for (const { resource, index } of environments) {
      if (resource.parentId !== baseEntry.resource._id) continue;
      const sub = v4Environment.safeParse(raw[index]);
      if (!sub.success)
        return {
          ok: false,
          error: `This Insomnia export is not valid: ${describeSchemaIssue(sub.error.issues, raw[index], ['resources', index])}.`,
        };
      subs.push({
        key: resource.metaSortKey,
        item: { name: textOf(sub.data.name) || 'Environment', data: sub.data.data },
      });
    }
    subEnvironments.push(...sortBySortKey(subs));
  }

  const hasContent = all.some((resource) => isContent(resource._type));
  const tree: InsomniaTree = {
    format: 'Insomnia export (format 4)',
    name: textOf(workspace?.name) || 'Insomnia collection',
    description: workspace?.description ?? '',
    subEnvironments,
    notes: [],
  };
  // Only environments (a global environment, or an export of just those): no collection.
  if (hasContent || baseEntry === undefined) tree.children = children;
  if (base !== undefined) tree.base = base;
  return { ok: true, tree };
}

// Format 5.

function readV5Nodes(
  nodes: readonly unknown[],
  path: (string | number)[],
  depth: number,
  walk: Walk,
): InsomniaNode[] {
  const entries: { key: number | null | undefined; item: InsomniaNode }[] = [];
  for (const [index, node] of nodes.entries()) {
    if (walk.error !== undefined) break;
    const where = [...path, index];
    const shape = v5Node.safeParse(node);
    if (!shape.success) {
      walk.error = `This Insomnia file is not valid: ${describeSchemaIssue(shape.error.issues, node, where)}.`;
      break;
    }
    const id = shape.data.meta?.id ?? '';
    const key = shape.data.meta?.sortKey;
    if (typeof shape.data.method === 'string') {
      const fields = v5Request.safeParse(node);
      if (!fields.success) {
        walk.error = `This Insomnia file is not valid: ${describeSchemaIssue(fields.error.issues, node, where)}.`;
        break;
      }
      if (!walk.countRequest()) break;
      entries.push({
        key,
        item: {
          kind: 'request',
          fields: fields.data,
          description: fields.data.meta?.description ?? '',
        },
      });
      continue;
    }
    const other =
      /^(ws-req|socketio-req|mcp|greq)/.test(id) ||
      shape.data.reflectionApi !== undefined ||
      shape.data.protoMethodName !== undefined;
    if (other) {
      entries.push({ key, item: { kind: 'other', name: textOf(shape.data.name) } });
      continue;
    }
    const fields = v5Folder.safeParse(node);
    if (!fields.success) {
      walk.error = `This Insomnia file is not valid: ${describeSchemaIssue(fields.error.issues, node, where)}.`;
      break;
    }
    if (depth >= COLLECTION_LIMITS.maxDepth) {
      walk.error = tooDeep(`folder ${quoteName(textOf(fields.data.name))}`);
      break;
    }
    const children = readV5Nodes(
      shape.data.children ?? [],
      [...where, 'children'],
      depth + 1,
      walk,
    );
    entries.push({
      key,
      item: {
        kind: 'folder',
        fields: fields.data,
        description: fields.data.meta?.description ?? '',
        children,
      },
    });
  }
  return sortBySortKey(entries);
}

const V5_TYPE = /^(collection|spec|environment|mock|mcpClient)\.insomnia(?:\.rest)?\/5\.\d+$/;

/** Whether a format 5 file's `type` is one of Insomnia's (`collection.insomnia.rest/5.0`, …). */
export function isInsomniaV5Type(type: string): boolean {
  return V5_TYPE.test(type);
}

function readV5(value: unknown): InsomniaTreeResult {
  const file = v5File.safeParse(value);
  if (!file.success)
    return {
      ok: false,
      error: `This Insomnia file is not valid: ${describeSchemaIssue(file.error.issues, value)}.`,
    };
  const kind = V5_TYPE.exec(file.data.type)?.[1];
  if (kind === 'mock' || kind === 'mcpClient')
    return {
      ok: false,
      error: `This Insomnia file is a ${kind === 'mock' ? 'mock server' : 'MCP client'}, not a collection of requests.`,
    };
  const walk = new Walk();
  const tree: InsomniaTree = {
    format: `Insomnia ${kind === 'environment' ? 'environments' : kind === 'spec' ? 'design document' : 'collection'} (format 5)`,
    name: textOf(file.data.name) || 'Insomnia collection',
    description: file.data.meta?.description ?? '',
    subEnvironments: [],
    notes: [],
  };
  if (kind !== 'environment')
    tree.children = readV5Nodes(file.data.collection ?? [], ['collection'], 0, walk);
  if (walk.error !== undefined) return { ok: false, error: walk.error };
  const environments = file.data.environments;
  if (environments !== undefined && environments !== null) {
    tree.base = { name: textOf(environments.name) || 'Base Environment', data: environments.data };
    tree.subEnvironments = sortBySortKey(
      (environments.subEnvironments ?? []).map((sub) => ({
        key: sub.meta?.sortKey,
        item: { name: textOf(sub.name) || 'Environment', data: sub.data },
      })),
    );
  }
  if (kind === 'spec')
    tree.notes.push(
      'The design document’s API spec was not imported: only its requests and environments.',
    );
  return { ok: true, tree };
}

/** Which format the parsed file is in, and its tree; a clear sentence when it is neither. */
export function readInsomniaTree(value: unknown): InsomniaTreeResult {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if ('__export_format' in record) {
      const exported = v4Export.safeParse(value);
      if (!exported.success)
        return {
          ok: false,
          error: `This Insomnia export is not valid: ${describeSchemaIssue(exported.error.issues, value)}.`,
        };
      // Format 3 lists resources as format 4 does; 1 and 2 predate Insomnia 5 (2017).
      if (exported.data.__export_format !== 4 && exported.data.__export_format !== 3)
        return {
          ok: false,
          error: `This is Insomnia export format ${exported.data.__export_format}; the playground reads formats 4 (JSON) and 5 (YAML): export it again from a current Insomnia.`,
        };
      return readV4(exported.data.resources);
    }
    if (typeof record.type === 'string' && isInsomniaV5Type(record.type)) return readV5(value);
  }
  return {
    ok: false,
    error:
      'Not an Insomnia export: Insomnia’s JSON export starts with "__export_format": 4, its YAML export with type: collection.insomnia.rest/5.0.',
  };
}
