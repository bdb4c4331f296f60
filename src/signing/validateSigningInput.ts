import { MAX_PRESIGN_EXPIRES, NEVER_SIGNED_HEADERS, PRESIGN_QUERY_PARAMS } from './constants';
import { utf8 } from './encoding';
import { parseQuery } from './getCanonicalQuery';
import { getHostHeaderMismatches } from './getHostHeaderMismatches';
import { encodePathCanonically, getPathRules } from './getCanonicalUri';
import { parseUrl, schemeForHost } from './parseUrl';
import { resolveSigningOptions } from './resolveSigningOptions';
import type { SigningInput } from './types';
import { findEncodingFlaw, uriEncode, type EncodingFlaw } from './uriEncode';

export type Severity = 'error' | 'warning' | 'info';

/** A header of the input, by its index in input.headers: its name or its value. */
export type HeaderField = `headers[${number}].${'name' | 'value'}`;

/** The field of header `index` an issue is about: the one spelling of a HeaderField. */
export const headerField = (index: number, part: 'name' | 'value'): HeaderField =>
  `headers[${index}].${part}`;

/**
 * The input fields an issue can be about, named as in SigningInput. A typed union, so that the
 * page's map from each one to a form field is checked by the compiler.
 */
export type SigningField =
  | 'method'
  | 'url'
  | 'region'
  | 'service'
  | 'credentials.accessKeyId'
  | 'credentials.secretAccessKey'
  | 'credentials.sessionToken'
  | 'unsignedHeaders'
  | 'body'
  | 'payload'
  | 'signingDate'
  | 'expiresIn'
  | 'regionSet'
  | HeaderField;

