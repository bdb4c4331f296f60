// STS's XML answers read without a DOM (the page and Node tests both run this): the answers are
// small, flat and known, so a bounded extractor that finds each element by name is enough, and
// keeps a parser library out of the bundle.

/** Larger bodies are not STS's: they are refused without being read. */
export const MAX_STS_RESPONSE_LENGTH = 1024 * 1024;

export interface AssumedRoleCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601 as STS wrote it, e.g. 2026-11-30T01:00:00Z. */
  expiration: string;
  /** arn:aws:sts::123456789012:assumed-role/name/session */
  assumedRoleArn: string;
  /** ROLEID:session */
  assumedRoleId: string;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

export interface StsError {
  /** STS's error code (AccessDenied, ExpiredToken, …); '' when the body was not an STS error. */
  code: string;
  /** 'Sender' or 'Receiver' when STS said. */
  type: string;
  /** STS's own message, as it wrote it. */
  message: string;
  requestId: string;
  /** What happened and what to do, for a user. Never holds a secret. */
  sentence: string;
}

export type StsResult<T> = { ok: true; value: T } | { ok: false; error: StsError };

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five named entities and numeric references; anything else is left as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-z]{2,4});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * The text of the first <name>…</name> (or <name/>) in xml, from index `from`, or undefined.
 * indexOf only, so its cost is linear in the input whatever the input is.
 */
function elementText(xml: string, name: string, from = 0): string | undefined {
  const range = elementRange(xml, name, from);
  if (range === undefined) return undefined;
  const inner = xml.slice(range.start, range.end);
  const cdata = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/.exec(inner);
  return cdata ? (cdata[1] ?? '') : decodeXmlText(inner.trim());
}

/** Where the content of the first <name> element starts and ends (end tag's position). */
const NAME_END = new Set(['>', '/', ' ', '\t', '\n', '\r']);

