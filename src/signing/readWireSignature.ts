// Where a server finds a request's signature: the Authorization header, or else the X-Amz-*
// query parameters of a presigned URL. Read from the request as it arrived (header lines as
// sent, the query still percent-encoded); every malformation is a typed problem, never a throw.
import {
  ALGORITHM_QUERY_PARAM,
  AMZ_DATE_HEADER,
  AMZ_DATE_QUERY_PARAM,
  AUTHORIZATION_HEADER,
  CREDENTIAL_QUERY_PARAM,
  DATE_HEADER,
  EXPIRES_QUERY_PARAM,
  REGION_SET_HEADER,
  REGION_SET_QUERY_PARAM,
  SECURITY_TOKEN_HEADER,
  SECURITY_TOKEN_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
} from './constants';
import { httpDateToAmzDate } from './amzDate';
import type { HeaderList } from './getCanonicalHeaders';
import type { QueryParam } from './getCanonicalQuery';
import {
  isWireAlgorithm,
  parseAuthorization,
  type AuthorizationField,
  type WireAlgorithm,
} from './parseAuthorization';

/** A signature as the request carries it, every value as sent (query values decoded). */
export interface WireSignature {
  source: 'header' | 'query';
  algorithm: WireAlgorithm;
  credential: string;
  /** SignedHeaders exactly as sent, e.g. "host;x-amz-date". */
  signedHeaders: string;
  signature: string;
  /** X-Amz-Date as sent, or the Date header in ISO 8601 basic format (as sent if it is not one). */
  amzDate: string;
  /** Header mode: the Date header, when it stood in for a missing X-Amz-Date. */
  dateHeader?: string;
  /** X-Amz-Expires as sent (presigned URLs only). */
  expires?: string;
  /** X-Amz-Security-Token as sent, if any. */
  sessionToken?: string;
  /** SigV4A: X-Amz-Region-Set as sent; repeated header lines joined with ',' as canonical headers join them. */
  regionSet?: string;
}

/** The parameters a presigned URL must have (the X-Amz-Expires check comes with the clock's). */
export const REQUIRED_QUERY_PARAMS = [
  ALGORITHM_QUERY_PARAM,
  CREDENTIAL_QUERY_PARAM,
  SIGNATURE_QUERY_PARAM,
  AMZ_DATE_QUERY_PARAM,
  SIGNED_HEADERS_QUERY_PARAM,
] as const;
export type RequiredQueryParam = (typeof REQUIRED_QUERY_PARAMS)[number];

/** Why no signature could be read, in the terms of the request. */
export type WireReadProblem =
  /** Neither an Authorization header nor X-Amz-Signature, -Algorithm or -Credential. */
  | { kind: 'unsigned' }
  | { kind: 'duplicate-authorization'; count: number }
  | {
      kind: 'unknown-algorithm';
      source: 'header';
      algorithm: string;
      authorization: string;
      /** Nor X-Amz-Date nor Date: a server names that too. */
      dateMissing: boolean;
    }
  | { kind: 'unknown-algorithm'; source: 'query'; algorithm: string }
  | { kind: 'authorization-not-key-value'; authorization: string }
  | {
      kind: 'authorization-incomplete';
      authorization: string;
      /** In the order AWS names them: Credential, Signature, SignedHeaders, then the date. */
      missing: Array<AuthorizationField | typeof AMZ_DATE_HEADER>;
    }
  | { kind: 'query-incomplete'; missing: RequiredQueryParam[] };

export type WireSignatureRead =
  { ok: true; signature: WireSignature } | { ok: false; problem: WireReadProblem };

/** Every value of a header, in order; names compared without case. */
export function getHeaderValues(headers: HeaderList, name: string): string[] {
  const lower = name.toLowerCase();
  const values: string[] = [];
  for (const [key, value] of headers) if (key.toLowerCase() === lower) values.push(value);
  return values;
}

/** Decodes a percent-encoded query value; '+' stays '+', as AWS reads it. */
export function decodeQueryValue(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether a query carries a presigned URL's signature (or enough of one to be refused as such). */
export function hasQuerySignature(params: readonly QueryParam[]): boolean {
  return params.some(
    ({ name }) =>
      name === SIGNATURE_QUERY_PARAM ||
      name === ALGORITHM_QUERY_PARAM ||
      name === CREDENTIAL_QUERY_PARAM,
  );
}

/** The header lines a signature is read from, each name lower-cased once. */
interface SignatureHeaders {
  authorizations: string[];
  amzDate?: string;
  date?: string;
  sessionToken?: string;
  regionSets: string[];
}

const AUTHORIZATION = AUTHORIZATION_HEADER.toLowerCase();
const AMZ_DATE = AMZ_DATE_HEADER.toLowerCase();
const DATE = DATE_HEADER.toLowerCase();
const SECURITY_TOKEN = SECURITY_TOKEN_HEADER.toLowerCase();
const REGION_SET = REGION_SET_HEADER.toLowerCase();

/** One pass over the header lines (a server reads them for every request): first values win. */
function signatureHeaders(headers: HeaderList): SignatureHeaders {
  const found: SignatureHeaders = { authorizations: [], regionSets: [] };
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (key === AUTHORIZATION) found.authorizations.push(value);
    else if (key === AMZ_DATE) found.amzDate ??= value;
    else if (key === DATE) found.date ??= value;
    else if (key === SECURITY_TOKEN) found.sessionToken ??= value;
    else if (key === REGION_SET) found.regionSets.push(value);
  }
  return found;
}

