import { useRef, useState } from 'react';
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { playgroundStore, usePlaygroundStore } from '../../store/usePlaygroundStore';
import { newItemId } from '../../store/collectionTree';

type ImportOutcome =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; summary: string; notes: string[] }
  | { kind: 'failed'; error: string };

/** UTF-8 takes up to 4 bytes a character: a file larger than this cannot be within the bound. */
const MAX_FILE_BYTES = COLLECTION_LIMITS.maxFileChars * 4;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * "Import collection…": a Postman collection and its environments (or any format the importers
 * read). The importers load on first use. Keys found go to the credentials panel (memory only);
 * the collection goes into this browser, its environments to Environments.
 */
export function ImportCollection() {
  const input = useRef<HTMLInputElement>(null);
  const importWorkspace = usePlaygroundStore((s) => s.collections.importWorkspace);
  const [outcome, setOutcome] = useState<ImportOutcome>({ kind: 'idle' });

  const importFiles = async (files: File[]) => {
    if (files.length === 0) return;
    const tooLarge = files.find((file) => file.size > MAX_FILE_BYTES);
    if (tooLarge !== undefined) {
      setOutcome({ kind: 'failed', error: `“${tooLarge.name}” is too large to be a collection.` });
      return;
    }
    setOutcome({ kind: 'reading' });
    try {
      const [{ importCollectionFiles }, texts] = await Promise.all([
        import('../../importing/collections/importCollectionFile'),
        Promise.all(files.map((file) => file.text())),
      ]);
      const result = importCollectionFiles(
        files.map((file, index) => ({ fileName: file.name, text: texts[index]! })),
        { newId: () => newItemId('r'), environments: playgroundStore.getState().environments.list },
      );
      if (!result.ok) {
        setOutcome({ kind: 'failed', error: result.error });
        return;
      }
      const { workspace } = result;
      importWorkspace(workspace);
      const parts = [
        ...(workspace.collection ? [`the collection “${workspace.collection.name}”`] : []),
        ...(workspace.environments.length > 0
          ? [plural(workspace.environments.length, 'environment')]
          : []),
      ];
      setOutcome({
        kind: 'done',
        summary: `Imported ${parts.join(' and ') || 'nothing'} (${workspace.format}).${
          workspace.keys
            ? ' Its AWS keys are in Credentials, in this tab’s memory only: they are not saved with the collection.'
            : ''
        }`,
        notes: workspace.notes,
      });
    } catch (error) {
      setOutcome({
        kind: 'failed',
        error: `The file could not be read: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };

  return (
    <div className="collection-import">
      <button type="button" className="small-button" onClick={() => input.current?.click()}>
        Import collection…
      </button>
      {/* Out of the tab order: the button above is the way to it. Journeys set files on it. */}
      <input
        ref={input}
        type="file"
        multiple
        tabIndex={-1}
        aria-label="Collection files to import"
        className="visually-hidden"
        accept=".json,.yaml,.yml,.bru,application/json"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // The same file chosen again must fire a change again.
          event.target.value = '';
          void importFiles(files);
        }}
      />
      <div role="status" aria-label="Collection import" className="collection-import-status">
        {outcome.kind === 'reading' && <p className="hint">Importing…</p>}
        {outcome.kind === 'failed' && <p className="bad">{outcome.error}</p>}
        {outcome.kind === 'done' && (
          <>
            <p>{outcome.summary}</p>
            {outcome.notes.length > 0 && (
              <ul className="hint" aria-label="Import notes">
                {outcome.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
          </>
        )}
      </div>
    </div>
  );
}
