// The form's request as a saved request and back: the one conversion between the page's form and
// the collection model (collections/collectionModel.ts). The secret rules are the ones history and
// share links follow (request/credentialFields.ts, as requestSnapshot.ts applies them): never a
// key, never a credential header's value, never a credential in the URL.
import {
  DEFAULT_SAVED_OPTIONS,
  withoutSecretValues,
  type Collection,
  type CollectionItem,
  type SavedHeader,
  type SavedOptions,
  type SavedRequest,
} from '../collections/collectionModel';
import {
  withheldHeaderNames,
  withoutCredentialHeaders,
  withoutCredentialsInUrl,
} from '../request/credentialFields';
import type { OptionsFields, RequestFields } from './playgroundState';
import { snapshotOptions } from './requestSnapshot';
import { headerFieldsOf, headerRowsOf } from './requestSlice';

/** What a saved request holds besides who it is (id, name, description). */
export type SavedContent = Omit<SavedRequest, 'kind' | 'id' | 'name' | 'description'>;

export type SavedFormFields = Pick<
  RequestFields,
  | 'method'
  | 'url'
  | 'headers'
  | 'bodySource'
  | 'bodyText'
  | 'regionOverride'
  | 'serviceOverride'
  | 'profile'
>;

export interface SavedConversion {
  content: SavedContent;
  /** What was left out, as the page names it: header names, URL parts, "the file body". */
  notKept: string[];
}

/** The header rows as saved: empty rows dropped, credential values left out and marked. */
function savedHeaders(rows: SavedFormFields['headers']): SavedHeader[] {
  return withoutCredentialHeaders(
    rows.filter((row) => row.name.trim() !== '' || row.value !== '').map(headerFieldsOf),
  );
}

/**
 * The form's request as a saved request's content, without secrets. Region and service are kept
 * only when set by hand for this request: otherwise they follow the URL when it is opened again.
 * Signing time, transport and the gateway are the page's, not the request's.
 */
export function savedContentOf(request: SavedFormFields, options: OptionsFields): SavedConversion {
  const { url, withheld: fromUrl } = withoutCredentialsInUrl(request.url);
  const headers = savedHeaders(request.headers);
  const isFile = request.bodySource === 'file';
  return {
    content: {
      method: request.method,
      url,
      headers,
      body: isFile ? '' : request.bodyText,
      ...(request.regionOverride === null ? {} : { region: request.regionOverride }),
      ...(request.serviceOverride === null ? {} : { service: request.serviceOverride }),
      options: snapshotOptions(options),
      ...(request.profile === '' ? {} : { profile: request.profile }),
    },
    notKept: [
      ...new Set(withheldHeaderNames(headers)),
      ...fromUrl,
      ...(isFile ? ['the file body'] : []),
    ],
  };
}

/** The form's fields for a saved request: a text body, signed with the clock. */
export function savedRequestFields(saved: SavedRequest): {
  request: Omit<RequestFields, 'savedFrom'>;
  options: SavedOptions;
} {
  return {
    request: {
      method: saved.method,
      url: saved.url,
      headers: headerRowsOf(saved.headers),
      bodySource: 'text',
      bodyText: saved.body,
      bodyFile: null,
      regionOverride: saved.region ?? null,
      serviceOverride: saved.service ?? null,
      signingTime: '',
      withheldFromUrl: [],
      profile: saved.profile ?? '',
    },
    options: { ...saved.options },
  };
}

function sameHeaders(a: readonly SavedHeader[], b: readonly SavedHeader[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (header, index) =>
        header.name === b[index]!.name &&
        header.value === b[index]!.value &&
        header.signed === b[index]!.signed &&
        (header.withheld === true) === (b[index]!.withheld === true),
    )
  );
}

/**
 * Every option, so a new one cannot be left out of the comparison: DEFAULT_SAVED_OPTIONS is typed
 * SavedOptions, so it names each one.
 */
const OPTION_KEYS = Object.keys(DEFAULT_SAVED_OPTIONS) as Array<keyof SavedOptions>;

/** Whether saving `a` over `b` would change what is saved (the "unsaved changes" mark). */
export function sameContent(a: SavedContent, b: SavedContent): boolean {
  return (
    a.method === b.method &&
    a.url === b.url &&
    a.body === b.body &&
    a.region === b.region &&
    a.service === b.service &&
    (a.profile ?? '') === (b.profile ?? '') &&
    sameHeaders(a.headers, b.headers) &&
    OPTION_KEYS.every((key) => a.options[key] === b.options[key])
  );
}

/**
 * A request from outside the form (an import, a file on disk, the browser's database) under the
 * same rules: a credential header's value or a credential in the URL does not stay in it.
 */
export function storableRequest(request: SavedRequest): SavedRequest {
  const { url } = withoutCredentialsInUrl(request.url);
  return { ...request, url, headers: withoutCredentialHeaders(request.headers) };
}

/** A tree of requests under storableRequest's rule (an import's, before it is kept). */
export function storableItems(items: readonly CollectionItem[]): CollectionItem[] {
  return items.map((item) =>
    item.kind === 'request' ? storableRequest(item) : { ...item, items: storableItems(item.items) },
  );
}

/** A collection as it may be written (database, disk, export): no secret variable's value either. */
export function storableCollection(collection: Collection): Collection {
  return {
    ...collection,
    variables: withoutSecretValues(collection.variables),
    items: storableItems(collection.items),
  };
}
