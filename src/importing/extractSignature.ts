// What importing takes out of a pasted request before it becomes the page's request: an existing
// SigV4 or SigV4A signature (the page signs again, or checks that one) and the session token (a
// credential, not a header the user edits). The signature is read as a server reads it
// (src/signing's parseAuthorization and parseCredential), so Import and the gateway agree on what
// is a signature.
import {
  ALGORITHM,
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AUTHORIZATION_HEADER,
  CREDENTIAL_QUERY_PARAM,
  decodeQueryValue,
  getHeaderValues,
  parseAuthorization,
  parseCredential,
  parseQuery,
  parseUrl,
  PRESIGN_QUERY_PARAMS,
  REGION_SET_HEADER,
  REGION_SET_QUERY_PARAM,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGV4A_ALGORITHM,
  type SigningAlgorithm,
  type WireAlgorithm,
} from '../signing';

export interface ExistingSignature {
  kind: 'authorization-header' | 'presigned-url';
  /** The Authorization header, or the presigned URL, as pasted. */
  detail: string;
  algorithm: SigningAlgorithm;
  /** SigV4A: the X-Amz-Region-Set it was made for. */
  regionSet?: string;
}

export interface ExtractedSigning {
  headers: Array<[string, string]>;
  url: string;
  existingSignature?: ExistingSignature;
  sessionToken?: string;
  /** From the signature's Credential (keyid/date/region/service/aws4_request; SigV4A has no region). */
  accessKeyId?: string;
  region?: string;
  service?: string;
  notes: string[];
}

const lower = (names: Iterable<string>) => new Set([...names].map((name) => name.toLowerCase()));
/** The presigned URL's own parameters, X-Amz-Region-Set and X-Amz-Signature included. */
const PRESIGN_PARAMS = lower(PRESIGN_QUERY_PARAMS);
const SIGNATURE_PARAM = SIGNATURE_QUERY_PARAM.toLowerCase();

/** Headers the signer writes, so they would be sent twice if kept (SigV4A adds its region set). */
const signerHeaders = (algorithm: WireAlgorithm) => [
  AUTHORIZATION_HEADER,
  AMZ_DATE_HEADER,
  ...(algorithm === SIGV4A_ALGORITHM ? [REGION_SET_HEADER] : []),
];

const signingAlgorithm = (algorithm: WireAlgorithm): SigningAlgorithm =>
  algorithm === SIGV4A_ALGORITHM ? 'sigv4a' : 'sigv4';

function readCredential(credential: string, algorithm: WireAlgorithm, into: ExtractedSigning) {
  const parsed = parseCredential(credential, algorithm);
  if (!parsed.ok) return;
  const { accessKeyId, region, service } = parsed.credential;
  if (accessKeyId !== '') into.accessKeyId = accessKeyId;
  if (region !== undefined && region !== '') into.region = region;
  if (service !== '') into.service = service;
}

