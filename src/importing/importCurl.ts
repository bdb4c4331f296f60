// Imports a curl command (browsers' "Copy as cURL" for bash or cmd, or one from the docs) as the
// page's request: method, URL, headers and body, plus what --aws-sigv4/--user and a session token
// say about signing. Never throws.
import { bytesToBase64 } from '../transport/base64';
import { isForbiddenRequestHeader } from '../transport/forbiddenHeaders';
import { utf8 } from '../signing';
import { cleanPastedRequest } from './cleanPastedRequest';
import { extractSignature, type ExistingSignature } from './extractSignature';
import { curlRequest, readCurlCommand } from './readCurlCommand';

export interface ImportedRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region?: string;
  service?: string;
  /** A SigV4 or SigV4A Authorization header, or X-Amz-Signature in the URL (as pasted). */
  existingSignature?: ExistingSignature;
  /** A session token found without the keys it belongs to (credentials has it when keys came too). */
  sessionToken?: string;
  /** The access key id named by an existing signature's Credential, when no keys came with it. */
  accessKeyId?: string;
  notes: string[];
}

/** $NAME or ${NAME}: a value the shell fills in, unknown here. */
const SHELL_VARIABLE = /\$\{?[A-Za-z_]/;

export type ImportRequestResult =
  { ok: true; request: ImportedRequest } | { ok: false; error: string };

/** Fills credentials, region, service and existingSignature; shared with importRawHttp. */
export function finishImport(
  base: { method: string; url: string; headers: Array<[string, string]>; body: string },
  notes: string[],
  keys?: { accessKeyId: string; secretAccessKey: string },
): ImportedRequest {
  const extracted = extractSignature(base.url, base.headers);
  const request: ImportedRequest = {
    method: base.method.toUpperCase(),
    url: extracted.url,
    headers: extracted.headers,
    body: base.body,
    notes: [...notes, ...extracted.notes],
  };
  const forbidden = request.headers
    .map(([name]) => name)
    .filter((name) => isForbiddenRequestHeader(name));
  if (forbidden.length > 0)
    request.notes.push(
      `A page's fetch cannot set ${forbidden.join(', ')} (the Fetch standard's forbidden request headers): sign them only when sending through the relay.`,
    );
  if (extracted.existingSignature !== undefined)
    request.existingSignature = extracted.existingSignature;
  if (extracted.region !== undefined) request.region = extracted.region;
  if (extracted.service !== undefined) request.service = extracted.service;
  if (keys !== undefined) {
    request.credentials = {
      ...keys,
      ...(extracted.sessionToken !== undefined ? { sessionToken: extracted.sessionToken } : {}),
    };
  } else {
    if (extracted.sessionToken !== undefined) request.sessionToken = extracted.sessionToken;
    if (extracted.accessKeyId !== undefined) {
      request.accessKeyId = extracted.accessKeyId;
      request.notes.push(
        `The key ID ${extracted.accessKeyId} went into the credentials; a signed request never carries the secret access key, so enter it to sign again.`,
      );
    }
  }
  return request;
}

/** Reads a curl command; the error says which part was not understood. */
export function importCurl(text: string): ImportRequestResult {
  const cleaned = cleanPastedRequest(text);
  if (!cleaned.ok) return cleaned;
  const command = readCurlCommand(cleaned.text.trim());
  if ('error' in command) return { ok: false, error: command.error };
  const notes = [...command.notes];
  if (command.ignoredFlags.length > 0)
    notes.push(
      `Left out, as they do not change the request: ${[...new Set(command.ignoredFlags)].join(', ')}.`,
    );
  if (command.droppedOptions.length > 0)
    notes.push(
      `Left out, as they are not part of the request: ${command.droppedOptions.join(', ')}.`,
    );
  if (command.unknownOptions.length > 0)
    notes.push(
      `Not understood, and left out: ${command.unknownOptions.join(', ')}. If one of them takes a value, that value may have been read as the URL.`,
    );
  const { method, url, body, dataInQuery, implicitHeaders } = curlRequest(command);
  if (dataInQuery) notes.push('-G (--get) put the data in the query string.');
  const headers = [...command.headers];
  const formType = implicitHeaders.find(([name]) => name === 'Content-Type');
  if (body !== '' && formType !== undefined) {
    headers.push(formType);
    notes.push('curl sends Content-Type: application/x-www-form-urlencoded with -d; it was added.');
  }

  let keys: { accessKeyId: string; secretAccessKey: string } | undefined;
  let region: string | undefined;
  let service: string | undefined;
  if (command.awsSigv4 !== undefined) {
    // provider1[:provider2[:region[:service]]] (curl's --aws-sigv4).
    const parts = command.awsSigv4.split(':');
    if (parts[2] !== undefined && parts[2] !== '') region = parts[2];
    if (parts[3] !== undefined && parts[3] !== '') service = parts[3];
    if (region === undefined || service === undefined)
      notes.push(
        `--aws-sigv4 "${command.awsSigv4}" names no ${region === undefined ? 'region' : 'service'}: curl takes it from the host name; check the scope.`,
      );
    if (command.user !== undefined && SHELL_VARIABLE.test(command.user)) {
      notes.push(
        `--user ${command.user} reads the keys from shell variables: enter the access keys here.`,
      );
    } else if (command.user !== undefined) {
      const colon = command.user.indexOf(':');
      if (colon < 0)
        notes.push('--user names the access key id only: enter the secret access key.');
      keys = {
        accessKeyId: colon < 0 ? command.user : command.user.slice(0, colon),
        secretAccessKey: colon < 0 ? '' : command.user.slice(colon + 1),
      };
    } else notes.push('--aws-sigv4 without --user: enter the access keys.');
  } else if (command.user !== undefined) {
    // Without --aws-sigv4, --user is HTTP Basic authentication.
    headers.push(['Authorization', `Basic ${bytesToBase64(utf8(command.user))}`]);
    notes.push('--user became an Authorization: Basic header (there was no --aws-sigv4).');
  }
  const request = finishImport({ method, url, headers, body }, notes, keys);
  const token = request.credentials?.sessionToken ?? request.sessionToken;
  if (token !== undefined && SHELL_VARIABLE.test(token)) {
    // "-H 'x-amz-security-token: $AWS_SESSION_TOKEN'" names a variable, not a token.
    if (request.credentials !== undefined) delete request.credentials.sessionToken;
    delete request.sessionToken;
    request.notes = request.notes.filter((note) => !note.startsWith('The session token'));
    request.notes.push(
      `The session token comes from a shell variable (${token}): enter it with the keys.`,
    );
  }
  if (region !== undefined) request.region = region;
  if (service !== undefined) request.service = service;
  return { ok: true, request };
}
