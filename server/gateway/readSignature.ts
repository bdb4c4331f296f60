// Reads a request's SigV4 signature from where API Gateway looks for it: the Authorization header,
// or the X-Amz-* query parameters of a presigned URL. Every malformation maps to the answer API
// Gateway gives for it.
import { createHash } from 'node:crypto';
import type { QueryParam } from '../../src/signing';
import {
  incompleteAuthorization,
  incompleteQueryAuthorization,
  invalidAuthorizationPair,
  type GatewayError,
} from './gatewayErrors';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const SIGV4A_ALGORITHM = 'AWS4-ECDSA-P256-SHA256';
const isKnownAlgorithm = (algorithm: string | undefined) =>
  algorithm === SIGV4_ALGORITHM || algorithm === SIGV4A_ALGORITHM;

export interface SignatureParams {
  source: 'header' | 'query';
  /** AWS4-HMAC-SHA256 or AWS4-ECDSA-P256-SHA256. */
  algorithm: typeof SIGV4_ALGORITHM | typeof SIGV4A_ALGORITHM;
  /** SigV4a: X-Amz-Region-Set as sent (header or query parameter), if any. */
  regionSet?: string;
  credential: string;
  /** SignedHeaders exactly as sent, e.g. "host;x-amz-date". */
  signedHeaders: string;
  signature: string;
  /** The request's timestamp as sent (X-Amz-Date, or the Date header converted). */
  amzDate: string;
  /** X-Amz-Expires as sent (presigned URLs only). */
  expires?: string;
  /** X-Amz-Security-Token as sent, if any. */
  sessionToken?: string;
}

export type HeaderPairs = ReadonlyArray<readonly [string, string]>;

export function headerValues(headers: HeaderPairs, name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([key]) => key.toLowerCase() === lower).map(([, value]) => value);
}

const firstHeader = (headers: HeaderPairs, name: string) => headerValues(headers, name)[0];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** RFC 9110's preferred HTTP-date (IMF-fixdate): "Thu, 15 Jan 2026 10:20:30 GMT". */
const IMF_FIXDATE =
  /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/**
 * An IMF-fixdate Date header in ISO 8601 basic format; undefined for any other text. Date.parse
 * would read far more ('2026', 'Jan 15', '2026-01-15T10:20:30+05:00'), none of which a signer
 * writes, and would roll Feb 30 over to March.
 */
export function httpDateToAmzDate(value: string): string | undefined {
  const match = IMF_FIXDATE.exec(value);
  if (!match) return undefined;
  const [, day, monthName, year, hour, minute, second] = match as unknown as string[];
  const month = MONTHS.indexOf(monthName!);
  const amzDate = `${year}${String(month + 1).padStart(2, '0')}${day}T${hour}${minute}${second}Z`;
  const time = Date.UTC(+year!, month, +day!, +hour!, +minute!, +second!);
  const roundTrip = new Date(time).toISOString().replace(/[-:]|\.\d{3}/g, '');
  return roundTrip === amzDate ? amzDate : undefined;
}

/**
 * The X-Amz-Date to use: the header, or else the Date header in ISO 8601 basic format. A Date
 * header in no format the gateway reads is passed on as sent, to be refused as case 10.
 */
function requestDate(headers: HeaderPairs): string | undefined {
  const amzDate = firstHeader(headers, 'x-amz-date');
  if (amzDate !== undefined) return amzDate;
  const date = firstHeader(headers, 'date');
  if (date === undefined) return undefined;
  return httpDateToAmzDate(date) ?? date;
}

/** The Authorization header's signature, or the API Gateway error for what is wrong with it. */
export function readHeaderSignature(
  authorization: string,
  headers: HeaderPairs,
): SignatureParams | GatewayError {
  const amzDate = requestDate(headers);
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  const fields = new Map<string, string>();
  if (isKnownAlgorithm(algorithm)) {
    for (const part of authorization.slice(space + 1).split(',')) {
      const trimmed = part.trim();
      if (trimmed === '') continue;
      const eq = trimmed.indexOf('=');
      if (eq < 0) {
        // API Gateway never echoes a malformed header: it names its SHA-256 instead.
        return invalidAuthorizationPair(
          createHash('sha256').update(authorization).digest('base64'),
        );
      }
      fields.set(trimmed.slice(0, eq), trimmed.slice(eq + 1));
    }
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (
    credential === undefined ||
    signedHeaders === undefined ||
    signature === undefined ||
    amzDate === undefined
  ) {
    return incompleteAuthorization(
      {
        credential: credential === undefined,
        signature: signature === undefined,
        signedHeaders: signedHeaders === undefined,
        date: amzDate === undefined,
      },
      authorization,
    );
  }
  const sessionToken = firstHeader(headers, 'x-amz-security-token');
  // Repeated region-set lines are one comma-separated list, as the canonical headers join them.
  const regionSets = headerValues(headers, 'x-amz-region-set');
  const regionSet = regionSets.length === 0 ? undefined : regionSets.join(',');
  return {
    source: 'header',
    algorithm: algorithm as SignatureParams['algorithm'],
    ...(regionSet === undefined ? {} : { regionSet }),
    credential,
    signedHeaders,
    signature,
    amzDate,
    ...(sessionToken === undefined ? {} : { sessionToken }),
  };
}

/** Query auth parameters by name (decoded), when the query has any of them. */
export function hasQuerySignature(params: readonly QueryParam[]): boolean {
  return params.some(
    ({ name }) =>
      name === 'X-Amz-Signature' || name === 'X-Amz-Algorithm' || name === 'X-Amz-Credential',
  );
}

/** A presigned URL's signature, or the API Gateway error for what is missing. */
export function readQuerySignature(
  params: readonly QueryParam[],
  decode: (text: string) => string,
): SignatureParams | GatewayError {
  const value = (name: string) => {
    const found = params.find((param) => param.name === name);
    return found === undefined ? undefined : decode(found.value);
  };
  const algorithm = value('X-Amz-Algorithm');
  const credential = value('X-Amz-Credential');
  const signature = value('X-Amz-Signature');
  const amzDate = value('X-Amz-Date');
  const signedHeaders = value('X-Amz-SignedHeaders');
  if (
    !isKnownAlgorithm(algorithm) ||
    credential === undefined ||
    signature === undefined ||
    amzDate === undefined ||
    signedHeaders === undefined
  ) {
    return incompleteQueryAuthorization();
  }
  const expires = value('X-Amz-Expires');
  const sessionToken = value('X-Amz-Security-Token');
  const regionSet = value('X-Amz-Region-Set');
  return {
    source: 'query',
    algorithm: algorithm as SignatureParams['algorithm'],
    ...(regionSet === undefined ? {} : { regionSet }),
    credential,
    signedHeaders,
    signature,
    amzDate,
    ...(expires === undefined ? {} : { expires }),
    ...(sessionToken === undefined ? {} : { sessionToken }),
  };
}
