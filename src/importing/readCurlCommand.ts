// Reads a curl command's words into what curl would send: the one curl option reader shared by
// importing (importCurl) and the signature check (diagnosis/checkSignature).
import { parseUrl, utf8 } from '../signing';
import { commandWords, MAX_COMMAND_LENGTH } from './shellWords';

/** Options that take a value (the next word, or the rest of a short-option cluster). */
const CURL_ARG_OPTIONS = new Set([
  '-X',
  '--request',
  '-H',
  '--header',
  '-d',
  '--data',
  '--data-raw',
  '--data-binary',
  '--data-ascii',
  '--data-urlencode',
  '--json',
  '--url',
  '-A',
  '--user-agent',
  '-e',
  '--referer',
  '-b',
  '--cookie',
  '-o',
  '--output',
  '-u',
  '--user',
  '--aws-sigv4',
  '-x',
  '--proxy',
  '--connect-timeout',
  '-m',
  '--max-time',
  '-w',
  '--write-out',
  '--retry',
  '--cacert',
  '--cert',
  '--key',
  '-E',
  '--resolve',
  '--interface',
  '-T',
  '--upload-file',
  '-F',
  '--form',
  '-r',
  '--range',
  '--max-redirs',
  '--limit-rate',
  '-c',
  '--cookie-jar',
  '-K',
  '--config',
  '--oauth2-bearer',
  '--data-ascii',
  '-U',
  '--proxy-user',
  '--http-version',
  '--tls-max',
  '--ciphers',
  '--dns-servers',
  '--expect100-timeout',
]);
const CURL_SHORT_WITH_ARG = new Set([...CURL_ARG_OPTIONS].filter((name) => /^-\w$/.test(name)));

/** Flags that change nothing in the request that is signed; importing notes that they were dropped. */
const IGNORED_FLAGS = new Map<string, string>([
  ['--compressed', '--compressed'],
  ['-k', '-k (--insecure)'],
  ['--insecure', '-k (--insecure)'],
  ['-s', '-s (--silent)'],
  ['--silent', '-s (--silent)'],
  ['-S', '-S (--show-error)'],
  ['--show-error', '-S (--show-error)'],
  ['-i', '-i (--include)'],
  ['--include', '-i (--include)'],
  ['-L', '-L (--location)'],
  ['--location', '-L (--location)'],
  ['-v', '-v (--verbose)'],
  ['--verbose', '-v (--verbose)'],
  ['-g', '-g (--globoff)'],
  ['--globoff', '-g (--globoff)'],
  ['--path-as-is', '--path-as-is'],
  ['-f', '-f (--fail)'],
  ['--fail', '-f (--fail)'],
  ['--fail-with-body', '--fail-with-body'],
  ['-N', '-N (--no-buffer)'],
  ['--no-buffer', '-N (--no-buffer)'],
  ['-#', '-# (--progress-bar)'],
  ['--progress-bar', '-# (--progress-bar)'],
  ['--http1.1', '--http1.1'],
  ['--http2', '--http2'],
  ['--http1.0', '--http1.0'],
  ['-0', '-0 (--http1.0)'],
  ['--tlsv1.2', '--tlsv1.2'],
  ['--ipv4', '--ipv4'],
  ['-4', '-4'],
  ['--ipv6', '--ipv6'],
  ['-6', '-6'],
]);

export interface CurlData {
  option: string;
  /** The value as curl sends it (--data-urlencode already encoded). */
  value: string;
}

export interface CurlCommand {
  /** -X/--request, if given. */
  method?: string;
  url: string;
  /** -H headers as given (and -A, -e, -b, -r as the headers they become), in order. */
  headers: Array<[string, string]>;
  /** Header names that -H "Name:" told curl not to send. */
  removedHeaders: string[];
  data: CurlData[];
  /** -G/--get: the data goes in the query. */
  get: boolean;
  /** -I/--head. */
  head: boolean;
  /** -u/--user. */
  user?: string;
  /** --aws-sigv4's provider string: aws:amz:REGION:SERVICE. */
  awsSigv4?: string;
  /** Flags with no effect on the signed request (-s, -k, --compressed, …), as written. */
  ignoredFlags: string[];
  /** Options this reader does not know (taken to have no value). */
  unknownOptions: string[];
  /** Known options with a value that is not part of the request (-o file, -x proxy, …). */
  droppedOptions: string[];
  /** What could not be read exactly (a body read from a file, …). */
  notes: string[];
}