export interface ValidationIssue {
  /** Which input it is about: 'url', 'credentials.accessKeyId', 'headers[2].value', ... */
  field: SigningField;
  message: string;
  severity: Severity;
  /** A corrected value the UI can offer with one click. */
  fix?: string;
  /**
   * The fix in words, shown instead of `fix` when the value is a secret: a masked field's
   * suggestion must not print the key in clear (on a screen share that is a leak).
   */
  fixLabel?: string;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const REGION = /^[a-z]{2,}(-[a-z]+)+-\d+$/;
const SERVICE = /^[a-z0-9][a-z0-9-.]*$/;
/**
 * Real access key IDs are 16-128 upper-case letters and digits, but AWS's own documentation and
 * test suites use the 11-character AKIDEXAMPLE, so only the character set is checked.
 */
const ACCESS_KEY_ID = /^[A-Z0-9]+$/;
/** 40 Base64 characters: what a secret access key looks like. */
const LOOKS_LIKE_SECRET = /^[A-Za-z0-9+/]{40}$/;
/** Bytes a request line cannot carry as they are: controls, space, non-ASCII and a few delimiters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const NOT_ON_THE_WIRE = /[\u0000-\u0020\u007f-\u{10ffff}"<>\\^`{|}]/gu;

function describeChar(char: string): string {
  if (char === ' ') return 'a space';
  const code = char.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f)
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  if (code > 0x7e) return `a non-ASCII character ("${char}")`;
  return `"${char}"`;
}

/**
 * Percent-encodes what cannot go on the wire as is, leaving existing %XX escapes alone. Works on
 * UTF-8 bytes, so characters outside the BMP and even lone surrogates (sent as U+FFFD) encode.
 */
export function encodeForWire(text: string): string {
  return text.replace(NOT_ON_THE_WIRE, (char) =>
    Array.from(utf8(char), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(
      '',
    ),
  );
}

/** Says where a path departs from AWS's canonical encoding, and how AWS writes that spot. */
function describeEncodingFlaw(flaw: EncodingFlaw): string {
  switch (flaw.kind) {
    case 'lower-case-hex':
      return `"${flaw.text}" has lower-case hex (AWS writes ${flaw.text.toUpperCase()})`;
    case 'escaped-unreserved':
      return `"${flaw.text}" escapes "${flaw.char}", which AWS leaves as it is`;
    case 'unescaped':
      return `${describeChar(flaw.text)} is not escaped (AWS writes ${uriEncode(flaw.text)})`;
    case 'bare-percent':
      return `a "%" starts no escape (AWS writes %25)`;
  }
}

/**
 * A likely meant URL for text without a usable http(s) scheme, if one can be guessed: a mistyped
 * scheme corrected, or a bare host given http (this machine) or https (anything else). Text with
 * whitespace is not a URL missing its scheme, so it gets no guess.
 */
function suggestUrl(text: string): string | undefined {
  if (/\s/.test(text)) return undefined;
  const typo = /^(https?):\/*(?=[^/])/i.exec(text);
  const guess = typo
    ? `${typo[1]!.toLowerCase()}://${text.slice(typo[0].length)}`
    : /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(text)
      ? undefined
      : `${schemeForHost(text.split(/[/?#]/, 1)[0]!.replace(/^.*@/, ''))}://${text}`;
  if (guess === undefined) return undefined;
  const parsed = parseUrl(guess);
  return parsed.host !== '' && !parsed.host.includes(':/') ? guess : undefined;
}

/** The fix only when it passes the check itself, so one click never leads to the same warning. */
const fixIfValid = (fixed: string, check: RegExp) => (check.test(fixed) ? fixed : undefined);

function checkPadded(
  field: SigningField,
  label: string,
  value: string,
  issues: ValidationIssue[],
  secret = false,
) {
  const trimmed = value.trim();
  if (value !== trimmed) {
    issues.push({
      field,
      severity: 'error',
      message: `${label} has whitespace or a line break at its ${/^\s/.test(value) ? 'start' : 'end'}, which is never part of a real key: it was probably pasted with it.`,
      fix: trimmed,
      ...(secret ? { fixLabel: 'remove the whitespace' } : {}),
    });
  } else if (/\s/.test(value)) {
    issues.push({
      field,
      severity: 'error',
      message: `${label} contains whitespace, which no AWS key does.`,
    });
  }
}

/**
 * UNSIGNED-PAYLOAD only works where the server knows to put it in its canonical request: S3 always
 * reads it from x-amz-content-sha256 (and signs presigned URLs with it); any service that receives
 * no such header hashes the body itself, and the signature cannot match.
 */
function checkUnsignedPayload(
  input: SigningInput,
  add: (field: SigningField, severity: Severity, message: string, fix?: string) => void,
) {
  const options = resolveSigningOptions(input);
  if (options.payload !== 'unsigned' || input.service === 's3') return;
  const who = input.service === 'execute-api' ? 'API Gateway' : input.service || 'the service';
  add(
    'payload',
    'warning',
    options.mode === 'query'
      ? `Only S3 reads UNSIGNED-PAYLOAD from a presigned URL: ${who} hashes the body itself, so this signature will not match. Sign the payload.`
      : options.contentSha256Header
        ? `${who} is not documented to accept UNSIGNED-PAYLOAD (S3 is): if it hashes the body itself, the signature will not match. Sign the payload unless you know it does.`
        : `UNSIGNED-PAYLOAD without an X-Amz-Content-Sha256 header: ${who} cannot know the body went unsigned, hashes it, and the signature will not match. Sign the payload.`,
    'signed',
  );
}

/**
 * Turns everything wrong with a signing input into a list of issues instead of throwing, so the
 * page can show each next to its field. An empty list means the input can be signed and sent.
 */
export function validateSigningInput(input: SigningInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (field: SigningField, severity: Severity, message: string, fix?: string) =>
    issues.push(
      fix === undefined ? { field, severity, message } : { field, severity, message, fix },
    );
  const { credentials } = input;

  // Credentials
  if (credentials.accessKeyId === '')
    add('credentials.accessKeyId', 'error', 'Enter an access key ID.');
  else {
    const accessKeyId = credentials.accessKeyId.trim();
    // A secret pasted into the key ID field is still a secret: its fix is described, not printed.
    checkPadded(
      'credentials.accessKeyId',
      'The access key ID',
      credentials.accessKeyId,
      issues,
      LOOKS_LIKE_SECRET.test(accessKeyId) && !ACCESS_KEY_ID.test(accessKeyId),
    );
    if (LOOKS_LIKE_SECRET.test(accessKeyId) && !ACCESS_KEY_ID.test(accessKeyId)) {
      add(
        'credentials.accessKeyId',
        'warning',
        'This looks like a secret access key (40 characters with lower case, / or +), not an access key ID (AKIA…, ASIA…): were the two fields swapped?',
      );
    } else if (!ACCESS_KEY_ID.test(accessKeyId)) {
      add(
        'credentials.accessKeyId',
        'warning',
        'Access key IDs are upper-case letters and digits only (AKIA… for long-term keys, ASIA… for temporary ones).',
      );
    }
  }
  if (credentials.secretAccessKey === '') {
    add('credentials.secretAccessKey', 'error', 'Enter the secret access key.');
  } else
    checkPadded(
      'credentials.secretAccessKey',
      'The secret access key',
      credentials.secretAccessKey,
      issues,
      true,
    );
  const token = credentials.sessionToken ?? '';
  if (token !== '')
    checkPadded('credentials.sessionToken', 'The session token', token, issues, true);
  if (credentials.accessKeyId.trim().startsWith('ASIA') && token === '') {
    add(
      'credentials.sessionToken',
      'error',
      'Keys starting with ASIA are temporary and always need their session token; without it AWS answers "The security token included in the request is invalid."',
    );
  }

  // Scope
  if (input.region === '')
    add('region', 'error', 'Enter the region the API lives in, e.g. us-east-1.');
  else if (!REGION.test(input.region)) {
    add(
      'region',
      'warning',
      `"${input.region}" does not look like an AWS region (such as us-east-1 or ca-central-1).`,
      fixIfValid(input.region.trim().toLowerCase(), REGION),
    );
  }
  if (input.service === '')
    add('service', 'error', 'Enter the service to sign for, e.g. execute-api for API Gateway.');
  else if (!SERVICE.test(input.service)) {
    add(
      'service',
      'warning',
      `"${input.service}" does not look like an AWS signing name (lower case, such as execute-api, s3 or lambda).`,
      fixIfValid(input.service.trim().toLowerCase(), SERVICE),
    );
  }

  // Method
  if (!TOKEN.test(input.method))
    add('method', 'error', `"${input.method}" is not a valid HTTP method.`);
  else if (input.method !== input.method.toUpperCase()) {
    add(
      'method',
      'warning',
      `Methods are case-sensitive and AWS signs them as sent; did you mean ${input.method.toUpperCase()}?`,
      input.method.toUpperCase(),
    );
  }

  // URL
  const url = parseUrl(input.url);
  if (input.url.trim() === '') add('url', 'error', 'Enter the URL to call.');
  else if (url.scheme !== 'http' && url.scheme !== 'https') {
    add(
      'url',
      'error',
      'The URL must start with https:// (or http://) and name a host.',
      suggestUrl(input.url.trim()),
    );
  } else if (url.authority === '' || url.host === '') add('url', 'error', 'The URL has no host.');
  else {
    if (
      input.url
        .slice(url.scheme.length + 3)
        .split(/[/?#]/)[0]!
        .includes('@')
    ) {
      add(
        'url',
        'warning',
        'User name and password in the URL are not sent by browsers and are not part of a SigV4 signature.',
      );
    }
    if (input.url.includes('#'))
      add('url', 'info', 'The part after # is never sent, so it is not signed.');
    // The path and query as written: from the end of the authority to the fragment.
    const afterScheme = input.url.indexOf('://') + 3;
    const wireStart = afterScheme + input.url.slice(afterScheme).search(/[/?\\#]|$/);
    const hashAt = input.url.indexOf('#', wireStart);
    const wireEnd = hashAt < 0 ? input.url.length : hashAt;
    const withWire = (wire: string) =>
      input.url.slice(0, wireStart) + wire + input.url.slice(wireEnd);
    let wire = input.url.slice(wireStart, wireEnd);
    if (wire.includes('\\')) {
      wire = wire.replace(/\\/g, '/');
      add(
        'url',
        'warning',
        "Browsers read '\\' in a URL as '/', so the request would go to another path than the one signed; write '/'.",
        withWire(wire),
      );
    }
    const bad = wire.match(NOT_ON_THE_WIRE);
    if (bad) {
      wire = encodeForWire(wire);
      add(
        'url',
        'warning',
        `The path or query contains ${describeChar(bad[0])}, which cannot go on the wire as is. Clients send it percent-encoded, so the server would sign different bytes than these; write it encoded.`,
        withWire(wire),
      );
    }
    // With S3's rules every signer signs the path byte for byte as sent (aws-c-auth, botocore,
    // smithy), and S3 checks it against the bytes it receives: a path in another encoding than
    // the one AWS's SDKs write is signed fine, but breaks as soon as anything re-encodes it.
    if (!getPathRules(input).doubleEncodePath) {
      const queryAt = wire.indexOf('?');
      const path = queryAt < 0 ? wire : wire.slice(0, queryAt);
      const flaw = findEncodingFlaw(path, '/');
      if (flaw !== undefined) {
        add(
          'url',
          'warning',
          `With S3's path rules the path is signed exactly as sent, and S3 checks it as it arrives. This one is not in AWS's canonical encoding (${describeEncodingFlaw(flaw)}), so a client or proxy that re-encodes it on the way breaks the signature; write it as AWS's SDKs send it.`,
          withWire(encodePathCanonically(path) + wire.slice(path.length)),
        );
      }
    }
  }

  const presignParams = parseQuery(url.query).filter(({ name }) => PRESIGN_QUERY_PARAMS.has(name));
  if (presignParams.length > 0) {
    add(
      'url',
      (input.mode ?? 'header') === 'header' ? 'warning' : 'info',
      `The URL already carries presigned-URL parameters (${presignParams.map(({ name }) => name).join(', ')}); signing replaces them, since a request can carry only one signature.`,
    );
  }

  // Headers
  for (const name of input.unsignedHeaders ?? []) {
    if (['host', 'x-amz-date'].includes(name.toLowerCase())) {
      add(
        'unsignedHeaders',
        'info',
        `${name} is always signed: SigV4 requires host, and x-amz-date whenever it is sent.`,
      );
    }
  }
  (input.headers ?? []).forEach(([name, value], index) => {
    if (!TOKEN.test(name)) {
      add(
        headerField(index, 'name'),
        'error',
        name.trim() === ''
          ? 'A header needs a name.'
          : `"${name}" is not a valid header name (letters, digits and !#$%&'*+-.^_\`|~ only).`,
        TOKEN.test(name.trim()) ? name.trim() : undefined,
      );
    }
    // eslint-disable-next-line no-control-regex -- RFC 9110 field values hold no controls but tab
    if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) {
      add(
        headerField(index, 'value'),
        'error',
        'A header value cannot contain a line break or other control character.',
        // eslint-disable-next-line no-control-regex -- see above
        value.replace(/[\u0000-\u0008\u000a-\u001f\u007f]+/g, ' '),
      );
    } else if (/[^\t\u0020-\u00ff]/.test(value)) {
      add(
        headerField(index, 'value'),
        'error',
        'A header value can only hold Latin-1 text; browsers refuse anything else. Percent-encode or Base64 it.',
      );
    } else if (/[\u0080-\u00ff]/.test(value)) {
      // Browsers send such a value as single Latin-1 bytes while SigV4 hashes the canonical
      // request as UTF-8; how a server canonicalizes those bytes is not documented.
      add(
        headerField(index, 'value'),
        'warning',
        'Non-ASCII header values go on the wire as Latin-1 bytes, and AWS does not document how it signs them; percent-encode or Base64 the value to be safe.',
      );
    }
    if (NEVER_SIGNED_HEADERS.has(name.toLowerCase())) {
      add(
        headerField(index, 'name'),
        'info',
        `${name} is never signed: proxies and clients may change it on the way.`,
      );
    }
  });

  issues.push(...hostHeaderIssues(input));

  // Signing time and options
  if (Number.isNaN(input.signingDate.getTime()))
    add('signingDate', 'error', 'The signing time is not a valid date.');
  else {
    const year = input.signingDate.getUTCFullYear();
    if (year < 1000 || year > 9999)
      add('signingDate', 'error', 'The signing time must be a year between 1000 and 9999.');
  }
  if ((input.mode ?? 'header') === 'query' && input.expiresIn !== undefined) {
    if (
      !Number.isInteger(input.expiresIn) ||
      input.expiresIn < 1 ||
      input.expiresIn > MAX_PRESIGN_EXPIRES
    ) {
      add(
        'expiresIn',
        'error',
        `A presigned URL lives 1 to ${MAX_PRESIGN_EXPIRES} seconds (7 days), in whole seconds.`,
        String(Math.min(MAX_PRESIGN_EXPIRES, Math.max(1, Math.round(input.expiresIn) || 1))),
      );
    }
  }
  checkUnsignedPayload(input, add);
  // A body with GET or HEAD signs like any other; whether it can be sent depends on the transport
  // (store/getBodyIssue.ts).
  return issues;
}

/**
 * A Host header naming another host than the URL's: the request goes to one server signed for
 * another, and that server (or anyone on the way) could replay it there. A share link once used
 * this to aim a victim's Send at sts.amazonaws.com through another host.
 */
function hostHeaderIssues(input: SigningInput): ValidationIssue[] {
  return getHostHeaderMismatches(input.url, input.headers ?? []).map(
    ({ index, headerHost, urlHost }) => ({
      field: headerField(index, 'value'),
      severity: 'warning',
      message: `This Host header says ${headerHost === '' ? 'nothing' : headerHost}, but the URL sends to ${urlHost}: the request would be signed for ${headerHost === '' ? 'an empty host' : headerHost} and handed to ${urlHost}, which could replay it there. Remove the header unless you mean exactly that.`,
      fix: urlHost,
    }),
  );
}
