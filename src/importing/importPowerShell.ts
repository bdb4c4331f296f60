// Imports a PowerShell Invoke-WebRequest or Invoke-RestMethod command (iwr, irm), as Chrome's
// "Copy as PowerShell" writes it: a WebRequestSession with the user agent and cookies, then
// Invoke-WebRequest -Uri … -Method … -Headers @{…} -ContentType … -Body …. Read as data, never
// run. Never throws.
import { cleanPastedRequest } from './cleanPastedRequest';
import { finishImport, type ImportRequestResult } from './importCurl';
import { powerShellTokens, type PowerShellToken } from './powerShellTokens';
import { MAX_COMMAND_LENGTH } from './shellWords';

const COMMANDS = new Set(['invoke-webrequest', 'invoke-restmethod', 'iwr', 'irm']);

/** Parameters that take a value; the others are switches. */
const VALUE_PARAMETERS = new Set([
  'uri',
  'method',
  'custommethod',
  'headers',
  'contenttype',
  'body',
  'websession',
  'useragent',
  'infile',
  'outfile',
  'timeoutsec',
  'maximumredirection',
  'proxy',
  'proxycredential',
  'credential',
  'certificate',
  'certificatethumbprint',
  'sessionvariable',
  'form',
  'authentication',
  'token',
  'statuscodevariable',
  'responseheadersvariable',
  'httpversion',
  'maximumretrycount',
  'retryintervalsec',
  'transferencoding',
  'connectiontimeoutseconds',
  'operationtimeoutseconds',
]);

const MAX_DEPTH = 32;

/** Parameters whose values become part of the imported request. */
const IMPORTED_PARAMETERS = new Set([
  'uri',
  'method',
  'custommethod',
  'headers',
  'contenttype',
  'body',
  'useragent',
  'infile',
  'form',
]);

/** Parameters that make PowerShell add an Authorization header of its own. */
const SIGNING_PARAMETERS = ['authentication', 'credential', 'token'];

type Value = string | Map<string, Value> | null;

const isOp = (token: PowerShellToken | undefined, value: string) =>
  token?.kind === 'op' && token.value === value;

/** Statements: tokens split at line breaks and ; outside brackets. */
function statements(tokens: PowerShellToken[]): PowerShellToken[][] {
  const result: PowerShellToken[][] = [];
  let current: PowerShellToken[] = [];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === 'op') {
      if (['(', '{', '@{', '@('].includes(token.value)) depth++;
      else if ((token.value === ')' || token.value === '}') && depth > 0) depth--;
      else if (depth === 0 && (token.value === '\n' || token.value === ';')) {
        if (current.length > 0) result.push(current);
        current = [];
        continue;
      }
    }
    current.push(token);
  }
  if (current.length > 0) result.push(current);
  return result;
}

