import { useState } from 'react';
import type { Collection } from '../../collections/collectionModel';
import { InlineName } from '../../components/ui/InlineName';
import type { CollectionPlace } from '../../store/collectionsState';
import { countRequests } from '../../store/collectionTree';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { CollectionItems } from './CollectionItems';
import { CollectionVariables } from './CollectionVariables';
import { actionsButtonId, useTreeState } from './treeState';
import { useExportPostman } from './useExportPostman';

/** One collection: its name, its actions and its tree of folders and requests. */
export function CollectionCard({
  collection,
  place,
}: {
  collection: Collection;
  place: CollectionPlace;
}) {
  const tree = useTreeState();
  const renameCollection = usePlaygroundStore((s) => s.collections.renameCollection);
  const deleteCollection = usePlaygroundStore((s) => s.collections.deleteCollection);
  const copyToDisk = usePlaygroundStore((s) => s.collections.copyToDisk);
  const diskConnected = usePlaygroundStore((s) => s.collections.disk !== null);
  const newFolder = usePlaygroundStore((s) => s.collections.newFolder);
  const exportPostman = useExportPostman();
  const [expanded, setExpanded] = useState(true);
  const { id, name } = collection;
  const actionsOpen = tree.actionsFor === id;
  const requests = countRequests(collection.items);
  return (
    <section className="collection" aria-label={`Collection ${name}`}>
      <div className="tree-row collection-head">
        {tree.renaming === id ? (
          <InlineName
            editing
            value={name}
            label={`Name of the collection ${name}`}
            onRename={(newName) => renameCollection(id, newName)}
            onDone={() => tree.doneRenaming(id)}
          />
        ) : (
          <button
            type="button"
            className="tree-open collection-toggle"
            aria-expanded={expanded}
            onClick={() => setExpanded(!expanded)}
          >
            <span aria-hidden="true" className="tree-caret">
              {expanded ? '▾' : '▸'}
            </span>
            <span className="tree-name">{name}</span>
            <span className="muted collection-count">
              {requests} request{requests === 1 ? '' : 's'}
              {place === 'disk' && ` · On disk: ${id}/`}
            </span>
          </button>
        )}
        <button
          type="button"
          id={actionsButtonId(id)}
          className="small-button tree-more"
          aria-expanded={actionsOpen}
          aria-label={`Actions for the collection ${name}`}
          onClick={() => tree.setActionsFor(actionsOpen ? null : id)}
        >
          …
        </button>
      </div>
      {actionsOpen && (
        <div
          className="tree-actions"
          role="group"
          aria-label={`Actions for the collection ${name}`}
        >
          <button
            type="button"
            className="small-button"
            aria-label={`Rename the collection ${name}`}
            onClick={() => tree.startRenaming(id)}
          >
            Rename
          </button>
          <button
            type="button"
            className="small-button"
            aria-label={`New folder in the collection ${name}`}
            onClick={() => {
              const folder = newFolder(id, null, 'New folder');
              setExpanded(true);
              if (folder !== null) tree.startRenaming(folder);
            }}
          >
            New folder
          </button>
          <button
            type="button"
            className="small-button"
            aria-label={`Export ${name} to Postman`}
            onClick={() => void exportPostman.run(collection)}
          >
            Export to Postman
          </button>
          {place === 'browser' && diskConnected && (
            <button
              type="button"
              className="small-button"
              aria-label={`Copy ${name} to disk`}
              onClick={() => copyToDisk(id)}
            >
              Copy to disk
            </button>
          )}
          {place === 'browser' && (
            <button
              type="button"
              className="small-button danger"
              aria-label={`Delete the collection ${name}`}
              onClick={() => deleteCollection(id)}
            >
              Delete
            </button>
          )}
        </div>
      )}
      {exportPostman.message !== null && (
        <div className="collection-export" role="status">
          <p className={exportPostman.message.ok ? undefined : 'bad'}>
            {exportPostman.message.text}{' '}
            <button type="button" className="link-button" onClick={exportPostman.dismiss}>
              Dismiss
            </button>
          </p>
          {exportPostman.message.notes.length > 0 && (
            <ul className="hint" aria-label="Export notes">
              {exportPostman.message.notes.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {expanded && <CollectionVariables collection={collection} />}
      {expanded && (
        <CollectionItems
          collectionId={id}
          allItems={collection.items}
          items={collection.items}
          parentId={null}
          label={`Requests in ${name}`}
        />
      )}
    </section>
  );
}