const hasHeader = (headers: ReadonlyArray<readonly [string, string]>, name: string) =>
  headers.some(([key]) => key.toLowerCase() === name);

/**
 * curl's own URL encoding (curl_easy_escape): all but A-Z a-z 0-9 - . _ ~ as %XX. A lone surrogate
 * (from $'\ud800') has no UTF-8 form, which encodeURIComponent throws on: it becomes U+FFFD, as
 * TextEncoder writes it into the body the page sends.
 */
function curlEscape(text: string): string {
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** --data-urlencode: "content", "=content", "name=content"; "@file" and "name@file" read files. */
function urlencodeData(value: string, notes: string[]): string {
  const equals = value.indexOf('=');
  const at = value.indexOf('@');
  if (at >= 0 && (equals < 0 || at < equals)) {
    notes.push(
      `--data-urlencode ${value} reads the file ${value.slice(at + 1)}; its text is not in the command, so the body here is the name only.`,
    );
    return value;
  }
  if (equals < 0) return curlEscape(value);
  const name = value.slice(0, equals);
  return `${name}${name === '' ? '' : '='}${curlEscape(value.slice(equals + 1))}`;
}

/** The words of a curl command, read as curl reads its options. */
export function readCurlCommand(text: string): CurlCommand | { error: string } {
  if (text.length > MAX_COMMAND_LENGTH)
    return { error: `The command is longer than ${MAX_COMMAND_LENGTH} characters.` };
  const words = commandWords(text);
  if (words[0] === '$') words.shift();
  if (words[0] !== 'curl' && words[0] !== 'curl.exe')
    return { error: 'A curl command starts with curl.' };
  let method: string | undefined;
  let url: string | undefined;
  const command: Omit<CurlCommand, 'url'> = {
    headers: [],
    removedHeaders: [],
    data: [],
    get: false,
    head: false,
    ignoredFlags: [],
    unknownOptions: [],
    droppedOptions: [],
    notes: [],
  };
  const { headers, notes } = command;
  const take = (option: string, value: string) => {
    if (option.startsWith('-d') || option.startsWith('--data') || option === '--json') {
      if (value.startsWith('@') && option !== '--data-raw' && option !== '--data-urlencode')
        notes.push(
          `curl reads the body from the file ${value.slice(1)}; the body here is the text “${value}” instead, so its hash will not match the file's.`,
        );
    }
    switch (option) {
      case '-X':
      case '--request':
        method = value;
        break;
      case '-H':
      case '--header': {
        const colon = value.indexOf(':');
        if (colon > 0) {
          const headerValue = value.slice(colon + 1).trim();
          // "Name:" with nothing after it removes a header curl would send.
          if (headerValue !== '') headers.push([value.slice(0, colon).trim(), headerValue]);
          else command.removedHeaders.push(value.slice(0, colon).trim().toLowerCase());
        } else if (value.endsWith(';')) headers.push([value.slice(0, -1).trim(), '']);
        break;
      }
      case '-d':
      case '--data':
      case '--data-ascii':
      case '--data-raw':
      case '--data-binary':
        // curl drops line breaks from -d data read from files only; inline text is sent as is.
        command.data.push({ option, value });
        break;
      case '--data-urlencode':
        command.data.push({ option, value: urlencodeData(value, notes) });
        break;
      case '--json':
        command.data.push({ option, value });
        if (!hasHeader(headers, 'content-type')) headers.push(['Content-Type', 'application/json']);
        if (!hasHeader(headers, 'accept')) headers.push(['Accept', 'application/json']);
        break;
      case '--url':
        url = value;
        break;
      case '-A':
      case '--user-agent':
        headers.push(['User-Agent', value]);
        break;
      case '-e':
      case '--referer':
        headers.push(['Referer', value]);
        break;
      case '-b':
      case '--cookie':
        if (value.includes('=')) headers.push(['Cookie', value]);
        break;
      case '-r':
      case '--range':
        headers.push(['Range', `bytes=${value}`]);
        break;
      case '-u':
      case '--user':
        command.user = value;
        break;
      case '--aws-sigv4':
        command.awsSigv4 = value;
        break;
      case '--oauth2-bearer':
        headers.push(['Authorization', `Bearer ${value}`]);
        break;
      default:
        command.droppedOptions.push(`${option} ${value}`);
    }
  };
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    if (word.startsWith('--') && word.length > 2) {
      const equals = word.indexOf('=');
      if (word === '--head') command.head = true;
      else if (word === '--get') command.get = true;
      else if (CURL_ARG_OPTIONS.has(word)) take(word, words[++i] ?? '');
      else if (IGNORED_FLAGS.has(word)) command.ignoredFlags.push(IGNORED_FLAGS.get(word)!);
      else if (equals > 0 && CURL_ARG_OPTIONS.has(word.slice(0, equals)))
        take(word.slice(0, equals), word.slice(equals + 1));
      else command.unknownOptions.push(word);
    } else if (word.startsWith('-') && word.length > 1) {
      // A cluster of short options: -sSi, -XPOST, -H'Name: value'.
      for (let j = 1; j < word.length; j++) {
        const option = `-${word[j]}`;
        if (CURL_SHORT_WITH_ARG.has(option)) {
          const rest = word.slice(j + 1);
          take(option, rest !== '' ? rest : (words[++i] ?? ''));
          break;
        }
        if (option === '-I') command.head = true;
        else if (option === '-G') command.get = true;
        else if (IGNORED_FLAGS.has(option)) command.ignoredFlags.push(IGNORED_FLAGS.get(option)!);
        else command.unknownOptions.push(option);
      }
    } else if (url === undefined) url = word;
    else notes.push(`A second URL (${word}) was left out: curl would request it too.`);
  }
  if (url === undefined) return { error: 'The curl command has no URL.' };
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url)) url = `http://${url}`;
  return { ...command, url, ...(method !== undefined ? { method } : {}) };
}

