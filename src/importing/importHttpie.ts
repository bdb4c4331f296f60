// Imports an HTTPie command (`http`, `https`) or an xh one (`xh`, `xhs`, which reads the same
// request items): `http [flags] [METHOD] URL [REQUEST_ITEM ...]`. The body is what HTTPie would
// send, byte for byte (Python's json.dumps for JSON, its urlencode for forms), so that its hash
// matches. Never throws.
import { bytesToBase64 } from '../transport/base64';
import { utf8 } from '../signing';
import { cleanPastedRequest } from './cleanPastedRequest';
import { httpieJson, pythonJson, type HttpieJson } from './httpieJson';
import { finishImport, type ImportRequestResult } from './importCurl';
import { commandWords, MAX_COMMAND_LENGTH } from './shellWords';

/** The programs, and the scheme each gives a URL written without one. */
const PROGRAMS = new Map([
  ['http', 'http'],
  ['https', 'https'],
  ['xh', 'http'],
  ['xhs', 'https'],
]);

/** Options that take a value (the next word, or after `=`). */
const VALUE_OPTIONS = new Set([
  '-a',
  '--auth',
  '-A',
  '--auth-type',
  '--raw',
  '--default-scheme',
  '--session',
  '--session-read-only',
  '-o',
  '--output',
  '-p',
  '--print',
  '-P',
  '--history-print',
  '--pretty',
  '-s',
  '--style',
  '--proxy',
  '--cert',
  '--cert-key',
  '--cert-key-pass',
  '--verify',
  '--timeout',
  '--max-redirects',
  '--boundary',
  '--format-options',
  '--response-charset',
  '--response-mime',
  '--ssl',
  '--ciphers',
  '--bearer',
  '--http-version',
]);

/** Flags that change what is printed or how it is sent, not the request that is signed. */
const IGNORED_FLAGS = new Set([
  '-v',
  '--verbose',
  '-h',
  '--headers',
  '-b',
  '--body',
  '-m',
  '--meta',
  '-F',
  '--follow',
  '-d',
  '--download',
  '-c',
  '--continue',
  '-q',
  '--quiet',
  '-S',
  '--stream',
  '--offline',
  '--check-status',
  '-I',
  '--ignore-stdin',
  '--all',
  '--path-as-is',
  '--unsorted',
  '--sorted',
  '--ignore-netrc',
  '--debug',
  '--traceback',
  '--chunked',
  '-x',
  '--compress',
  '--multipart',
]);

/** Request-item separators, longest first: at one position the longest one is the item's. */
const SEPARATORS = [':=@', '==@', '=@', ':=', '==', '=', ':', '@'] as const;
type Separator = (typeof SEPARATORS)[number];

interface RequestItem {
  key: string;
  separator: Separator;
  value: string;
}

/**
 * Splits `key<sep>value` at the first separator that is not escaped with a backslash (HTTPie's
 * `\:` and `\=` put those characters in a key). One pass over the word.
 */
function readItem(word: string): RequestItem | undefined {
  let key = '';
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!;
    if (char === '\\' && i + 1 < word.length) {
      key += word[++i];
      continue;
    }
    const separator = SEPARATORS.find((sep) => word.startsWith(sep, i));
    if (separator !== undefined) return { key, separator, value: word.slice(i + separator.length) };
    key += char;
  }
  return undefined;
}

/** Python's urlencode (quote_plus): all but A-Z a-z 0-9 _ . - ~ as %XX, and a space as +. */
function formEncode(text: string): string {
  return Array.from(utf8(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')), (byte) => {
    const char = String.fromCharCode(byte);
    if (/[A-Za-z0-9_.~-]/.test(char)) return char;
    return byte === 0x20 ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

/**
 * Pairs urlencoded as HTTPie sends them: its items are a multi-value dict, so the values of a
 * repeated key are grouped at the key's first place (`a=1 b=2 a=3` is a=1&a=3&b=2).
 */
function formEncodePairs(pairs: ReadonlyArray<readonly [string, string]>): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of pairs) {
    const values = grouped.get(key);
    if (values === undefined) grouped.set(key, [value]);
    else values.push(value);
  }
  return [...grouped]
    .flatMap(([key, values]) => values.map((value) => `${formEncode(key)}=${formEncode(value)}`))
    .join('&');
}

/** `:3000` and `:/path` are HTTPie's localhost; a URL without a scheme gets the default one. */
function httpieUrl(url: string, scheme: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) return url;
  if (url.startsWith(':')) {
    const rest = url.slice(1);
    const port = /^\d*/.exec(rest)![0];
    return `${scheme}://localhost${port === '' ? '' : `:${port}`}${rest.slice(port.length) || ''}`;
  }
  return `${scheme}://${url}`;
}

