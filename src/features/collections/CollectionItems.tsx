import { useState } from 'react';
import type { CollectionItem, SavedFolder, SavedRequest } from '../../collections/collectionModel';
import { InlineName } from '../../components/ui/InlineName';
import { ItemActions } from './ItemActions';
import { actionsButtonId, collectionActions, useTreeState } from './treeState';

interface RowProps {
  collectionId: string;
  allItems: readonly CollectionItem[];
  parentId: string | null;
  isFirst: boolean;
  isLast: boolean;
}

/** The "…" button that shows an item's actions below it. */
function ActionsToggle({ id, name }: { id: string; name: string }) {
  const tree = useTreeState();
  const open = tree.actionsFor === id;
  return (
    <button
      type="button"
      id={actionsButtonId(id)}
      className="small-button tree-more"
      aria-expanded={open}
      aria-label={`Actions for ${name}`}
      onClick={() => tree.setActionsFor(open ? null : id)}
    >
      …
    </button>
  );
}

function RequestRow({ request, ...row }: RowProps & { request: SavedRequest }) {
  const tree = useTreeState();
  const isCurrent =
    tree.current?.collectionId === row.collectionId && tree.current.requestId === request.id;
  return (
    <li className={isCurrent ? 'tree-item tree-current' : 'tree-item'}>
      <div className="tree-row">
        {tree.renaming === request.id ? (
          <InlineName
            editing
            value={request.name}
            label={`Name of ${request.name}`}
            onRename={(name) => collectionActions().renameItem(row.collectionId, request.id, name)}
            onDone={() => tree.doneRenaming(request.id)}
          />
        ) : (
          <button
            type="button"
            className="tree-open"
            aria-label={`Open ${request.name}`}
            aria-current={isCurrent ? 'true' : undefined}
            onClick={() => collectionActions().openRequest(row.collectionId, request.id)}
          >
            <span className="tree-method">{request.method}</span>
            <span className="tree-name">{request.name}</span>
          </button>
        )}
        {request.description?.startsWith('AWS_IAM') === true && (
          // API Gateway's export said this route checks a SigV4 signature (importOpenApi).
          <span className="tag tree-iam" title="API Gateway checks a SigV4 signature on this route">
            AWS_IAM
          </span>
        )}
        <ActionsToggle id={request.id} name={request.name} />
      </div>
      {tree.actionsFor === request.id && <ItemActions item={request} {...row} />}
    </li>
  );
}

function FolderRow({ folder, ...row }: RowProps & { folder: SavedFolder }) {
  const tree = useTreeState();
  const [expanded, setExpanded] = useState(true);
  return (
    <li className="tree-item tree-folder">
      <div className="tree-row">
        {tree.renaming === folder.id ? (
          <InlineName
            editing
            value={folder.name}
            label={`Name of ${folder.name}`}
            onRename={(name) => collectionActions().renameItem(row.collectionId, folder.id, name)}
            onDone={() => tree.doneRenaming(folder.id)}
          />
        ) : (
          <button
            type="button"
            className="tree-open tree-folder-toggle"
            aria-expanded={expanded}
            aria-label={`Folder ${folder.name}`}
            onClick={() => setExpanded(!expanded)}
          >
            <span aria-hidden="true" className="tree-caret">
              {expanded ? '▾' : '▸'}
            </span>
            <span className="tree-name">{folder.name}</span>
          </button>
        )}
        <ActionsToggle id={folder.id} name={folder.name} />
      </div>
      {tree.actionsFor === folder.id && <ItemActions item={folder} {...row} />}
      {expanded && (
        <CollectionItems
          collectionId={row.collectionId}
          allItems={row.allItems}
          items={folder.items}
          parentId={folder.id}
          label={`In ${folder.name}`}
        />
      )}
    </li>
  );
}

/** One level of a collection's tree: requests open on click, folders fold. */
export function CollectionItems({
  collectionId,
  allItems,
  items,
  parentId,
  label,
}: {
  collectionId: string;
  allItems: readonly CollectionItem[];
  items: readonly CollectionItem[];
  parentId: string | null;
  label: string;
}) {
  if (items.length === 0)
    return <p className="hint tree-empty">{parentId === null ? 'No requests yet.' : 'Empty.'}</p>;
  return (
    <ul className="tree" aria-label={label}>
      {items.map((item, index) => {
        const row = {
          collectionId,
          allItems,
          parentId,
          isFirst: index === 0,
          isLast: index === items.length - 1,
        };
        return item.kind === 'request' ? (
          <RequestRow key={item.id} request={item} {...row} />
        ) : (
          <FolderRow key={item.id} folder={item} {...row} />
        );
      })}
    </ul>
  );
}
