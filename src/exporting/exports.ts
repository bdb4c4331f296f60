// Turns a signed request into code to run elsewhere: curl with the signature as made here, curl
// and awscurl that sign on every run, Python (botocore + requests), JavaScript (aws4fetch), raw
// HTTP and the presigned URL. Pure: the caller passes the signing instant.
import { isCredentialHeader } from '../request/credentialFields';
import { DEFAULT_EXPIRES_IN, type SigningInput, type SigningResult } from '../signing';
import {
  bashQuote,
  curlUrl,
  readBody,
  shellBody,
  toBase64,
  toCurl,
  toHttpText,
} from './requestText';

export interface ExportContext {
  signed: SigningResult;
  input: SigningInput;
  signedAt: Date;
  /**
   * Default false: the code reads $AWS_ACCESS_KEY_ID, $AWS_SECRET_ACCESS_KEY, $AWS_SESSION_TOKEN,
   * and each credential header's value (Cookie, X-Api-Key, …) from a variable named after it.
   */
  inlineSecret: boolean;
}

export type ExportId =
  'curl-signed' | 'curl-sigv4' | 'awscurl' | 'python' | 'javascript' | 'http' | 'presigned-url';

export interface ExportedSnippet {
  id: ExportId;
  title: string;
  language: 'bash' | 'python' | 'javascript' | 'http' | 'text';
  code: string;
  note?: string;
}

/** How long execute-api (and most services) accept a header signature: 5 minutes either way. */
const HEADER_SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

/** Headers the signer adds; code that signs by itself must not send the old ones. */
const SIGNER_HEADERS = new Set([
  'host',
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
]);

/** A Python or JavaScript string literal (JSON's escapes are valid in both). */
const literal = (text: string) => JSON.stringify(text);

const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

const ownHeaders = (input: SigningInput) =>
  (input.headers ?? []).filter(([name]) => !SIGNER_HEADERS.has(name.toLowerCase()));

const hasToken = (input: SigningInput) => (input.credentials.sessionToken ?? '') !== '';

/** A header whose value the code reads from the environment instead of holding it. */
export interface WithheldHeader {
  name: string;
  /** The environment variable the code reads: AWS_SESSION_TOKEN, or one named after the header. */
  variable: string;
}

const SESSION_TOKEN_VARIABLE = 'AWS_SESSION_TOKEN';

function variableFor(name: string): string {
  const variable = name
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[A-Z]/.test(variable) ? variable : `HEADER_${variable}`;
}

/**
 * How the code carries this header's value when secrets stay out of it: null to write it as it
 * is. Credential headers (request/credentialFields.ts) are read from a variable, except the
 * Authorization header the signer made, which is the signature these snippets exist to carry
 * and stops working minutes after signing.
 */
function withheldHeader(
  [name, value]: readonly [string, string],
  { signed, input, inlineSecret }: ExportContext,
): WithheldHeader | null {
  // An empty value holds no secret, and a variable could not tell curl to send it empty.
  if (inlineSecret || !isCredentialHeader(name) || value.trim() === '') return null;
  if (signed.authorization !== undefined && value === signed.authorization) return null;
  const isToken = hasToken(input) && value === input.credentials.sessionToken;
  return { name, variable: isToken ? SESSION_TOKEN_VARIABLE : variableFor(name) };
}

/**
 * Every header value the exports leave out (inlineSecret off), with the variable the code reads
 * it from: for the page to say so beside the code.
 */
export function withheldExportHeaders(context: ExportContext): WithheldHeader[] {
  const seen = new Set<string>();
  const all = [...context.signed.headers, ...ownHeaders(context.input)];
  return all
    .map((header) => withheldHeader(header, context))
    .filter((header): header is WithheldHeader => {
      if (header === null || seen.has(header.variable)) return false;
      seen.add(header.variable);
      return true;
    });
}

