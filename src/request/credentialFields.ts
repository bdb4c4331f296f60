// Which parts of a request carry a credential: the one rule that storage, history, share links and
// exports apply before a request leaves the page's memory. Such values are treated like the
// secret key: kept out unless the user asks for them.
import { splitQuery, withQuery } from './queryParams';
import { VARIABLE_REFERENCE } from './variableReferences';

/*
 * The rule, on the name with case and every character but letters and digits dropped
 * (`X-Amz-Security-Token` → `xamzsecuritytoken`, `apiKey` → `apikey`):
 *
 * - the name ENDS with the noun that names a credential (token, secret, password, passwd,
 *   passphrase, credential(s), signature, cookie, authorization, session, sessionid, sessid, jwt,
 *   and the keys apikey, accesskey, secretkey, privatekey, authkey, subscriptionkey, customerkey,
 *   signingkey, masterkey, accountkey, sharedkey);
 * - or CONTAINS secret, password or passwd anywhere (client_secret_v2, password-hash);
 * - or IS one of the short names APIs use for one: key (Google's ?key=), sig (Azure's SAS),
 *   sid, auth, pwd.
 *
 * Matching the last noun rather than any part keeps harmless names out: SignatureVersion,
 * X-Amz-SignedHeaders, RoleSessionName, key-marker, Idempotency-Key, Sec-WebSocket-Key,
 * x-amz-server-side-encryption-customer-key-MD5 and AWSAccessKeyId (an ID, not a secret) are not
 * credentials. Tokens that only page or deduplicate (NextToken, ContinuationToken, pageToken,
 * ClientToken, …) are not either: leaving them out would break a user's URL for nothing.
 *
 * The same rule serves header names and query parameter names (a query name is read
 * percent-decoded): APIs move one credential between the two (api_key, X-Api-Key).
 */
const CREDENTIAL_SUFFIXES = [
  'token',
  'secret',
  'password',
  'passwd',
  'passphrase',
  'credential',
  'credentials',
  'signature',
  'cookie',
  'authorization',
  'session',
  'sessionid',
  'sessid',
  'jwt',
  'apikey',
  'accesskey',
  'secretkey',
  'privatekey',
  'authkey',
  'subscriptionkey',
  'customerkey',
  'signingkey',
  'masterkey',
  'accountkey',
  'sharedkey',
];
const CREDENTIAL_PARTS = ['secret', 'password', 'passwd'];
const CREDENTIAL_NAMES = new Set(['key', 'sig', 'sid', 'auth', 'pwd']);
/** Tokens that page through results or make a call idempotent: no secret in them. */
const HARMLESS_TOKENS = [
  'nexttoken',
  'continuationtoken',
  'pagetoken',
  'paginationtoken',
  'pagingtoken',
  'idempotencytoken',
  'clienttoken',
  'synctoken',
  'starttoken',
  'resumetoken',
  'cursortoken',
];
/** Linear in the name's length: no backtracking, whatever was typed or pasted. */
function squeeze(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function isCredentialName(name: string): boolean {
  const squeezed = squeeze(name);
  if (squeezed === '') return false;
  if (CREDENTIAL_NAMES.has(squeezed)) return true;
  if (CREDENTIAL_PARTS.some((part) => squeezed.includes(part))) return true;
  if (HARMLESS_TOKENS.some((harmless) => squeezed.endsWith(harmless))) return false;
  return CREDENTIAL_SUFFIXES.some((suffix) => squeezed.endsWith(suffix));
}

/** Whether a header with this name carries a credential (Authorization, Cookie, X-Api-Key, …). */
export function isCredentialHeader(name: string): boolean {
  return isCredentialName(name);
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, '%20'));
  } catch {
    return text;
  }
}

/**
 * Whether a query parameter with this name (as written in the URL, percent-encoded or not)
 * carries a credential: X-Amz-Signature, X-Amz-Credential, X-Amz-Security-Token, api_key, token…
 */
export function isCredentialQueryParam(name: string): boolean {
  return isCredentialName(percentDecoded(name));
}

/**
 * A variable name this long or longer, between braces, is taken for text: a token pasted inside
 * `{{…}}` is no reference to keep.
 */