/**
 * The request's signature. Two Authorization lines are a problem rather than one of them picked:
 * a proxy in front that reads the other one would see a different request than the one verified.
 */
export function readWireSignature(
  headers: HeaderList,
  params: readonly QueryParam[],
): WireSignatureRead {
  const found = signatureHeaders(headers);
  const { authorizations } = found;
  if (authorizations.length > 1) {
    return {
      ok: false,
      problem: { kind: 'duplicate-authorization', count: authorizations.length },
    };
  }
  if (authorizations[0] !== undefined) return readHeaderSignature(authorizations[0], found);
  if (hasQuerySignature(params)) return readQuerySignature(params);
  return { ok: false, problem: { kind: 'unsigned' } };
}

function readHeaderSignature(authorization: string, found: SignatureHeaders): WireSignatureRead {
  const { amzDate, sessionToken, regionSets } = found;
  const dateHeader = amzDate === undefined ? found.date : undefined;
  const parsed = parseAuthorization(authorization);
  if (!parsed.ok && parsed.reason === 'unknown-algorithm') {
    return {
      ok: false,
      problem: {
        kind: 'unknown-algorithm',
        source: 'header',
        algorithm: parsed.algorithm,
        authorization,
        dateMissing: amzDate === undefined && dateHeader === undefined,
      },
    };
  }
  if (!parsed.ok && parsed.reason === 'not-key-value') {
    return { ok: false, problem: { kind: 'authorization-not-key-value', authorization } };
  }
  const missing: Array<AuthorizationField | typeof AMZ_DATE_HEADER> = parsed.ok
    ? []
    : (['Credential', 'Signature', 'SignedHeaders'] as const).filter((field) =>
        parsed.missing.includes(field),
      );
  if (amzDate === undefined && dateHeader === undefined) missing.push(AMZ_DATE_HEADER);
  if (!parsed.ok || missing.length > 0) {
    return { ok: false, problem: { kind: 'authorization-incomplete', authorization, missing } };
  }
  const signature: WireSignature = {
    source: 'header',
    algorithm: parsed.algorithm,
    credential: parsed.credential,
    signedHeaders: parsed.signedHeaders,
    signature: parsed.signature,
    // A Date header in no form a server reads is kept as sent, to be refused as malformed.
    amzDate: amzDate ?? httpDateToAmzDate(dateHeader!) ?? dateHeader!,
  };
  // Set one by one rather than spread: a server reads a signature for every request.
  if (dateHeader !== undefined) signature.dateHeader = dateHeader;
  if (sessionToken !== undefined) signature.sessionToken = sessionToken;
  if (regionSets.length > 0) signature.regionSet = regionSets.join(',');
  return { ok: true, signature };
}

function readQuerySignature(params: readonly QueryParam[]): WireSignatureRead {
  const value = (name: string) => {
    const found = params.find((param) => param.name === name);
    return found === undefined ? undefined : decodeQueryValue(found.value);
  };
  const missing = REQUIRED_QUERY_PARAMS.filter((name) => value(name) === undefined);
  if (missing.length > 0) return { ok: false, problem: { kind: 'query-incomplete', missing } };
  const algorithm = value(ALGORITHM_QUERY_PARAM)!;
  if (!isWireAlgorithm(algorithm)) {
    return { ok: false, problem: { kind: 'unknown-algorithm', source: 'query', algorithm } };
  }
  const expires = value(EXPIRES_QUERY_PARAM);
  const sessionToken = value(SECURITY_TOKEN_QUERY_PARAM);
  const regionSet = value(REGION_SET_QUERY_PARAM);
  return {
    ok: true,
    signature: {
      source: 'query',
      algorithm,
      credential: value(CREDENTIAL_QUERY_PARAM)!,
      signedHeaders: value(SIGNED_HEADERS_QUERY_PARAM)!,
      signature: value(SIGNATURE_QUERY_PARAM)!,
      amzDate: value(AMZ_DATE_QUERY_PARAM)!,
      ...(expires === undefined ? {} : { expires }),
      ...(sessionToken === undefined ? {} : { sessionToken }),
      ...(regionSet === undefined ? {} : { regionSet }),
    },
  };
}