/** The sentence a snippet's note gets when it reads header values from the environment. */
function withheldNote(headers: ReadonlyArray<readonly [string, string]>, context: ExportContext) {
  const withheld = headers
    .map((header) => withheldHeader(header, context))
    .filter((header) => header !== null);
  if (withheld.length === 0) return '';
  return `Reads ${withheld.map(({ name, variable }) => `${name} from ${variable}`).join(', ')}. `;
}

/** For the renderers: the variable a header's value is read from, or null to write it. */
const headerVariable =
  (context: ExportContext) =>
  (header: readonly [string, string]): string | null =>
    withheldHeader(header, context)?.variable ?? null;

function curlSigned(context: ExportContext): ExportedSnippet {
  const { signed, input, signedAt } = context;
  const query = (input.mode ?? 'header') === 'query';
  const expiresAt = new Date(
    signedAt.getTime() +
      (query ? (input.expiresIn ?? DEFAULT_EXPIRES_IN) * 1000 : HEADER_SIGNATURE_WINDOW_MS),
  );
  const command = toCurl(
    { method: input.method, url: signed.url, headers: signed.headers, body: input.body },
    { headerVariable: headerVariable(context) },
  );
  const window = query
    ? `X-Amz-Expires=${input.expiresIn ?? DEFAULT_EXPIRES_IN} s after signing`
    : '5 minutes after signing';
  return {
    id: 'curl-signed',
    title: 'curl (signed here)',
    language: 'bash',
    code: `# Signed ${iso(signedAt)}; stops working at ${iso(expiresAt)} (${window}).\n${command}\n`,
    note: `${withheldNote(signed.headers, context)}Sends exactly the request signed here, so it works until ${iso(expiresAt)}. --path-as-is and -g keep curl from changing the URL.`,
  };
}

function curlSigv4(context: ExportContext): ExportedSnippet {
  const { input, inlineSecret } = context;
  const { credentials } = input;
  const user = inlineSecret
    ? bashQuote(`${credentials.accessKeyId}:${credentials.secretAccessKey}`)
    : '"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"';
  // curl --aws-sigv4 signs the headers it is given; the session token is one of them.
  const headers: Array<readonly [string, string]> = hasToken(input)
    ? [['x-amz-security-token', credentials.sessionToken!], ...ownHeaders(input)]
    : ownHeaders(input);
  const command = toCurl(
    { method: input.method, url: input.url, headers, body: input.body },
    {
      signingArgs: [
        `--aws-sigv4 ${bashQuote(`aws:amz:${input.region}:${input.service}`)}`,
        `--user ${user}`,
      ],
      headerVariable: headerVariable(context),
    },
  );
  return {
    id: 'curl-sigv4',
    title: 'curl --aws-sigv4 (signs on every run)',
    language: 'bash',
    code: `# curl 7.75 or later signs this itself each time it runs.\n${command}\n`,
    note:
      (inlineSecret ? '' : 'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY first. ') +
      withheldNote(ownHeaders(input), context) +
      "curl signs the path as written (it does not normalise or double-encode it as execute-api's canonical URI does), so paths with '.', '..' or encoded characters may not match.",
  };
}

/**
 * awscurl reads -H as "Name: value" (split at ": ", so an empty value is "Name: ") and -d as a
 * file name when it starts with '@'; such a body, one too long for an argument, and bytes go
 * on its standard input (--data-binary -d @/dev/stdin reads them unchanged). --data=… keeps a
 * body starting with '-' from being read as an option.
 */