/** Where the bracket opened at `start` closes. */
function closing(tokens: PowerShellToken[], start: number): number {
  let depth = 0;
  for (let i = start; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'op') continue;
    if (['(', '{', '@{', '@('].includes(token.value)) depth++;
    else if (token.value === ')' || token.value === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

type Read = { value: Value; next: number } | { error: string };

/** A value: a string, a bare word, a variable set earlier, @{…}, or (…) around one. */
function readValue(
  tokens: PowerShellToken[],
  at: number,
  variables: Map<string, Value>,
  depth = 0,
): Read {
  // Headers and bodies nest one or two levels; deeper is refused before the stack is at risk.
  if (depth > MAX_DEPTH) return { error: `The values are nested deeper than ${MAX_DEPTH} levels.` };
  const token = tokens[at];
  if (token === undefined) return { error: 'A parameter has no value.' };
  if (token.kind === 'string') return { value: token.value, next: at + 1 };
  if (token.kind === 'word') {
    if (token.value.startsWith('$')) {
      const name = token.value.slice(1).toLowerCase();
      if (name === 'null') return { value: null, next: at + 1 };
      if (name === 'true' || name === 'false') return { value: name, next: at + 1 };
      const value = variables.get(name);
      if (value === undefined)
        return {
          error: `${token.value} is a variable this text does not set: replace it with its value.`,
        };
      return { value, next: at + 1 };
    }
    return { value: token.value, next: at + 1 };
  }
  if (token.value === '@{') {
    const end = closing(tokens, at);
    if (end < 0) return { error: 'A @{ … } hashtable is not closed.' };
    const table = new Map<string, Value>();
    let i = at + 1;
    while (i < end) {
      if (isOp(tokens[i], '\n') || isOp(tokens[i], ';')) {
        i++;
        continue;
      }
      const key = tokens[i]!;
      if (key.kind === 'op' || !isOp(tokens[i + 1], '='))
        return { error: 'A @{ … } hashtable entry must be "name" = "value".' };
      const value = readValue(tokens, i + 2, variables, depth + 1);
      if ('error' in value) return value;
      table.set(key.value, value.value);
      i = value.next;
    }
    return { value: table, next: end + 1 };
  }
  if (token.value === '(') {
    const end = closing(tokens, at);
    if (end < 0) return { error: 'A ( … ) is not closed.' };
    const inner = tokens.slice(at + 1, end);
    // Chrome sends a body with characters outside ASCII as UTF-8 bytes of the string.
    const getBytes = inner[0];
    if (
      getBytes?.kind === 'word' &&
      /^\[System\.Text\.Encoding\]::UTF8\.GetBytes$/i.test(getBytes.value) &&
      isOp(inner[1], '(') &&
      inner[2]?.kind === 'string' &&
      isOp(inner[3], ')') &&
      inner.length === 4
    )
      return { value: inner[2].value, next: end + 1 };
    const value = readValue(inner, 0, variables, depth + 1);
    if ('error' in value) return value;
    if (value.next !== inner.length)
      return {
        error: 'A ( … ) holds PowerShell code, which is not run here: replace it with its value.',
      };
    return { value: value.value, next: end + 1 };
  }
  return {
    error: `Expected a value, found “${token.value === '\n' ? 'a line break' : token.value}”.`,
  };
}

/** x-www-form-urlencoded, as .NET writes a hashtable body (WebUtility.UrlEncode). */
function formBody(table: Map<string, Value>): string {
  const encode = (text: string) =>
    encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replace(/%20/g, '+');
  return [...table]
    .map(([key, value]) => `${encode(key)}=${encode(String(value ?? ''))}`)
    .join('&');
}

/** Reads a PowerShell web request; the error says which part could not be read. */
export function importPowerShell(text: string): ImportRequestResult {
  const cleaned = cleanPastedRequest(text);
  if (!cleaned.ok) return cleaned;
  if (cleaned.text.length > MAX_COMMAND_LENGTH)
    return { ok: false, error: `The command is longer than ${MAX_COMMAND_LENGTH} characters.` };
  const tokens = powerShellTokens(cleaned.text);
  if ('error' in tokens) return { ok: false, error: tokens.error };
  const variables = new Map<string, Value>();
  const sessionHeaders: Array<[string, string]> = [];
  const cookies: string[] = [];
  const notes: string[] = [];
  let command: PowerShellToken[] | undefined;
  for (const statement of statements(tokens)) {
    const first = statement[0]!;
    if (first.kind === 'word' && COMMANDS.has(first.value.toLowerCase())) {
      if (command !== undefined) {
        notes.push('Only the first web request was read; the others were left out.');
        break;
      }
      command = statement;
      continue;
    }
    if (first.kind !== 'word' || !first.value.startsWith('$')) {
      if (first.kind === 'word')
        notes.push(`${first.value.slice(0, 40)} … was left out: it is not a web request.`);
      continue;
    }
    const name = first.value.slice(1).toLowerCase();
    if (/\.cookies\.add$/.test(name)) {
      // $session.Cookies.Add((New-Object System.Net.Cookie("name", "value", "/", "domain")))
      const strings = statement
        .filter((token) => token.kind === 'string')
        .map((token) => token.value);
      if (strings.length >= 2) cookies.push(`${strings[0]}=${strings[1]}`);
      continue;
    }
    if (!isOp(statement[1], '=')) continue;
    if (/\.useragent$/.test(name) && statement[2]?.kind === 'string') {
      sessionHeaders.push(['User-Agent', statement[2].value]);
      continue;
    }
    if (statement[2]?.kind === 'word' && /^New-Object$/i.test(statement[2].value)) continue;
    const value = readValue(statement, 2, variables);
    // A variable set by code (a call, a pipeline) stays unknown: using it names it.
    if (!('error' in value) && value.next === statement.length) variables.set(name, value.value);
  }
  if (command === undefined)
    return { ok: false, error: 'No Invoke-WebRequest or Invoke-RestMethod command was found.' };

  const parameters = new Map<string, Value>();
  const switches: string[] = [];
  const unknown: string[] = [];
  let uri: Value | undefined;
  for (let i = 1; i < command.length;) {
    const token = command[i]!;
    if (isOp(token, '|')) {
      notes.push('What the result is piped into was left out.');
      break;
    }
    if (token.kind === 'word' && /^-[A-Za-z]/.test(token.value)) {
      const [rawName, inline] = token.value.slice(1).split(/:(.*)/s) as [string, string?];
      const name = rawName.toLowerCase();
      if (!VALUE_PARAMETERS.has(name)) {
        if (
          !/^(usebasicparsing|usedefaultcredentials|disablekeepalive|skipcertificatecheck|skipheadervalidation|allowunencryptedauthentication|passthru|noproxy|preserveauthorizationonredirect|resume|skiphttperrorcheck|allowinsecureredirect)$/.test(
            name,
          )
        )
          unknown.push(token.value);
        else switches.push(token.value);
        i++;
        continue;
      }
      if (inline !== undefined && inline !== '') {
        parameters.set(name, inline);
        i++;
        continue;
      }
      const next = command[i + 1];
      if (!IMPORTED_PARAMETERS.has(name) && next?.kind === 'word' && next.value.startsWith('$')) {
        // A variable for a parameter that is not imported need not be known: -WebSession $session
        // (its user agent and cookies were read from the lines that set it up), -Token $token.
        parameters.set(name, null);
        i += 2;
        continue;
      }
      const value = readValue(command, i + 1, variables);
      if ('error' in value) return { ok: false, error: `-${rawName}: ${value.error}` };
      parameters.set(name, value.value);
      i = value.next;
      continue;
    }
    if (uri === undefined) {
      const value = readValue(command, i, variables);
      if ('error' in value) return { ok: false, error: value.error };
      uri = value.value;
      i = value.next;
      continue;
    }
    return {
      ok: false,
      error: `Not understood: ${token.kind === 'op' ? token.value : token.value.slice(0, 40)}.`,
    };
  }
  uri = parameters.get('uri') ?? uri;
  if (typeof uri !== 'string' || uri === '')
    return { ok: false, error: 'The command has no -Uri.' };
  const method = parameters.get('custommethod') ?? parameters.get('method') ?? 'GET';
  if (typeof method !== 'string' || !/^[A-Za-z-]+$/.test(method))
    return { ok: false, error: '-Method must be a method name such as POST.' };

  const headers: Array<[string, string]> = [...sessionHeaders];
  const given = parameters.get('headers');
  if (given instanceof Map) {
    for (const [name, value] of given) headers.push([name, typeof value === 'string' ? value : '']);
  } else if (given !== undefined && given !== null)
    return { ok: false, error: '-Headers must be a hashtable: @{ "name" = "value" }.' };
  const userAgent = parameters.get('useragent');
  if (typeof userAgent === 'string') headers.push(['User-Agent', userAgent]);
  if (cookies.length > 0 && !headers.some(([name]) => name.toLowerCase() === 'cookie'))
    headers.push(['Cookie', cookies.join('; ')]);
  const contentType = parameters.get('contenttype');
  if (typeof contentType === 'string') headers.push(['Content-Type', contentType]);

  let url = uri;
  let body = '';
  const rawBody = parameters.get('body');
  if (rawBody instanceof Map) {
    const encoded = formBody(rawBody);
    if (method.toUpperCase() === 'GET') {
      url += (url.includes('?') ? '&' : '?') + encoded;
      notes.push('With GET, PowerShell puts a hashtable -Body in the query string.');
    } else body = encoded;
  } else if (typeof rawBody === 'string') body = rawBody;
  if (
    body !== '' &&
    contentType === undefined &&
    !headers.some(([n]) => n.toLowerCase() === 'content-type')
  ) {
    headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    notes.push(
      'PowerShell sends a -Body without -ContentType as application/x-www-form-urlencoded; it was added.',
    );
  }
  const inFile = parameters.get('infile');
  if (typeof inFile === 'string')
    notes.push(
      `-InFile reads the body from the file ${inFile}; its content is not in the command, so the body is empty.`,
    );
  if (parameters.has('form'))
    return {
      ok: false,
      error:
        '-Form builds a multipart body from files and fields, which this page cannot rebuild: paste the request as curl instead.',
    };
  const dropped = [...parameters.keys()].filter(
    (name) =>
      !IMPORTED_PARAMETERS.has(name) && name !== 'websession' && !SIGNING_PARAMETERS.includes(name),
  );
  const signing = SIGNING_PARAMETERS.filter((name) => parameters.has(name));
  if (signing.length > 0)
    notes.push(
      `${signing.map((name) => `-${name}`).join(', ')} add an Authorization header from a credential this text does not hold: add that header by hand.`,
    );
  if (dropped.length > 0 || switches.length > 0)
    notes.push(
      `Left out, as they do not change the request: ${[...switches, ...dropped.map((name) => `-${name}`)].join(', ')}.`,
    );
  if (unknown.length > 0) notes.push(`Not understood, and left out: ${unknown.join(', ')}.`);
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) url = `http://${url}`;
  return { ok: true, request: finishImport({ method, url, headers, body }, notes) };
}
