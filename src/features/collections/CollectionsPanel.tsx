import './collections.css';
import { useMemo, useState } from 'react';
import type { Collection } from '../../collections/collectionModel';
import type { CollectionPlace } from '../../store/collectionsState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { CollectionCard } from './CollectionCard';
import { ImportCollection } from './ImportCollection';
import { actionsButtonId, TreeStateContext, type TreeState } from './treeState';

/** Deleted something? Undo, as long as nothing else changed since. */
function Messages() {
  const undo = usePlaygroundStore((s) => s.collections.undo);
  const error = usePlaygroundStore((s) => s.collections.error);
  const skipped = usePlaygroundStore((s) => s.collections.skipped);
  const undoDeletion = usePlaygroundStore((s) => s.collections.undoDeletion);
  const dismissUndo = usePlaygroundStore((s) => s.collections.dismissUndo);
  const dismissError = usePlaygroundStore((s) => s.collections.dismissError);
  return (
    <>
      <div role="status" className="collections-status">
        {undo !== null && (
          <p className="undo-bar">
            <span>{undo.message}</span>
            <button type="button" className="small-button" onClick={undoDeletion}>
              Undo
            </button>
            <button type="button" className="link-button" onClick={dismissUndo}>
              Dismiss
            </button>
          </p>
        )}
      </div>
      {error !== null && (
        <div className="warning-box" role="alert">
          <p>{error}</p>
          <button type="button" className="small-button" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      {skipped.length > 0 && (
        <ul className="hint" aria-label="Not loaded">
          {skipped.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function NewCollection() {
  const createCollection = usePlaygroundStore((s) => s.collections.createCollection);
  const [name, setName] = useState('');
  return (
    <form
      className="new-collection"
      onSubmit={(event) => {
        event.preventDefault();
        createCollection(name);
        setName('');
      }}
    >
      <input
        aria-label="New collection name"
        placeholder="New collection name"
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="small-button">
        Create collection
      </button>
    </form>
  );
}

function CollectionList({
  title,
  place,
  collections,
  problems = [],
  empty,
}: {
  title: string;
  place: CollectionPlace;
  collections: readonly Collection[] | null;
  problems?: readonly string[];
  empty: string;
}) {
  return (
    <section className="collection-place" aria-label={title}>
      <h3>{title}</h3>
      {collections === null ? (
        <p className="hint">Loading…</p>
      ) : collections.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <div className="collection-list">
          {collections.map((collection) => (
            <CollectionCard key={collection.id} collection={collection} place={place} />
          ))}
        </div>
      )}
      {problems.length > 0 && (
        <ul className="hint" aria-label="Not readable">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * Saved requests in collections with folders: those kept in this browser, and those in the folder
 * `npm start -- --collections DIR` serves, each listed under where it is kept.
 */
export function CollectionsPanel() {
  const status = usePlaygroundStore((s) => s.collections.status);
  const browser = usePlaygroundStore((s) => s.collections.browser);
  const disk = usePlaygroundStore((s) => s.collections.disk);
  // The same object while the form is edited: the tree renders again only when it changes.
  const current = usePlaygroundStore((s) => s.request.savedFrom);
  const [actionsFor, setActionsFor] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const tree = useMemo<TreeState>(
    () => ({
      current,
      actionsFor,
      setActionsFor,
      renaming,
      startRenaming: (id) => {
        setActionsFor(null);
        setRenaming(id);
      },
      doneRenaming: (id) => {
        setRenaming(null);
        // The field is gone: focus goes back to where the user was, not to the page's top.
        requestAnimationFrame(() => document.getElementById(actionsButtonId(id))?.focus());
      },
    }),
    [current, actionsFor, renaming],
  );
  return (
    <TreeStateContext value={tree}>
      <div className="collections">
        <Messages />
        <div className="collections-tools">
          <NewCollection />
          <ImportCollection />
        </div>
        {disk !== null && (
          <CollectionList
            title="On disk"
            place="disk"
            collections={disk.status === 'loading' ? null : disk.collections}
            problems={disk.problems}
            empty={`No collections in ${disk.folder} yet.`}
          />
        )}
        <CollectionList
          title="In this browser"
          place="browser"
          collections={status === 'loading' ? null : browser}
          empty="No collections yet: create one, or save the request with Save as…."
        />
      </div>
    </TreeStateContext>
  );
}