function elementRange(
  xml: string,
  name: string,
  from = 0,
): { start: number; end: number } | undefined {
  let at = from;
  for (;;) {
    const open = xml.indexOf(`<${name}`, at);
    if (open < 0) return undefined;
    // <Arn> but not <ArnX>: the next character ends the name. Checked before looking for '>', so
    // many near-misses cost one pass, not one pass each.
    if (!NAME_END.has(xml[open + name.length + 1] ?? '')) {
      at = open + 1;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (close < 0) return undefined;
    if (xml[close - 1] === '/') return { start: close, end: close };
    const end = xml.indexOf(`</${name}>`, close + 1);
    return end < 0 ? undefined : { start: close + 1, end };
  }
}

function rootIs(xml: string, name: string): boolean {
  return elementRange(xml, name) !== undefined;
}

/** An answer that is neither the expected one nor an STS error. */
function notSts(what: string, status?: number): StsError {
  const statusText = status === undefined ? '' : ` (HTTP ${status})`;
  return {
    code: '',
    type: '',
    message: '',
    requestId: '',
    sentence: `The answer${statusText} is neither ${what} nor an STS error: is the URL an STS endpoint?`,
  };
}

/** Reads <ErrorResponse>, or undefined when the body is not one. */
export function parseStsError(xml: string): StsError | undefined {
  if (typeof xml !== 'string' || xml.length > MAX_STS_RESPONSE_LENGTH) return undefined;
  const error = elementRange(xml, 'ErrorResponse');
  if (error === undefined) return undefined;
  const code = elementText(xml, 'Code', error.start) ?? '';
  const type = elementText(xml, 'Type', error.start) ?? '';
  const message = elementText(xml, 'Message', error.start) ?? '';
  const requestId = elementText(xml, 'RequestId', error.start) ?? '';
  return { code, type, message, requestId, sentence: explainStsError(code, message) };
}

/** Shortened and stripped of anything that looks like a key or token before it is shown. */
function safeQuote(message: string): string {
  const clean = message
    .replace(/[A-Za-z0-9+/=]{40,}/g, '[…]')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > 300 ? `${clean.slice(0, 297)}…` : clean;
}

/** STS's error code and message as a sentence saying what went wrong and what to try. */
export function explainStsError(code: string, message: string): string {
  const said = message ? ` STS said: “${safeQuote(message)}”` : '';
  if (code === 'AccessDenied' && /MultiFactorAuthentication|MFA/i.test(message)) {
    if (/invalid|failed|wrong/i.test(message))
      return `STS refused the MFA code: it is wrong or already used. Wait for the next code and try again.${said}`;
    return `This role needs MFA: give the MFA device's serial number (ARN) and its current 6-digit code.${said}`;
  }
  if (code === 'AccessDenied' && /not authorized to perform: sts:AssumeRole/i.test(message))
    return `These credentials may not assume that role: either their identity policy lacks sts:AssumeRole on the role, or the role's trust policy does not trust them (check the principal, the external ID and any MFA condition).${said}`;
  switch (code) {
    case 'AccessDenied':
      return `STS denied the request: the credentials' policies do not allow it.${said}`;
    case 'ExpiredToken':
      return `The session token has expired: refresh the temporary credentials (assume the role again) or use long-term keys.${said}`;
    case 'InvalidClientTokenId':
      return `AWS does not know this access key ID (or the session token that goes with it): check that the key is active and was copied whole, and that a temporary key comes with its token.${said}`;
    case 'SignatureDoesNotMatch':
      return `The signature does not match: most often the secret access key is wrong or mistyped; otherwise the region, service or clock differs from what STS expects.${said}`;
    case 'RegionDisabledException':
      return `STS is not activated in this region for the account: activate it in IAM's account settings, or use the global endpoint or another region.${said}`;
    case 'ValidationError':
      return `STS rejected a parameter.${said}`;
    case 'MalformedPolicyDocument':
      return `The session policy is not valid policy JSON.${said}`;
    case 'PackedPolicyTooLarge':
      return `The session policies and tags are too large once packed: pass fewer or shorter ones.${said}`;
    case 'InvalidAction':
      return `STS does not know this action or version.${said}`;
    case 'Throttling':
      return `STS is throttling requests: wait a moment and try again.${said}`;
    default:
      return code
        ? `STS answered with the error ${safeQuote(code)}.${said}`
        : `STS answered with an error.${said}`;
  }
}

function failure(xml: string, expected: string, status?: number): { ok: false; error: StsError } {
  if (typeof xml !== 'string') return { ok: false, error: notSts(expected, status) };
  if (xml.length > MAX_STS_RESPONSE_LENGTH)
    return {
      ok: false,
      error: {
        ...notSts(expected, status),
        sentence: `The answer is larger than 1 MiB: STS's are a few kilobytes, so this is not one.`,
      },
    };
  return { ok: false, error: parseStsError(xml) ?? notSts(expected, status) };
}

function missing(what: string[]): StsError {
  return {
    ...notSts('STS answer'),
    sentence: `STS's answer lacks ${what.join(', ')}: it may have been cut short.`,
  };
}

/** Reads <AssumeRoleResponse>; an error body (or anything else) becomes an StsError. */
export function parseAssumeRoleResponse(
  xml: string,
  status?: number,
): StsResult<AssumedRoleCredentials> {
  if (
    typeof xml !== 'string' ||
    xml.length > MAX_STS_RESPONSE_LENGTH ||
    !rootIs(xml, 'AssumeRoleResponse')
  )
    return failure(xml, 'an AssumeRole answer', status);
  // The role's ARN is the one under AssumedRoleUser (the only Arn STS sends there today).
  const user = elementRange(xml, 'AssumedRoleUser');
  const fields = {
    accessKeyId: elementText(xml, 'AccessKeyId'),
    secretAccessKey: elementText(xml, 'SecretAccessKey'),
    sessionToken: elementText(xml, 'SessionToken'),
    expiration: elementText(xml, 'Expiration'),
    assumedRoleArn: user && elementText(xml, 'Arn', user.start),
    assumedRoleId: user && elementText(xml, 'AssumedRoleId', user.start),
  };
  const names: Record<keyof typeof fields, string> = {
    accessKeyId: 'AccessKeyId',
    secretAccessKey: 'SecretAccessKey',
    sessionToken: 'SessionToken',
    expiration: 'Expiration',
    assumedRoleArn: 'Arn',
    assumedRoleId: 'AssumedRoleId',
  };
  const absent = (Object.keys(fields) as Array<keyof typeof fields>).filter((key) => !fields[key]);
  if (absent.length > 0) return { ok: false, error: missing(absent.map((key) => names[key])) };
  return { ok: true, value: fields as AssumedRoleCredentials };
}

/** Reads <GetCallerIdentityResponse>; an error body (or anything else) becomes an StsError. */
export function parseGetCallerIdentityResponse(
  xml: string,
  status?: number,
): StsResult<CallerIdentity> {
  if (
    typeof xml !== 'string' ||
    xml.length > MAX_STS_RESPONSE_LENGTH ||
    !rootIs(xml, 'GetCallerIdentityResponse')
  )
    return failure(xml, 'a GetCallerIdentity answer', status);
  const account = elementText(xml, 'Account');
  const arn = elementText(xml, 'Arn');
  const userId = elementText(xml, 'UserId');
  const absent = [
    ['Account', account],
    ['Arn', arn],
    ['UserId', userId],
  ].filter(([, value]) => !value);
  if (absent.length > 0 || !account || !arn || !userId)
    return { ok: false, error: missing(absent.map(([name]) => name ?? '')) };
  return { ok: true, value: { account, arn, userId } };
}
