import { DEFAULT_GATEWAY_URL } from '../request/defaults';
import { detectScope } from '../request/detectScope';
import { withQuery } from '../request/queryParams';
import { applyFormFix } from './applyFix';
import { chooseProfileFields } from './chooseProfile';
import type {
  BodyFile,
  HeaderRow,
  ImportableRequest,
  OptionsFields,
  PlaygroundState,
  RequestFields,
  RequestSnapshot,
  RequestSlice,
  StoreGet,
  StoreSet,
} from './playgroundState';
import { readBlobBytes } from './readBlobBytes';

/** The first-run request: the local gateway's hello route, as the README's curl example sends it. */
export function defaultRequestFields(gatewayUrl: string = DEFAULT_GATEWAY_URL): RequestFields {
  return {
    method: 'POST',
    url: `${gatewayUrl}/hello`,
    headers: [{ id: newRowId(), name: 'content-type', value: 'application/json', signed: true }],
    bodySource: 'text',
    bodyText: '{"hello":"world"}',
    bodyFile: null,
    // Region and service follow the URL (detectScope knows the local gateway's own scope).
    regionOverride: null,
    serviceOverride: null,
    signingTime: '',
    withheldFromUrl: [],
    savedFrom: null,
    profile: '',
  };
}

let rowCounter = 0;
/** Unique across reloads too, since persisted rows keep their ids. */
function newRowId(): string {
  rowCounter += 1;
  return `h${Date.now().toString(36)}${rowCounter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * A scope value for an imported request: the import's own, else what the host says (the field
 * follows it), else — a host that names no region, like a custom domain — the value the form
 * signs with now, kept as the user's choice.
 */
function importedScope(
  given: string | undefined,
  detected: string | undefined,
  current: string,
): string | null {
  if (given !== undefined && given !== '') return given;
  if (detected !== undefined && detected !== '') return null;
  return current === '' ? null : current;
}

/** The form's fields for an imported request: a text body, signed with the clock. */
function importedRequestFields(
  imported: ImportableRequest,
  current: { region: string; service: string; gatewayUrl: string },
): Partial<RequestFields> {
  const detected = detectScope(imported.url, current.gatewayUrl);
  return {
    method: imported.method,
    url: imported.url,
    headers: imported.headers.map(([name, value]) => ({
      id: newRowId(),
      name,
      value,
      signed: true,
    })),
    bodySource: 'text',
    bodyText: imported.body,
    bodyFile: null,
    regionOverride: importedScope(imported.region, detected.region, current.region),
    serviceOverride: importedScope(imported.service, detected.service, current.service),
    // Any signature in the pasted text was dropped by the importer: sign afresh, now.
    signingTime: '',
    withheldFromUrl: [],
    // Another request now: Save would write it over the saved one it replaced.
    savedFrom: null,
  };
}

/**
 * The signing options of an imported request that was already signed: its algorithm and, for
 * SigV4A, the region set it was signed for, so signing it again makes the same kind of
 * signature. An unsigned request leaves the options as they are.
 */
function importedSigningOptions(
  imported: ImportableRequest,
): Partial<Pick<OptionsFields, 'algorithm' | 'regionSet'>> {
  const signature = imported.existingSignature;
  if (signature === undefined) return {};
  if (signature.algorithm === 'sigv4') return { algorithm: 'sigv4' };
  // No X-Amz-Region-Set came with it: empty, the signer's default (the region alone).
  return { algorithm: 'sigv4a', regionSet: signature.regionSet ?? '' };
}

/** Kept headers (a snapshot's, a saved request's) as the form's rows, each with a new id. */
export function headerRowsOf(headers: RequestSnapshot['headers']): HeaderRow[] {
  return headers.map((header) => ({ id: newRowId(), ...headerFieldsOf(header) }));
}

/** A row's name, value and marks without its id: what a snapshot or a saved request keeps. */
export function headerFieldsOf({
  name,
  value,
  signed,
  withheld,
}: RequestSnapshot['headers'][number]): RequestSnapshot['headers'][number] {
  return { name, value, signed, ...(withheld === true ? { withheld } : {}) };
}

/** The form's fields for a saved request (history, share link). */
function snapshotRequestFields(snapshot: RequestSnapshot): Partial<RequestFields> {
  return {
    method: snapshot.method,
    url: snapshot.url,
    headers: headerRowsOf(snapshot.headers),
    bodySource: 'text',
    bodyText: snapshot.body,
    bodyFile: null,
    regionOverride: snapshot.region === '' ? null : snapshot.region,
    serviceOverride: snapshot.service === '' ? null : snapshot.service,
    signingTime: '',
    withheldFromUrl: snapshot.withheldFromUrl ?? [],
    savedFrom: null,
    profile: snapshot.profile ?? '',
  };
}

/**
 * A signed request names its key ID and may carry a session token, never the secret: both go into
 * the credentials as the import's note says, and a secret that belonged to another key is cleared
 * so the page asks for the right one instead of signing with a wrong pair.
 */
function takeSignedRequestKeys(
  credentials: PlaygroundState['credentials'],
  { accessKeyId, sessionToken }: ImportableRequest,
): void {
  if (accessKeyId !== undefined && accessKeyId !== credentials.accessKeyId) {
    // One update (one signing), as any keys taken on purpose.
    credentials.importCredentials({
      accessKeyId,
      secretAccessKey: '',
      ...(sessionToken === undefined ? {} : { sessionToken }),
    });
  } else if (sessionToken !== undefined) {
    credentials.setField('sessionToken', sessionToken);
  }
}

export function createRequestSlice(set: StoreSet, get: StoreGet): RequestSlice {
  // Which file read is the latest: a slower earlier read must not overwrite a newer file.
  let readCounter = 0;
  const patch = (fields: Partial<RequestFields>) =>
    set((state) => ({ request: { ...state.request, ...fields } }));
  const patchFile = (readId: number, fields: Partial<BodyFile>) =>
    set((state) => {
      const file = state.request.bodyFile;
      // A newer file (or none) replaced this one while it was being read: drop the update.
      if (file === null || file.readId !== readId) return {};
      return { request: { ...state.request, bodyFile: { ...file, ...fields } } };
    });

  return {
    ...defaultRequestFields(),

    // An edited URL is the user's answer to "left out of the URL": the note goes.
    setField: (key, value) =>
      patch({ [key]: value, ...(key === 'url' ? { withheldFromUrl: [] } : {}) }),

    chooseProfile: (name) => patch(chooseProfileFields(get(), name)),

    addHeader: (name = '', value = '') => {
      const id = newRowId();
      patch({ headers: [...get().request.headers, { id, name, value, signed: true }] });
      return id;
    },

    updateHeader: (id, changes) =>
      patch({
        headers: get().request.headers.map((row: HeaderRow) => {
          if (row.id !== id) return row;
          const updated = { ...row, ...changes };
          // A withheld row the user edits holds what they typed, not a left-out value.
          if (changes.name !== undefined || changes.value !== undefined) delete updated.withheld;
          return updated;
        }),
      }),

    removeHeader: (id) =>
      patch({ headers: get().request.headers.filter((row: HeaderRow) => row.id !== id) }),

    setQueryParams: (params) =>
      patch({ url: withQuery(get().request.url, params), withheldFromUrl: [] }),

    loadBodyFile: async (file) => {
      readCounter += 1;
      const readId = readCounter;
      patch({
        bodySource: 'file',
        bodyFile: {
          name: file.name ?? 'file',
          type: file.type,
          size: file.size,
          status: 'reading',
          loadedBytes: 0,
          bytes: null,
          readId,
        },
      });
      const isCurrent = () => get().request.bodyFile?.readId === readId;
      // Progress in steps of 1%: a store update per 64 KiB chunk would re-render the page
      // thousands of times for a large file.
      const step = Math.max(1, Math.floor(file.size / 100));
      let reported = 0;
      try {
        const bytes = await readBlobBytes(
          file,
          (loaded) => {
            if (loaded - reported < step) return;
            reported = loaded;
            patchFile(readId, { loadedBytes: loaded });
          },
          isCurrent,
        );
        if (bytes === null) return;
        patchFile(readId, {
          status: 'ready',
          bytes,
          size: bytes.byteLength,
          loadedBytes: bytes.byteLength,
        });
      } catch (error) {
        patchFile(readId, {
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        });
      }
    },

    clearBodyFile: () => patch({ bodyFile: null, bodySource: 'text' }),

    importRequest: (imported) => {
      set((state) => ({
        request: {
          ...state.request,
          ...importedRequestFields(imported, {
            region: state.signing.plan.scope.region.value,
            service: state.signing.plan.scope.service.value,
            gatewayUrl: state.options.gatewayUrl,
          }),
        },
        options: { ...state.options, ...importedSigningOptions(imported) },
      }));
      if (imported.credentials !== undefined) get().credentials.fillIdentity(imported.credentials);
      else takeSignedRequestKeys(get().credentials, imported);
    },

    restoreRequest: (snapshot) =>
      set((state) => ({
        request: { ...state.request, ...snapshotRequestFields(snapshot) },
        options: { ...state.options, ...snapshot.options },
      })),

    applyFix: (fix) => applyFormFix(get(), fix),
  };
}
