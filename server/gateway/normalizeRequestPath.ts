// The one path the gateway works with: computed once from the request-target, then used to pick
// the route, to build the resource ARN the policy is evaluated on, and in the log. Were the route
// matched on one form of the path and the policy on another, a Deny on GET/items/secret would
// not see /items/%73ecret, and an Allow on GET/public/* would let /public/../private through.
// The rules, and why each is what API Gateway does, are in server/README.md ("Request paths").
import { normalizePathSegments, uriEncode } from '../../src/signing';

const ESCAPE_RUN_OR_PERCENT = /(?:%[0-9A-Fa-f]{2})+|%/g;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const HEX = '0123456789ABCDEF';

/** Bytes in a well-formed UTF-8 sequence that starts with this byte; 0 if none can start so. */
function utf8SequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

function tryDecode(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** A decoded character as it stands in a segment: '%' and '/' stay escaped. */
const inSegment = (text: string) => text.replace(/%/g, '%25').replace(/\//g, '%2F');

/** A run of %XX escapes decoded; bytes that are not UTF-8 stay escaped (upper-case hex). */
function decodeEscapeRun(run: string): string {
  const bytes = new Uint8Array(run.length / 3);
  for (let i = 0; i < bytes.length; i++)
    bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
  const whole = tryDecode(bytes);
  if (whole !== undefined) return inSegment(whole);
  let text = '';
  for (let at = 0; at < bytes.length;) {
    const length = utf8SequenceLength(bytes[at]!);
    const decoded =
      length > 0 && at + length <= bytes.length
        ? tryDecode(bytes.subarray(at, at + length))
        : undefined;
    if (decoded === undefined) {
      text += `%${HEX[bytes[at]! >> 4]}${HEX[bytes[at]! & 15]}`;
      at += 1;
    } else {
      text += inSegment(decoded);
      at += length;
    }
  }
  return text;
}

/**
 * A path segment percent-decoded, except for what would change the path's shape or make two
 * paths one: an encoded '/' stays '%2F' (part of the segment, not a separator), '%' stays '%25',
 * bytes that are not UTF-8 stay escaped, and a '%' that starts no escape becomes '%25'.
 */
function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  return segment.replace(ESCAPE_RUN_OR_PERCENT, (run) =>
    run === '%' ? '%25' : decodeEscapeRun(run),
  );
}

/**
 * The request path the gateway routes, authorizes and logs, from the path as it arrived: each
 * segment percent-decoded (see decodeSegment), then '.' and '..' segments resolved, runs of '/'
 * collapsed and a trailing '/' dropped. null when the target is not an origin-form path.
 * Examples: /prod/items/%73ecret → /prod/items/secret; /prod/public/%2e%2e/private →
 * /prod/private; /prod//hello/ → /prod/hello; /prod/a%2Fb → /prod/a%2Fb.
 */
export function normalizeRequestPath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  // Most paths have nothing to decode or resolve: no escape, dot segment, '//' or trailing '/'.
  if (
    !rawPath.includes('%') &&
    !rawPath.includes('/.') &&
    !rawPath.includes('//') &&
    (rawPath.length === 1 || !rawPath.endsWith('/'))
  )
    return rawPath;
  const normalized = normalizePathSegments(rawPath.split('/').map(decodeSegment).join('/'));
  return normalized.length > 1 && normalized.endsWith('/') ? normalized.slice(0, -1) : normalized;
}

/**
 * A path for one line of the log: everything but printable ASCII percent-encoded, so a decoded
 * space, line break or control character can neither split the line nor forge another one.
 */
export function printablePath(path: string): string {
  return path.replace(/[^\x21-\x7e]/gu, (char) => uriEncode(char));
}