function awscurl(context: ExportContext): ExportedSnippet {
  const { input, inlineSecret } = context;
  const { credentials } = input;
  const carried = shellBody(readBody(input.body));
  const stdin =
    carried.kind === 'pipe'
      ? carried.pipe
      : carried.kind === 'argument' && carried.text.startsWith('@')
        ? `printf '%s' ${bashQuote(carried.text)} | `
        : '';
  const lines = [
    `${stdin}awscurl --service ${bashQuote(input.service)} --region ${bashQuote(input.region)}`,
    ...(input.method.toUpperCase() === 'GET' ? [] : [`-X ${bashQuote(input.method)}`]),
  ];
  if (inlineSecret) {
    lines.push(
      `--access_key ${bashQuote(credentials.accessKeyId)}`,
      `--secret_key ${bashQuote(credentials.secretAccessKey)}`,
    );
    if (hasToken(input)) lines.push(`--security_token ${bashQuote(credentials.sessionToken!)}`);
  }
  for (const header of ownHeaders(input)) {
    const variable = headerVariable(context)(header);
    lines.push(
      variable === null
        ? `-H ${bashQuote(`${header[0]}: ${header[1]}`)}`
        : `-H ${bashQuote(`${header[0]}: `)}"$${variable}"`,
    );
  }
  if (stdin !== '') lines.push('--data-binary -d @/dev/stdin');
  else if (carried.kind === 'argument') lines.push(`--data=${bashQuote(carried.text)}`);
  lines.push(bashQuote(curlUrl(input.url)));
  return {
    id: 'awscurl',
    title: 'awscurl',
    language: 'bash',
    code: `${lines.join(' \\\n  ')}\n`,
    note:
      (inlineSecret
        ? ''
        : 'awscurl reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment. ') +
      withheldNote(ownHeaders(input), context) +
      'Install with pip install awscurl.',
  };
}

/** A header value in Python: the literal, or the variable it is read from. */
function pythonValue(header: readonly [string, string], context: ExportContext): string {
  const withheld = withheldHeader(header, context);
  return withheld === null ? literal(header[1]) : `os.environ[${literal(withheld.variable)}]`;
}

/** A header value in JavaScript: the literal, or the variable it is read from. */
function javascriptValue(header: readonly [string, string], context: ExportContext): string {
  const withheld = withheldHeader(header, context);
  return withheld === null ? literal(header[1]) : `process.env[${literal(withheld.variable)}]`;
}

function python(context: ExportContext): ExportedSnippet {
  const { input, inlineSecret } = context;
  const { credentials } = input;
  const body = readBody(input.body);
  const headers = ownHeaders(input);
  const names = new Set<string>();
  const repeated = headers.some(([name]) => names.size === names.add(name.toLowerCase()).size);
  const credentialLines = inlineSecret
    ? [
        `    ${literal(credentials.accessKeyId)},`,
        `    ${literal(credentials.secretAccessKey)},`,
        `    ${hasToken(input) ? literal(credentials.sessionToken!) : 'None'},`,
      ]
    : [
        '    os.environ["AWS_ACCESS_KEY_ID"],',
        '    os.environ["AWS_SECRET_ACCESS_KEY"],',
        '    os.environ.get("AWS_SESSION_TOKEN"),',
      ];
  const data =
    body.kind === 'none'
      ? 'None'
      : body.kind === 'text'
        ? `${literal(body.text)}.encode("utf-8")`
        : `base64.b64decode(${literal(toBase64(body.bytes))})`;
  const code = [
    '# Signs with botocore (SigV4Auth, AWSRequest) and sends with requests; signed anew on every run.',
    ...(body.kind === 'binary' ? ['import base64'] : []),
    ...(inlineSecret ? [] : ['import os']),
    '',
    'import requests',
    'from botocore.auth import SigV4Auth',
    'from botocore.awsrequest import AWSRequest',
    'from botocore.credentials import Credentials',
    '',
    'credentials = Credentials(',
    ...credentialLines,
    ')',
    'request = AWSRequest(',
    `    method=${literal(input.method)},`,
    `    url=${literal(input.url)},`,
    `    headers={${headers.map((header) => `${literal(header[0])}: ${pythonValue(header, context)}`).join(', ')}},`,
    `    data=${data},`,
    ')',
    `SigV4Auth(credentials, ${literal(input.service)}, ${literal(input.region)}).add_auth(request)`,
    'prepared = request.prepare()',
    'response = requests.request(',
    '    prepared.method, prepared.url, headers=dict(prepared.headers), data=prepared.body',
    ')',
    'print(response.status_code)',
    'print(response.text)',
    '',
  ].join('\n');
  return {
    id: 'python',
    title: 'Python (botocore + requests)',
    language: 'python',
    code,
    note:
      (inlineSecret
        ? ''
        : 'Reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from the environment. ') +
      withheldNote(headers, context) +
      (repeated ? 'A header given twice keeps only its last value in a Python dict. ' : '') +
      'Needs pip install botocore requests.',
  };
}

