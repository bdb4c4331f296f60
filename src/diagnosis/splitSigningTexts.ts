// The parts of a canonical request and a string to sign, read leniently from what AWS echoed: a
// part that is missing reads as ''.

export interface CanonicalParts {
  method: string;
  uri: string;
  query: string;
  headers: Map<string, string>;
  signedHeaders: string;
  payloadHash: string;
}

/** The six parts of a canonical request; the header block is the lines between query and ''. */
export function splitCanonicalRequest(text: string): CanonicalParts {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const headers = new Map<string, string>();
  const headerLines = lines.length >= 6 ? lines.slice(3, -3) : lines.slice(3);
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon), line.slice(colon + 1));
  }
  return {
    method: lines[0] ?? '',
    uri: lines[1] ?? '',
    query: lines[2] ?? '',
    headers,
    signedHeaders: lines.length >= 6 ? lines.at(-2)! : '',
    payloadHash: lines.length >= 6 ? lines.at(-1)! : '',
  };
}

export interface StringToSignParts {
  algorithm: string;
  amzDate: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  scope: string;
  hash: string;
}

/** The algorithm, date, scope (and its four parts) and hash of a string to sign. */
export function splitStringToSign(text: string): StringToSignParts {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const scope = lines[2] ?? '';
  const [date = '', region = '', service = '', terminator = ''] = scope.split('/');
  return {
    algorithm: lines[0] ?? '',
    amzDate: lines[1] ?? '',
    date,
    region,
    service,
    terminator,
    scope,
    hash: lines[3] ?? '',
  };
}
