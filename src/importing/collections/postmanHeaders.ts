// A Postman request's headers as the collection model keeps them: disabled ones left out (Postman
// does not send them), credential values withheld (request/credentialFields.ts), and, where
// Postman's AWS Signature signs, the headers it writes afresh left out too. The playground's own
// export says which headers are sent unsigned and which were withheld.
import type { SavedHeader } from '../../collections/collectionModel';
import { withoutCredentialHeaders } from '../../request/credentialFields';
import { SIGNER_HEADERS } from '../../signing';
import type { PlaygroundItemExtension } from './postmanPlaygroundExtension';
import { textOf, type PostmanHeader, type PostmanRequestObject } from './postmanSchemas';

export interface PostmanHeaders {
  headers: SavedHeader[];
  /** What was left out, for the importer's notes. */
  left: { disabled: boolean; signer: boolean; credential: boolean };
}

/** `name: value` lines, as Postman's bulk editor writes headers; `//` lines are disabled. */
function headerLines(text: string): PostmanHeader[] {
  return text.split('\n').flatMap((line) => {
    const trimmed = line.trim();
    const colon = trimmed.indexOf(':');
    if (trimmed === '' || colon <= 0) return [];
    const disabled = trimmed.startsWith('//');
    const name = (disabled ? trimmed.slice(2, colon) : trimmed.slice(0, colon)).trim();
    return [{ key: name, value: trimmed.slice(colon + 1).trim(), disabled }];
  });
}

/**
 * Headers Postman's AWS Signature takes out before it signs (and writes afresh): a request
 * copied from a signed one often still has them, stale. Host stays: it is the request's own.
 */
const SIGNED_AWAY = new Set([...SIGNER_HEADERS].filter((header) => header !== 'host'));

/** `signsAway`: Postman's awsv4 signs this request, and the file is not the playground's own. */
export function readPostmanHeaders(
  header: PostmanRequestObject['header'],
  extension: PlaygroundItemExtension | undefined,
  signsAway: boolean,
): PostmanHeaders {
  const given = typeof header === 'string' ? headerLines(header) : (header ?? []);
  const unsigned = new Set(extension?.unsignedHeaders);
  const withheld = new Set(extension?.withheldHeaders);
  const left = { disabled: false, signer: false, credential: false };
  const rows: SavedHeader[] = [];
  given.forEach((row, index) => {
    // The playground's export writes a withheld header disabled, so Postman does not send it empty.
    const wasWithheld = withheld.has(index);
    if (row.disabled === true && !wasWithheld) {
      left.disabled = true;
      return;
    }
    if (signsAway && SIGNED_AWAY.has(row.key.trim().toLowerCase())) {
      left.signer = true;
      return;
    }
    rows.push({
      name: row.key,
      value: textOf(row.value),
      signed: !unsigned.has(index),
      ...(wasWithheld ? { withheld: true } : {}),
    });
  });
  const headers = withoutCredentialHeaders(rows);
  left.credential = headers.some(
    (row, index) => row.withheld === true && rows[index]!.withheld !== true,
  );
  return { headers, left };
}