/** The body curl sends: --data pieces joined with &, --json pieces back to back. */
export function curlBody(data: readonly CurlData[]): string {
  let body = '';
  data.forEach(({ option, value }, index) => {
    body += index > 0 && option !== '--json' ? `&${value}` : value;
  });
  return body;
}

/** The request curl makes of a command: what it sends besides the headers it was given. */
export interface CurlRequest {
  method: string;
  /** The URL, with the data in its query when -G (--get) put it there. */
  url: string;
  body: string;
  /** -G (--get) moved the data into the query. */
  dataInQuery: boolean;
  /**
   * Headers curl adds by itself (Host, Accept; Content-Length and its form Content-Type for
   * data), unless the command gives them or removes them with "-H 'Name:'".
   */
  implicitHeaders: Array<[string, string]>;
}

/** What curl sends for a command: shared by Import and "Check a signature". */
export function curlRequest(command: CurlCommand): CurlRequest {
  let url = command.url;
  let body = curlBody(command.data);
  const dataInQuery = command.get && body !== '';
  if (dataInQuery) {
    url += (url.includes('?') ? '&' : '?') + body;
    body = '';
  }
  const sendsData = command.data.length > 0 && !command.get;
  const implicitHeaders: Array<[string, string]> = [];
  const add = (name: string, value: string) => {
    const lower = name.toLowerCase();
    if (!hasHeader(command.headers, lower) && !command.removedHeaders.includes(lower))
      implicitHeaders.push([name, value]);
  };
  add('Host', parseUrl(url).host);
  add('Accept', '*/*');
  if (sendsData) {
    add('Content-Length', String(utf8(body).length));
    add('Content-Type', 'application/x-www-form-urlencoded');
  }
  return {
    method: command.method ?? (command.head ? 'HEAD' : sendsData ? 'POST' : 'GET'),
    url,
    body,
    dataInQuery,
    implicitHeaders,
  };
}
