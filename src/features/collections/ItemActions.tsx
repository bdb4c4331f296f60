import type { CollectionItem } from '../../collections/collectionModel';
import { folderChoices, isValidDestination } from '../../store/collectionTree';
import { collectionActions, useTreeState } from './treeState';

const TOP_LEVEL = '(top level)';

/**
 * The actions on one request or folder, as buttons whose names say what they act on ("Move
 * Hello up"), so a screen reader reads them out of context too.
 */
export function ItemActions({
  collectionId,
  allItems,
  item,
  parentId,
  isFirst,
  isLast,
}: {
  collectionId: string;
  /** The whole collection's items (for "Move to"). */
  allItems: readonly CollectionItem[];
  item: CollectionItem;
  parentId: string | null;
  isFirst: boolean;
  isLast: boolean;
}) {
  const tree = useTreeState();
  const actions = collectionActions();
  const destinations = [{ id: TOP_LEVEL, label: 'Top level' }, ...folderChoices(allItems)].filter(
    (choice) =>
      (choice.id === TOP_LEVEL ? null : choice.id) !== parentId &&
      isValidDestination(allItems, item.id, choice.id === TOP_LEVEL ? null : choice.id),
  );
  const name = item.name;
  return (
    <div className="tree-actions" role="group" aria-label={`Actions for ${name}`}>
      <button
        type="button"
        className="small-button"
        aria-label={`Rename ${name}`}
        onClick={() => tree.startRenaming(item.id)}
      >
        Rename
      </button>
      {item.kind === 'request' ? (
        <button
          type="button"
          className="small-button"
          aria-label={`Duplicate ${name}`}
          onClick={() => {
            const copy = actions.duplicateRequest(collectionId, item.id);
            if (copy !== null) tree.setActionsFor(copy);
          }}
        >
          Duplicate
        </button>
      ) : (
        <button
          type="button"
          className="small-button"
          aria-label={`New folder in ${name}`}
          onClick={() => {
            const folder = actions.newFolder(collectionId, item.id, 'New folder');
            if (folder !== null) tree.startRenaming(folder);
          }}
        >
          New folder
        </button>
      )}
      <button
        type="button"
        className="small-button"
        aria-label={`Move ${name} up`}
        disabled={isFirst}
        onClick={() => actions.moveItem(collectionId, item.id, -1)}
      >
        Up
      </button>
      <button
        type="button"
        className="small-button"
        aria-label={`Move ${name} down`}
        disabled={isLast}
        onClick={() => actions.moveItem(collectionId, item.id, 1)}
      >
        Down
      </button>
      {destinations.length > 0 && (
        <select
          className="tree-move"
          aria-label={`Move ${name} to`}
          value=""
          onChange={(event) => {
            const target = event.target.value;
            actions.moveItemTo(collectionId, item.id, target === TOP_LEVEL ? null : target);
          }}
        >
          <option value="" disabled>
            Move to…
          </option>
          {destinations.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.label}
            </option>
          ))}
        </select>
      )}
      <button
        type="button"
        className="small-button danger"
        aria-label={`Delete ${name}`}
        onClick={() => actions.deleteItem(collectionId, item.id)}
      >
        Delete
      </button>
    </div>
  );
}
