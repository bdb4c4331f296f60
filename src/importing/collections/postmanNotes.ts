// The notes a Postman collection import ends with: one sentence per kind of thing the playground
// left out or does differently, naming the requests and folders it concerns.
import { quoteName, type NoteTallies } from './importNotes';

export type PostmanTallyKind =
  | 'scripts'
  | 'noAuth'
  | 'regionUnset'
  | 'serviceUnset'
  | 'disabledHeaders'
  | 'signerHeaders'
  | 'credentialHeaders'
  | 'urlCredentials'
  | 'formdata'
  | 'file'
  | 'unknownBody'
  | 'unfilledPathVariables'
  | 'folderDescriptions'
  | 'itemVariables'
  | 'damagedExtension'
  | `auth:${string}`;

const AUTH_NAMES: Record<string, string> = {
  apikey: 'API Key',
  basic: 'Basic',
  bearer: 'Bearer Token',
  digest: 'Digest',
  edgegrid: 'Akamai EdgeGrid',
  hawk: 'Hawk',
  ntlm: 'NTLM',
  oauth1: 'OAuth 1.0',
  oauth2: 'OAuth 2.0',
  jwt: 'JWT Bearer',
  asap: 'ASAP',
};

/** One sentence per kind of thing the playground left out or does differently. */
export function postmanNotes(tallies: NoteTallies<PostmanTallyKind>): string[] {
  const notes: string[] = [];
  const add = (kind: PostmanTallyKind, sentence: (list: string) => string) => {
    const tally = tallies.get(kind);
    if (tally !== undefined) notes.push(sentence(tally.describe()));
  };
  add(
    'noAuth',
    (list) => `Postman sends ${list} without auth; the playground signs every request with SigV4.`,
  );
  for (const [kind, tally] of tallies.entries()) {
    if (!kind.startsWith('auth:')) continue;
    const type = kind.slice('auth:'.length);
    const name = AUTH_NAMES[type] ?? quoteName(type);
    notes.push(
      `Postman's ${name} auth is not SigV4 and is not imported: ${tally.describe()} are signed with SigV4 here.`,
    );
  }
  add(
    'regionUnset',
    (list) =>
      `AWS Signature leaves the region empty for ${list} (Postman then signs for us-east-1): here their region follows the URL's host.`,
  );
  add(
    'serviceUnset',
    (list) =>
      `AWS Signature leaves the service empty for ${list} (Postman then signs for execute-api): here their service follows the URL's host.`,
  );
  add(
    'credentialHeaders',
    (list) =>
      `Credential header values (Authorization, API keys, tokens…) are never kept in a collection: paste them again in ${list}.`,
  );
  add(
    'urlCredentials',
    (list) => `Credentials in the URL (signatures, tokens, keys) were taken out of ${list}.`,
  );
  add(
    'signerHeaders',
    (list) =>
      `Headers a signer writes (Authorization, X-Amz-Date, X-Amz-Security-Token, X-Amz-Content-Sha256) were left out of ${list}: Postman's AWS Signature replaces them, and the playground signs each request afresh.`,
  );
  add(
    'disabledHeaders',
    (list) => `Disabled headers are not imported (Postman does not send them): ${list}.`,
  );
  add('formdata', (list) => `Multipart form bodies are not imported: ${list} have no body here.`);
  add(
    'file',
    (list) => `File bodies are not imported: ${list} have no body here; choose the file again.`,
  );
  add(
    'unknownBody',
    (list) => `Bodies of a kind the playground does not know are not imported: ${list}.`,
  );
  add(
    'unfilledPathVariables',
    (list) => `Path variables without a value stay as :name in the URL of ${list}.`,
  );
  add(
    'scripts',
    (list) =>
      `Pre-request and test scripts are not imported (the playground runs no scripts): ${list}.`,
  );
  add(
    'itemVariables',
    (list) =>
      `Variables set on folders or requests are not imported, only the collection's: ${list}.`,
  );
  add('folderDescriptions', (list) => `Folder descriptions are not kept: ${list}.`);
  add(
    'damagedExtension',
    (list) =>
      `The playground's own data beside ${list} is not in the shape its export writes and was ignored.`,
  );
  return notes;
}
