import { useState } from 'react';
import type { SaveResult } from '../../store/collectionsState';
import { folderChoices } from '../../store/collectionTree';
import { playgroundStore, usePlaygroundStore } from '../../store/usePlaygroundStore';

const NEW_COLLECTION = '\u0000new';
const TOP_LEVEL = '';

/** The request's name as first offered: its method and the URL's path. */
function suggestedName(method: string, url: string): string {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^?#]*)/i.exec(url)?.[1] ?? '';
  return `${method} ${path || url}`.slice(0, 120);
}

/**
 * "Save as…": a name, a collection (or a new one) and a folder. The disk folder's collections are
 * offered beside the browser's, named by where they are kept.
 */
export function SaveAsForm({
  onSaved,
  onCancel,
}: {
  onSaved: (result: Extract<SaveResult, { ok: true }>) => void;
  onCancel: () => void;
}) {
  const browser = usePlaygroundStore((s) => s.collections.browser);
  const disk = usePlaygroundStore((s) => s.collections.disk);
  const createCollection = usePlaygroundStore((s) => s.collections.createCollection);
  const saveRequestAs = usePlaygroundStore((s) => s.collections.saveRequestAs);

  const choices = [
    ...(disk?.collections ?? []).map((collection) => ({
      collection,
      label: `${collection.name} (on disk: ${disk!.folder})`,
    })),
    ...browser.map((collection) => ({ collection, label: collection.name })),
  ];
  // The form's request is read once, when it opens: subscribing to its URL would re-render the
  // form on each keystroke typed into the URL while it is open, for a value only the first render uses.
  const [name, setName] = useState(() => {
    const { method, url } = playgroundStore.getState().request;
    return suggestedName(method, url);
  });
  const [collectionId, setCollectionId] = useState(() => {
    const savedFromCollection = playgroundStore.getState().request.savedFrom?.collectionId;
    return (
      choices.find((choice) => choice.collection.id === savedFromCollection)?.collection.id ??
      choices[0]?.collection.id ??
      NEW_COLLECTION
    );
  });
  const [newCollectionName, setNewCollectionName] = useState('');
  const [folderId, setFolderId] = useState(TOP_LEVEL);
  const [error, setError] = useState<string | null>(null);
  const chosen = choices.find((choice) => choice.collection.id === collectionId)?.collection;
  const folders = chosen === undefined ? [] : folderChoices(chosen.items);

  return (
    <form
      className="save-as"
      aria-label="Save request as"
      onSubmit={(event) => {
        event.preventDefault();
        const target =
          collectionId === NEW_COLLECTION ? createCollection(newCollectionName) : collectionId;
        const result = saveRequestAs({
          collectionId: target,
          folderId: folderId === TOP_LEVEL ? null : folderId,
          name,
        });
        if (result.ok) onSaved(result);
        else setError(result.error);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <div className="field">
        <label htmlFor="save-as-name">Request name</label>
        <input
          id="save-as-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          // Opened by "Save as…": the name is what the user types first.
          autoFocus
        />
      </div>
      <div className="field-row">
        <div className="field field-grow">
          <label htmlFor="save-as-collection">Collection</label>
          <select
            id="save-as-collection"
            value={collectionId}
            onChange={(event) => {
              setCollectionId(event.target.value);
              setFolderId(TOP_LEVEL);
            }}
          >
            {choices.map((choice) => (
              <option key={choice.collection.id} value={choice.collection.id}>
                {choice.label}
              </option>
            ))}
            <option value={NEW_COLLECTION}>New collection…</option>
          </select>
        </div>
        {collectionId === NEW_COLLECTION ? (
          <div className="field field-grow">
            <label htmlFor="save-as-new-collection">New collection name</label>
            <input
              id="save-as-new-collection"
              value={newCollectionName}
              placeholder="New collection"
              onChange={(event) => setNewCollectionName(event.target.value)}
            />
          </div>
        ) : (
          <div className="field field-grow">
            <label htmlFor="save-as-folder">Folder</label>
            <select
              id="save-as-folder"
              value={folderId}
              onChange={(event) => setFolderId(event.target.value)}
            >
              <option value={TOP_LEVEL}>(top level)</option>
              {folders.map((folder) => (
                <option key={folder.id} value={folder.id}>
                  {folder.label}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {error !== null && (
        <p className="bad" role="alert">
          {error}
        </p>
      )}
      <div className="step-actions">
        <button type="submit">Save</button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