const MAX_NAMING_REFERENCE_CHARS = 64;
/**
 * Stands for one reference once they are cut out: braces left over after that are literal text,
 * and a value that writes the mark itself is never taken for names.
 */
const REFERENCE_MARK = '{}';
/**
 * Only reference marks, apart by spaces, after at most one scheme word (`Bearer`, `Basic`, `Token`,
 * `SSWS`): letters and hyphens, so a key, a token or base64 beside a reference is never one.
 * Linear: the optional word is bounded, and marks and spaces cannot match each other.
 */
const ONLY_MARKS = /^\s*(?:[A-Za-z][A-Za-z-]{0,19}\s+)?\{\}(?:\s*\{\})*\s*$/;

/**
 * Whether a credential's value only names it through variables — `{{apiKey}}`, `Bearer {{token}}`,
 * `{{scheme}} {{token}}` — rather than holding it. Such a value is no secret: the variable holds
 * one and follows the rules of secret variables (memory only unless the user chooses otherwise),
 * so every place that keeps requests (history, share links, the browser's storage, collections,
 * files on disk, imports) keeps the value as written. Any literal text beside the references but
 * one scheme word is taken for a credential.
 */
export function onlyNamesCredential(value: string): boolean {
  if (!value.includes('{{') || value.includes(REFERENCE_MARK)) return false;
  const marked = value.replace(VARIABLE_REFERENCE, (whole, name: string) =>
    name.length < MAX_NAMING_REFERENCE_CHARS ? REFERENCE_MARK : whole,
  );
  return ONLY_MARKS.test(marked);
}

/** Whether a credential field's value is to be left out: it holds text, and not only names. */
function holdsCredential(value: string): boolean {
  return value !== '' && !onlyNamesCredential(value);
}

/**
 * `scheme://user:password@` up to the authority's last '@', as parseUrl reads it: browsers do not
 * send it, and it is a secret.
 */
const USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#\\]*)@/i;

export interface UrlWithoutCredentials {
  url: string;
  /** What was taken out, as the page names it: parameter names, or 'user:password@'. */
  withheld: string[];
}

/**
 * The URL without its credential-bearing query parameters and without a user name and password.
 * A credential parameter whose value is empty or only names variables (onlyNamesCredential)
 * stays. Everything else (order, encoding, fragment) stays as written.
 */
export function withoutCredentialsInUrl(url: string): UrlWithoutCredentials {
  const withheld: string[] = [];
  let cleaned = url;
  const userInfo = USER_INFO.exec(cleaned);
  if (userInfo !== null) {
    cleaned = userInfo[1]! + cleaned.slice(userInfo[0].length);
    withheld.push('user:password@');
  }
  const params = splitQuery(cleaned);
  const kept = params.filter((param) => {
    if (!isCredentialQueryParam(param.name) || !holdsCredential(param.value)) return true;
    if (!withheld.includes(param.name)) withheld.push(param.name);
    return false;
  });
  if (kept.length !== params.length) cleaned = withQuery(cleaned, kept);
  return { url: cleaned, withheld };
}

/** A header row as the store, history and share links hold it. */
export interface NamedValue {
  name: string;
  value: string;
  /** The value was left out when the request was saved or shared: the user pastes it again. */
  withheld?: boolean;
}

/**
 * The rows with every credential header's value left out: the row stays, with an empty value
 * and `withheld`, so the page can say which value to paste again. Other rows, and credential
 * rows whose value only names variables (onlyNamesCredential), are returned as they are.
 */
export function withoutCredentialHeaders<Row extends NamedValue>(rows: readonly Row[]): Row[] {
  return rows.map((row) =>
    isCredentialHeader(row.name) && holdsCredential(row.value)
      ? { ...row, value: '', withheld: true }
      : row,
  );
}

/**
 * Whether a row's value was left out and not pasted again yet. Such a row is not a header to
 * send: signing and sending an empty value in its place would only make the server refuse it.
 */
export function awaitsWithheldValue(row: NamedValue): boolean {
  return row.withheld === true && row.value === '';
}

/** The names of the rows whose value was left out, for a note that says so. */
export function withheldHeaderNames(rows: readonly NamedValue[]): string[] {
  return rows.filter(awaitsWithheldValue).map((row) => row.name);
}
