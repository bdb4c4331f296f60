import { useState } from 'react';
import { downloadFile } from '../../components/ui/downloadFile';
import type { Collection } from '../../collections/collectionModel';
import { storableCollection } from '../../store/savedRequest';
import { playgroundStore } from '../../store/usePlaygroundStore';

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
      const { signing } = playgroundStore.getState();
      const exported = exportPostmanCollection(storableCollection(collection), {
        // What the form signs with now: Postman needs a region and service for every request.
        defaults: {
          region: signing.plan.scope.region.value,
          service: signing.plan.scope.service.value,
        },
        // The keys that sign (a profile's, or the typed ones): only whether they carry a token.
        sessionToken: (signing.plan.input.credentials.sessionToken ?? '') !== '',
      });
      downloadFile(exported.fileName, exported.text, 'application/json');
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