function javascript(context: ExportContext): ExportedSnippet {
  const { input, inlineSecret } = context;
  const { credentials } = input;
  const body = readBody(input.body);
  const clientLines = inlineSecret
    ? [
        `  accessKeyId: ${literal(credentials.accessKeyId)},`,
        `  secretAccessKey: ${literal(credentials.secretAccessKey)},`,
        ...(hasToken(input) ? [`  sessionToken: ${literal(credentials.sessionToken!)},`] : []),
      ]
    : [
        '  accessKeyId: process.env.AWS_ACCESS_KEY_ID,',
        '  secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY,',
        '  sessionToken: process.env.AWS_SESSION_TOKEN,',
      ];
  const headers = ownHeaders(input);
  const bodyLine =
    body.kind === 'none'
      ? []
      : body.kind === 'text'
        ? [`  body: ${literal(body.text)},`]
        : [
            `  body: Uint8Array.from(atob(${literal(toBase64(body.bytes))}), (c) => c.charCodeAt(0)),`,
          ];
  const code = [
    "// Signs with aws4fetch's AwsClient on every run (Node 18+, browsers, workers).",
    "import { AwsClient } from 'aws4fetch';",
    '',
    'const aws = new AwsClient({',
    ...clientLines,
    `  service: ${literal(input.service)},`,
    `  region: ${literal(input.region)},`,
    '});',
    '',
    `const response = await aws.fetch(${literal(input.url)}, {`,
    `  method: ${literal(input.method)},`,
    `  headers: [${headers.map((header) => `[${literal(header[0])}, ${javascriptValue(header, context)}]`).join(', ')}],`,
    ...bodyLine,
    '});',
    'console.log(response.status, await response.text());',
    '',
  ].join('\n');
  return {
    id: 'javascript',
    title: 'JavaScript (fetch + aws4fetch)',
    language: 'javascript',
    code,
    note:
      (inlineSecret
        ? ''
        : 'Reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN from process.env. ') +
      withheldNote(headers, context) +
      'Needs npm install aws4fetch.',
  };
}

function rawHttp(context: ExportContext): ExportedSnippet {
  const { signed, input } = context;
  const binary = readBody(input.body).kind === 'binary';
  const code = toHttpText(
    { method: input.method, url: signed.url, headers: signed.headers, body: input.body },
    { form: 'wire', headerVariable: headerVariable(context) },
  );
  const leftOut = withheldNote(signed.headers, context).replace(/^Reads /, 'Left out: ');
  const note = `${leftOut}${binary ? 'The binary body is not shown; it goes after the blank line.' : ''}`;
  return {
    id: 'http',
    title: 'Raw HTTP',
    language: 'http',
    code,
    ...(note !== '' ? { note: note.trim() } : {}),
  };
}

function presignedUrl({ signed, input, signedAt }: ExportContext): ExportedSnippet {
  const expiresIn = input.expiresIn ?? DEFAULT_EXPIRES_IN;
  return {
    id: 'presigned-url',
    title: 'Presigned URL',
    language: 'text',
    code: signed.url,
    note: `Valid until ${iso(new Date(signedAt.getTime() + expiresIn * 1000))} (${expiresIn} s after signing), for ${input.method} only${
      (input.headers ?? []).length > 0 ? ', with the signed headers' : ''
    }.`,
  };
}

/** Every export of this signed request, in the order the page lists them. */
export function buildExports(context: ExportContext): ExportedSnippet[] {
  const snippets = [
    curlSigned(context),
    curlSigv4(context),
    awscurl(context),
    python(context),
    javascript(context),
    rawHttp(context),
  ];
  if ((context.input.mode ?? 'header') === 'query') snippets.push(presignedUrl(context));
  return snippets;
}
