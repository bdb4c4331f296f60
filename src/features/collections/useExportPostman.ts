import { useState } from 'react';
import type { Collection } from '../../collections/collectionModel';
import { storableCollection } from '../../store/savedRequest';
import { playgroundStore } from '../../store/usePlaygroundStore';

/** Saves text as a file through the browser's download (an object URL, revoked after the click). */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds its own reference to the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export interface ExportMessage {
  ok: boolean;
  text: string;
  notes: string[];
}

/**
 * "Export to Postman": the collection as a Postman Collection v2.1 file with awsv4 auth,
 * downloaded. Never with secrets: no keys (Postman reads them from its own variables) and no
 * secret variable's value. The exporter loads on first use.
 */
export function useExportPostman() {
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const run = async (collection: Collection) => {
    try {
      const { exportPostmanCollection } = await import('../../exporting/exportPostmanCollection');
      const { signing, credentials } = playgroundStore.getState();
      const exported = exportPostmanCollection(storableCollection(collection), {
        // What the form signs with now: Postman needs a region and service for every request.
        defaults: {
          region: signing.plan.scope.region.value,
          service: signing.plan.scope.service.value,
        },
        sessionToken: credentials.sessionToken !== '',
      });
      downloadText(exported.fileName, exported.text);
      setMessage({ ok: true, text: `Downloaded ${exported.fileName}.`, notes: exported.notes });
    } catch (error) {
      setMessage({
        ok: false,
        text: `Could not export: ${error instanceof Error ? error.message : String(error)}`,
        notes: [],
      });
    }
  };
  return { run, message, dismiss: () => setMessage(null) };
}