const listed = (names: readonly string[]) =>
  names.length === 1
    ? `${names[0]} header was`
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!} headers were`;

const sigv4aNote = (regionSet: string | undefined) =>
  `It is a SigV4A signature (${SIGV4A_ALGORITHM}), valid in ${regionSet === undefined ? 'no region set' : `“${regionSet}”`}: the signing options switch to SigV4A${regionSet === undefined ? '' : ' with that region set'}, to sign it again that way.`;

/** Removes a signature (Authorization header or presigned query) and the session token. */
export function extractSignature(
  url: string,
  headers: ReadonlyArray<readonly [string, string]>,
): ExtractedSigning {
  const result: ExtractedSigning = { headers: [], url, notes: [] };
  const authorization = getHeaderValues(headers, AUTHORIZATION_HEADER)[0]?.trim();
  const parsed = authorization === undefined ? undefined : parseAuthorization(authorization);
  // A malformed SigV4 header is still a signature to take out, not a header to edit.
  const algorithm =
    parsed === undefined || (!parsed.ok && parsed.reason === 'unknown-algorithm')
      ? undefined
      : parsed.algorithm;
  const taken = lower(algorithm === undefined ? [] : signerHeaders(algorithm));
  const removed = new Set<string>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (key === SECURITY_TOKEN_HEADER.toLowerCase()) {
      result.sessionToken = value.trim();
      continue;
    }
    if (taken.has(key)) {
      removed.add(key);
      continue;
    }
    result.headers.push([name, value]);
  }
  if (algorithm !== undefined && parsed !== undefined) {
    const regionSets = getHeaderValues(headers, REGION_SET_HEADER);
    const regionSet = regionSets.length === 0 ? undefined : regionSets.join(',');
    result.existingSignature = {
      kind: 'authorization-header',
      detail: authorization!,
      algorithm: signingAlgorithm(algorithm),
      ...(algorithm === SIGV4A_ALGORITHM && regionSet !== undefined ? { regionSet } : {}),
    };
    const credential = parsed.ok
      ? parsed.credential
      : parsed.reason === 'missing-fields'
        ? parsed.credential
        : undefined;
    if (credential !== undefined) readCredential(credential, algorithm, result);
    result.notes.push(
      `The request was already signed (Authorization: ${algorithm} …): its ${listed(signerHeaders(algorithm).filter((name) => removed.has(name.toLowerCase())))} taken out, so the page can check that signature or sign again.`,
    );
    if (algorithm === SIGV4A_ALGORITHM) result.notes.push(sigv4aNote(regionSet));
  }
  extractPresignedQuery(url, result);
  if (result.sessionToken !== undefined)
    result.notes.push('The session token (x-amz-security-token) went into the credentials.');
  return result;
}

/** A presigned URL's X-Amz-* parameters out of the URL; the rest of the query as it was. */
function extractPresignedQuery(url: string, result: ExtractedSigning): void {
  const query = parseUrl(url).query;
  if (query === null) return;
  const named = (name: string) => decodeQueryValue(name).toLowerCase();
  if (!parseQuery(query).some((param) => named(param.name) === SIGNATURE_PARAM)) return;
  const kept: string[] = [];
  const removed = new Set<string>();
  const values = new Map<string, string>();
  for (const piece of query.split('&')) {
    const equals = piece.indexOf('=');
    const rawName = equals < 0 ? piece : piece.slice(0, equals);
    const name = named(rawName);
    if (!PRESIGN_PARAMS.has(name)) {
      kept.push(piece);
      continue;
    }
    removed.add(decodeQueryValue(rawName));
    if (!values.has(name))
      values.set(name, decodeQueryValue(equals < 0 ? '' : piece.slice(equals + 1)));
  }
  const value = (name: string) => values.get(name.toLowerCase());
  const algorithm =
    value(ALGORITHM_QUERY_PARAM) === SIGV4A_ALGORITHM ? SIGV4A_ALGORITHM : ALGORITHM;
  const credential = value(CREDENTIAL_QUERY_PARAM);
  if (credential !== undefined) readCredential(credential, algorithm, result);
  const token = value(SECURITY_TOKEN_QUERY_PARAM);
  if (token !== undefined) result.sessionToken = token;
  const regionSet = value(REGION_SET_QUERY_PARAM);

  const hash = url.indexOf('#');
  const question = url.indexOf('?');
  result.url =
    url.slice(0, question) +
    (kept.length > 0 ? `?${kept.join('&')}` : '') +
    (hash > question ? url.slice(hash) : '');
  result.existingSignature = {
    kind: 'presigned-url',
    detail: url,
    algorithm: signingAlgorithm(algorithm),
    ...(algorithm === SIGV4A_ALGORITHM && regionSet !== undefined ? { regionSet } : {}),
  };
  result.notes.push(
    `The URL was presigned: its ${[...removed].join(', ')} parameters were taken out, so the page can check that signature or sign again.`,
  );
  if (algorithm === SIGV4A_ALGORITHM) result.notes.push(sigv4aNote(regionSet));
}
