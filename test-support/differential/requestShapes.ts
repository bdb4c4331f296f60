// Random request shapes for the differential tests: one generator shared by every oracle (smithy,
// awscrt, botocore), so each independent signer is compared with ours on the same kinds of
// requests. A shape describes a request at the wire level (how each path segment and query
// parameter is written, the header lines as sent, the body bytes) and keeps the decoded text, so an
// oracle that takes decoded input (smithy) gets the same request.
//
// Not generated, because AWS's own signers disagree with each other on them (so there is no one
// right answer to compare with):
// - Connection and Transfer-Encoding headers: awscrt (aws-c-auth) and botocore sign them,
//   smithy never does (ALWAYS_UNSIGNABLE_HEADERS), nor do we.
// - Upgrade: botocore signs it, awscrt and smithy never do, nor do we.
// - Sec-WebSocket-Key/-Protocol/-Version: awscrt never signs them, botocore signs them, smithy
//   never signs any sec-* header.
// - Date: botocore replaces a Date header with its own signing time and then signs no X-Amz-Date.
// - Malformed escapes ('%' not followed by two hex digits): awscrt refuses to sign them
//   (AWS_ERROR_MALFORMED_INPUT_STRING). Escapes of bytes that are not UTF-8: botocore's presigner
//   decodes them to U+FFFD. smithy can take neither (it takes decoded text).
// - Raw spaces and the characters no URI may hold raw ("<>\^`{|}): they cannot go on the wire.
//
// The parts: shapeGenerators.ts (the generators), shapeWire.ts (wire text and our signer's
// input), shapeFeatures.ts (failure reports and coverage), differentialSettings.ts (seed and runs).
import type { SigningAlgorithm } from '../../src/signing';

/** How a decoded component is written on the wire. */
export type WireStyle = 'raw' | 'browser' | 'browser-lower' | 'aws';

/** A path segment: decoded text in a wire style, or literal wire text ('.', '..', '', '%2E'…). */
export type PathSegment = { text: string; style: WireStyle } | { literal: string };

/** One query parameter: `name=value`, or a bare `name` (equals false). */
export interface QueryParam {
  name: string;
  value: string;
  style: WireStyle;
  equals: boolean;
}

export type PathRules = 'standard' | 's3';

export type Body =
  { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'binary'; bytes: Uint8Array };

export interface RequestShape {
  method: string;
  /** Authority as written in the URL (lower case; a port only when not the default). */
  host: string;
  /** No path at all (https://host?x): the request target is '/'. */
  emptyPath: boolean;
  segments: PathSegment[];
  trailingSlash: boolean;
  query: QueryParam[];
  /** Empty pieces in the query ('&&', a leading or trailing '&'), which carry no parameter. */
  emptyPieces: 'none' | 'leading' | 'double' | 'trailing';
  /** A '?' with nothing after it when the query has no parameters. */
  bareQuestionMark: boolean;
  /** Header lines in request order, without Host. */
  headers: Array<[string, string]>;
  /** Where the Host header is written, or 'implicit' when the signer adds it from the URL. */
  hostHeader: { name: 'Host' | 'host' | 'HOST'; index: number } | 'implicit';
  body: Body;
  rules: PathRules;
  mode: 'header' | 'query';
  expiresIn: number;
  payload: 'signed' | 'unsigned';
  contentSha256Header: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  signSessionToken: boolean;
  algorithm: SigningAlgorithm;
  /** SigV4a's region set (SigV4 ignores it). */
  regionSet: string[];
  region: string;
  service: string;
  signingDate: Date;
}

export { differentialRuns, differentialSeed } from './differentialSettings';
export { ALL_FEATURES, describeShape, missingFeatures } from './shapeFeatures';
export { decodedText, requestShape } from './shapeGenerators';
export {
  bodyBytes,
  headerLines,
  requestTarget,
  sentHeaderLines,
  toSigningInput,
  toWire,
  wirePath,
  wireQuery,
  wireQueryPiece,
  wireUrl,
} from './shapeWire';