const hasHeader = (headers: ReadonlyArray<readonly [string, string]>, name: string) =>
  headers.some(([key]) => key.toLowerCase() === name);

/** Reads an HTTPie or xh command; the error says which part was not understood. */
export function importHttpie(text: string): ImportRequestResult {
  const cleaned = cleanPastedRequest(text);
  if (!cleaned.ok) return cleaned;
  const command = cleaned.text.trim();
  if (command.length > MAX_COMMAND_LENGTH)
    return { ok: false, error: `The command is longer than ${MAX_COMMAND_LENGTH} characters.` };
  const words = commandWords(command);
  let scheme = PROGRAMS.get(words[0] ?? '');
  if (scheme === undefined)
    return { ok: false, error: 'An HTTPie command starts with http, https, xh or xhs.' };
  const notes: string[] = [];
  const ignored: string[] = [];
  const unknown: string[] = [];
  const positionals: string[] = [];
  let form = false;
  let explicitJson = false;
  let raw: string | undefined;
  let auth: string | undefined;
  let authType = 'basic';
  let bearer: string | undefined;
  let onlyPositionals = false;
  const take = (option: string, value: string) => {
    switch (option) {
      case '-a':
      case '--auth':
        auth = value;
        break;
      case '-A':
      case '--auth-type':
        authType = value.toLowerCase();
        break;
      case '--bearer':
        bearer = value;
        break;
      case '--raw':
        raw = value;
        break;
      case '--default-scheme':
        scheme = value.replace(/:\/\/$/, '');
        break;
      case '--session':
      case '--session-read-only':
        notes.push(
          `${option} ${value} adds the headers and cookies stored in that session, which are not in the command.`,
        );
        break;
      default:
        ignored.push(`${option} ${value}`);
    }
  };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (onlyPositionals || !word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      onlyPositionals = true;
      continue;
    }
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = equals > 0 ? word.slice(0, equals) : word;
    if (VALUE_OPTIONS.has(name))
      take(name, equals > 0 ? word.slice(equals + 1) : (words[++i] ?? ''));
    else if (name === '-f' || name === '--form') form = true;
    else if (name === '-j' || name === '--json') {
      form = false;
      explicitJson = true;
    } else if (IGNORED_FLAGS.has(name)) ignored.push(word);
    else unknown.push(word);
  }
  if (positionals.length === 0) return { ok: false, error: 'The HTTPie command has no URL.' };
  // HTTPie's own guess: a first word of letters only, followed by more, is the method.
  let method: string | undefined;
  if (positionals.length > 1 && /^[A-Za-z]+$/.test(positionals[0]!))
    method = positionals.shift()!.toUpperCase();
  const target = positionals.shift()!;
  // HTTPie would try any word as a host; a paste such as "http is a protocol" is not a command.
  if (!/[.:/]/.test(target) && target.toLowerCase() !== 'localhost')
    return {
      ok: false,
      error: `“${target.slice(0, 80)}” is not a URL: an HTTPie command reads http [METHOD] URL [items].`,
    };
  let url = httpieUrl(target, scheme);

  const headers: Array<[string, string]> = [];
  const removed = new Set<string>();
  const query: Array<[string, string]> = [];
  const fields: Array<[string, HttpieJson]> = [];
  for (const word of positionals) {
    if (/^[^:=@\\]+;$/.test(word)) {
      // `Name;` sends the header with an empty value.
      headers.push([word.slice(0, -1), '']);
      continue;
    }
    const item = readItem(word);
    if (item === undefined) {
      notes.push(
        `“${word}” is not a request item (Name:value, name=value, name==value, name:=json): left out.`,
      );
      continue;
    }
    switch (item.separator) {
      case ':':
        if (item.value === '') removed.add(item.key.toLowerCase());
        else headers.push([item.key, item.value]);
        break;
      case '==':
        query.push([item.key, item.value]);
        break;
      case '=':
        fields.push([item.key, item.value]);
        break;
      case ':=': {
        let value: HttpieJson;
        try {
          value = JSON.parse(item.value) as HttpieJson;
        } catch {
          return {
            ok: false,
            error: `${item.key}:= takes JSON, and “${item.value.slice(0, 80)}” is not JSON.`,
          };
        }
        if (form)
          return { ok: false, error: `${item.key}:= (raw JSON) cannot be sent with --form.` };
        fields.push([item.key, value]);
        break;
      }
      default:
        notes.push(
          `${item.key}${item.separator}${item.value} reads the file ${item.value}; its content is not in the command, so it was left out.`,
        );
    }
  }
  if (query.length > 0) url += (url.includes('?') ? '&' : '?') + formEncodePairs(query);

  let body = '';
  if (raw !== undefined) {
    if (fields.length > 0)
      return { ok: false, error: '--raw and data items (name=value) cannot be used together.' };
    body = raw;
  } else if (fields.length > 0 && form) {
    body = formEncodePairs(fields.map(([key, value]) => [key, String(value)]));
  } else if (fields.length > 0) {
    const json = httpieJson(fields);
    if (json !== null && typeof json === 'object' && 'error' in json)
      return { ok: false, error: json.error };
    body = pythonJson(json);
  }
  const add = (name: string, value: string) => {
    if (!hasHeader(headers, name.toLowerCase()) && !removed.has(name.toLowerCase()))
      headers.push([name, value]);
  };
  // HTTPie sets the form type with -f always, and the JSON types with data, --raw or -j.
  if (form || body !== '' || raw !== undefined || explicitJson) {
    if (form) add('Content-Type', 'application/x-www-form-urlencoded; charset=utf-8');
    else {
      add('Content-Type', 'application/json');
      add('Accept', 'application/json, */*;q=0.5');
    }
    notes.push(
      form
        ? 'HTTPie sends --form data with Content-Type: application/x-www-form-urlencoded; charset=utf-8; it was added.'
        : 'HTTPie sends JSON data with Content-Type: application/json and Accept: application/json, */*;q=0.5; they were added.',
    );
  }

  let keys: { accessKeyId: string; secretAccessKey: string } | undefined;
  if (bearer !== undefined) headers.push(['Authorization', `Bearer ${bearer}`]);
  else if (auth !== undefined) {
    if (authType === 'aws' || authType === 'aws4') {
      // The httpie-aws-auth plugins sign with -a KEY:SECRET; region and service come from the host.
      const colon = auth.indexOf(':');
      keys = {
        accessKeyId: colon < 0 ? auth : auth.slice(0, colon),
        secretAccessKey: colon < 0 ? '' : auth.slice(colon + 1),
      };
      notes.push(
        `--auth-type ${authType} signs with SigV4: the keys went into the credentials; the region and service come from the host name, so check the scope.`,
      );
      if (colon < 0)
        notes.push('--auth names the access key id only: enter the secret access key.');
    } else if (authType === 'bearer') headers.push(['Authorization', `Bearer ${auth}`]);
    else if (authType === 'basic') {
      headers.push(['Authorization', `Basic ${bytesToBase64(utf8(auth))}`]);
      notes.push('--auth became an Authorization: Basic header.');
      if (!auth.includes(':'))
        notes.push('--auth gives no password: HTTPie would ask for it; the header has none.');
    } else
      notes.push(`--auth-type ${authType} is not one this page can sign: --auth was left out.`);
  }
  if (ignored.length > 0)
    notes.push(`Left out, as they do not change the request: ${ignored.join(', ')}.`);
  if (unknown.length > 0) notes.push(`Not understood, and left out: ${unknown.join(', ')}.`);
  return {
    ok: true,
    request: finishImport(
      { method: method ?? (body !== '' ? 'POST' : 'GET'), url, headers, body },
      notes,
      keys,
    ),
  };
}
