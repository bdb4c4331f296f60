// Which parts of a request carry a credential: the one rule that storage, history, share links and
// exports apply before a request leaves the page's memory. Such values are treated like the
// secret key: kept out unless the user asks for them.
import { splitQuery, withQuery } from './queryParams';

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
 * Everything else (order, encoding, fragment) stays as written.
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
  const kept = params.filter((param) => !isCredentialQueryParam(param.name));
  if (kept.length !== params.length) {
    for (const param of params) {
      if (isCredentialQueryParam(param.name) && !withheld.includes(param.name))
        withheld.push(param.name);
    }
    cleaned = withQuery(cleaned, kept);
  }
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
 * and `withheld`, so the page can say which value to paste again. Other rows are returned as
 * they are.
 */
export function withoutCredentialHeaders<Row extends NamedValue>(rows: readonly Row[]): Row[] {
  return rows.map((row) => {
    if (!isCredentialHeader(row.name)) return row;
    if (row.value === '') return row;
    return { ...row, value: '', withheld: true };
  });
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
