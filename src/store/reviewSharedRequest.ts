// What a share link would change, side by side with the form as it is: the page shows this and
// changes nothing until the user clicks "Open this request". A link is data from anyone (a window
// that opened this page can set its fragment at any moment), so every field it can set is listed.
import { DEFAULT_EXPIRES_IN, getHostHeaderMismatches, parseUrl } from '../signing';
import type { RequestSnapshot, SnapshotOptions } from './playgroundState';

export interface ReviewRow {
  label: string;
  /** What the link sets, as text. */
  link: string;
  /** What the form has now, as text. */
  current: string;
  differs: boolean;
}

export interface SharedRequestReview {
  rows: ReviewRow[];
  /** Sentences about what could hurt: another host, a Host header, a long-lived presigned URL. */
  warnings: string[];
}

/** What a side of the comparison holds: a snapshot, and the signing time restoring resets. */
export interface ReviewSide {
  snapshot: RequestSnapshot;
  signingTime: string;
}

const BODY_PREVIEW_CHARS = 300;

function bodyText({ body, bodyDropped }: RequestSnapshot): string {
  if (bodyDropped) return '(none: a file or a long body is never put in a link)';
  if (body === '') return '(none)';
  const size = new TextEncoder().encode(body).byteLength;
  const shown = body.length > BODY_PREVIEW_CHARS ? `${body.slice(0, BODY_PREVIEW_CHARS)}…` : body;
  return `${shown}\n(${size} bytes)`;
}

function headersText({ headers }: RequestSnapshot): string {
  if (headers.length === 0) return '(none)';
  return headers
    .map(({ name, value, signed, withheld }) => {
      const shown = withheld === true ? '(value not taken: it carries a credential)' : value;
      return `${name}: ${shown}${signed ? '' : '  (not signed)'}`;
    })
    .join('\n');
}

function urlText({ url, withheldFromUrl }: RequestSnapshot): string {
  const withheld = withheldFromUrl ?? [];
  return withheld.length === 0
    ? url
    : `${url}\n(not taken, they carry credentials: ${withheld.join(', ')})`;
}

function duration(secondsText: string): string {
  const seconds = Number(secondsText);
  if (!Number.isFinite(seconds) || secondsText.trim() === '') return `“${secondsText}”`;
  const units: Array<[number, string]> = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (seconds >= size && seconds % size === 0) {
      const count = seconds / size;
      return `${seconds} s (${count} ${unit}${count === 1 ? '' : 's'})`;
    }
  }
  return `${seconds} s`;
}

const byService = (value: boolean | null, on: string, off: string) =>
  value === null ? 'as the service does' : value ? on : off;

/**
 * One describer per option a link sets: the Record type makes a new option fail to compile
 * until it is listed here, so nothing a link sets can go unseen.
 */
const OPTION_ROWS: {
  [K in keyof SnapshotOptions]: [string, (options: SnapshotOptions) => string];
} = {
  mode: [
    'Signing mode',
    (o) => (o.mode === 'query' ? 'Presigned URL (signature in the query)' : 'Authorization header'),
  ],
  expiresIn: ['Presigned URL lifetime', (o) => duration(o.expiresIn)],
  algorithm: [
    'Algorithm',
    (o) => (o.algorithm === 'sigv4a' ? 'SigV4A (ECDSA P-256)' : 'SigV4 (HMAC-SHA256)'),
  ],
  regionSet: [
    'SigV4A region set',
    (o) => (o.regionSet === '' ? '(the region alone)' : o.regionSet),
  ],
  payload: [
    'Payload',
    (o) => (o.payload === 'unsigned' ? 'UNSIGNED-PAYLOAD' : 'signed (SHA-256 of the body)'),
  ],
  contentSha256Header: [
    'X-Amz-Content-Sha256 header',
    (o) => byService(o.contentSha256Header, 'added', 'not added'),
  ],
  s3PathRules: [
    'Path rules',
    (o) => byService(o.s3PathRules, "S3's (as sent)", 'all services but S3 (normalized)'),
  ],
  signSessionToken: [
    'Session token',
    (o) => (o.signSessionToken ? 'signed' : 'added after signing'),
  ],
};

/** The same for the request's own fields; null where another row shows the field. */
const REQUEST_ROWS: {
  [K in Exclude<keyof RequestSnapshot, 'options'>]: [string, (s: RequestSnapshot) => string] | null;
} = {
  method: ['Method', (s) => s.method],
  url: ['URL', urlText],
  withheldFromUrl: null, // in the URL row
  headers: ['Headers', headersText],
  body: ['Body', bodyText],
  bodyDropped: null, // in the body row
  region: ['Region', (s) => s.region || '(from the host)'],
  service: ['Service', (s) => s.service || '(from the host)'],
  profile: [
    'Signs with',
    (s) => (s.profile ? `the profile “${s.profile}”` : '(this page’s choice)'),
  ],
};

/** The host the request goes to: the URL's, which the relay or the browser connects to. */
const hostOf = (snapshot: RequestSnapshot) => parseUrl(snapshot.url).host || '(no host)';

/** Every field a link sets, beside the form's, and what to be wary of. */
export function reviewSharedRequest(link: ReviewSide, current: ReviewSide): SharedRequestReview {
  const rows: ReviewRow[] = [];
  const add = (label: string, linkText: string, currentText: string) =>
    rows.push({ label, link: linkText, current: currentText, differs: linkText !== currentText });

  for (const describe of Object.values(REQUEST_ROWS)) {
    if (describe === null) continue;
    const [label, text] = describe;
    add(label, text(link.snapshot), text(current.snapshot));
    if (label === 'URL') add('Sent to (host)', hostOf(link.snapshot), hostOf(current.snapshot));
  }
  for (const [label, text] of Object.values(OPTION_ROWS))
    add(label, text(link.snapshot.options), text(current.snapshot.options));
  add(
    'Signing time',
    'the clock, when you press Send',
    current.signingTime === '' ? 'the clock, when you press Send' : current.signingTime,
  );

  const warnings: string[] = [];
  const target = hostOf(link.snapshot);
  const headers = link.snapshot.headers.map(({ name, value }) => [name, value] as const);
  for (const { headerHost } of getHostHeaderMismatches(link.snapshot.url, headers)) {
    warnings.push(
      `It sets a Host header (${headerHost || 'empty'}) that is not the URL's host (${target}): your keys would sign a request for ${headerHost || 'an empty host'} and hand it to ${target}, which could replay it there.`,
    );
  }
  if (target !== hostOf(current.snapshot))
    warnings.push(
      `It sends to ${target}, not to ${hostOf(current.snapshot)} as your request does now.`,
    );
  const { options } = link.snapshot;
  if (options.mode === 'query') {
    // Up to an hour is what SDKs presign by default; longer is worth saying out loud.
    const long = !(Number(options.expiresIn) <= DEFAULT_EXPIRES_IN);
    warnings.push(
      `It asks for a presigned URL${long ? ` that stays valid ${duration(options.expiresIn)}` : ''}: anyone who gets that URL can repeat the request, with your signature, until it expires.`,
    );
  }
  return { rows, warnings };
}
