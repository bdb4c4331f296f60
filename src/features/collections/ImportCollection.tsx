import { useRef, useState, type ChangeEvent } from 'react';
import { playgroundStore, usePlaygroundStore } from '../../store/usePlaygroundStore';
import { newItemId } from '../../store/collectionTree';

type ImportOutcome =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'done'; summary: string; notes: string[] }
  | { kind: 'failed'; error: string };

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * Chromium, Firefox and Safari choose a whole folder with `webkitdirectory`; React has no prop
 * for it (it is not in the HTML standard), so it goes on as a plain attribute.
 */
const FOLDER_PICKER: Record<string, string> = { webkitdirectory: '' };

/**
 * "Import collection…": a Postman collection and its environments (or any format the importers
 * read). "Import a folder…": a Bruno collection's folder, its folders kept. The importers load on
 * first use. Keys found go to the credentials panel (memory only); the collection goes into this
 * browser, its environments to Environments.
 */
export function ImportCollection() {
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const importWorkspace = usePlaygroundStore((s) => s.collections.importWorkspace);
  const [outcome, setOutcome] = useState<ImportOutcome>({ kind: 'idle' });

  const importFiles = async (files: File[], from: 'files' | 'folder') => {
    if (files.length === 0) return;
    setOutcome({ kind: 'reading' });
    try {
      const { importChosenFiles } = await import('./importChosenFiles');
      const result = await importChosenFiles(files, from, {
        newId: () => newItemId('r'),
        environments: playgroundStore.getState().environments.list,
      });
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

  const onChosen = (event: ChangeEvent<HTMLInputElement>, from: 'files' | 'folder') => {
    const files = [...(event.target.files ?? [])];
    // The same file chosen again must fire a change again.
    event.target.value = '';
    void importFiles(files, from);
  };

  return (
    <div className="collection-import">
      <div className="step-actions">
        <button type="button" className="small-button" onClick={() => filesInput.current?.click()}>
          Import collection…
        </button>
        <button type="button" className="small-button" onClick={() => folderInput.current?.click()}>
          Import a folder…
        </button>
      </div>
      {/* Out of the tab order: the buttons above are the way to them. Journeys set files on them. */}
      <input
        ref={filesInput}
        type="file"
        multiple
        tabIndex={-1}
        aria-label="Collection files to import"
        className="visually-hidden"
        accept=".json,.yaml,.yml,.bru,application/json"
        onChange={(event) => onChosen(event, 'files')}
      />
      <input
        ref={folderInput}
        type="file"
        {...FOLDER_PICKER}
        tabIndex={-1}
        aria-label="Collection folder to import"
        className="visually-hidden"
        onChange={(event) => onChosen(event, 'folder')}
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
