// One Postman request → a saved request: the auth it sets or inherits (awsv4 gives region,
// service and header or query signing), its URL without credentials, headers and body, and the
// playground's own extension when the file is the playground's export.
import {
  DEFAULT_SAVED_OPTIONS,
  type SavedOptions,
  type SavedRequest,
} from '../../collections/collectionModel';
import { withoutCredentialsInUrl } from '../../request/credentialFields';
import { quoteName } from './importNotes';
import { applyAuth, type EffectiveAuth, type PostmanAwsV4 } from './postmanAuth';
import { postmanBodyText } from './postmanBody';
import { readPostmanHeaders } from './postmanHeaders';
import {
  PLAYGROUND_EXTENSION_KEY,
  readPlaygroundExtension,
  type PlaygroundItemExtension,
} from './postmanPlaygroundExtension';
import { optionalDescription, type PostmanItem, type PostmanRequestObject } from './postmanSchemas';
import { postmanUrlText } from './postmanUrl';
import { hasEntries, hasScripts, nameOf, type PostmanWalk } from './postmanWalk';

/**
 * Region and service from the auth: set by hand, as Postman would sign with them; an empty one
 * follows the URL's host. The playground's own export says when its value differs from that.
 */
function readScope(
  awsv4: PostmanAwsV4,
  extension: PlaygroundItemExtension | undefined,
  name: string,
  walk: PostmanWalk,
): Pick<SavedRequest, 'region' | 'service'> {
  const scope: Pick<SavedRequest, 'region' | 'service'> = {};
  const read = (field: 'region' | 'service', written: string): void => {
    const kept = extension?.[field];
    if (kept !== undefined && kept.written === written) {
      if (kept.value !== null) scope[field] = kept.value;
    } else if (written === '') {
      walk.tallies.add(field === 'region' ? 'regionUnset' : 'serviceUnset', name);
    } else {
      scope[field] = written;
    }
  };
  read('region', awsv4.region);
  read('service', awsv4.service);
  return scope;
}

export function readRequest(
  item: PostmanItem,
  inherited: EffectiveAuth,
  walk: PostmanWalk,
): SavedRequest {
  const name = nameOf(item.name, 'Untitled request');
  const request: PostmanRequestObject =
    typeof item.request === 'string' ? { url: item.request } : (item.request ?? {});
  const auth = applyAuth(request.auth, inherited, `request ${quoteName(name)}`);
  if (auth !== inherited && auth.kind === 'awsv4') walk.awsAuths.push(auth);
  const extension = readPlaygroundExtension(item[PLAYGROUND_EXTENSION_KEY]);
  if (item[PLAYGROUND_EXTENSION_KEY] !== undefined && extension === undefined)
    walk.tallies.add('damagedExtension', name);
  if (hasScripts(item.event)) walk.tallies.add('scripts', name);
  if (hasEntries(item.variable)) walk.tallies.add('itemVariables', name);

  const written = postmanUrlText(request.url);
  if (written.unfilled.length > 0) walk.tallies.add('unfilledPathVariables', name);
  const { url, withheld } = withoutCredentialsInUrl(written.url);
  if (withheld.length > 0) walk.tallies.add('urlCredentials', name);

  // In the playground's own export (it writes the extension on every request) a header is one
  // the request has, whatever its name; in Postman's, awsv4 replaces the signer's headers.
  const signsAway = auth.kind === 'awsv4' && item[PLAYGROUND_EXTENSION_KEY] === undefined;
  const read = readPostmanHeaders(request.header, extension, signsAway);
  if (read.left.disabled) walk.tallies.add('disabledHeaders', name);
  if (read.left.signer) walk.tallies.add('signerHeaders', name);
  if (read.left.credential) walk.tallies.add('credentialHeaders', name);
  const headers = read.headers;
  const body = postmanBodyText(request.body);
  if (body.skipped === 'formdata' || body.skipped === 'file') walk.tallies.add(body.skipped, name);
  if (body.skipped === 'unknown') walk.tallies.add('unknownBody', name);
  if (
    body.contentType !== undefined &&
    !headers.some((header) => header.name.toLowerCase() === 'content-type')
  ) {
    headers.push({ name: 'Content-Type', value: body.contentType, signed: true });
  }

  let scope: Pick<SavedRequest, 'region' | 'service'> = {};
  let mode: SavedOptions['mode'] = 'header';
  if (auth.kind === 'awsv4') {
    scope = readScope(auth.awsv4, extension, name, walk);
    mode = auth.awsv4.addAuthDataToQuery ? 'query' : 'header';
  } else if (auth.kind === 'none') {
    walk.tallies.add('noAuth', name);
  } else {
    walk.tallies.add(`auth:${auth.type}`, name);
  }

  const description = optionalDescription(request.description ?? item.description);
  return {
    kind: 'request',
    id: walk.newId(),
    name,
    method: request.method?.trim() || 'GET',
    url,
    headers,
    body: body.body,
    ...scope,
    options: { ...DEFAULT_SAVED_OPTIONS, ...extension?.options, mode },
    ...(description === undefined ? {} : { description }),
  };
}
