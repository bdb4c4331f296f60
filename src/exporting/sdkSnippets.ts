// Code that signs anew on every run with a well-kept library: Python (botocore + requests) and
// JavaScript (aws4fetch). Pure.
import { readBody, toBase64 } from './requestText';
import {
  hasToken,
  ownHeaders,
  withheldHeader,
  withheldNote,
  type ExportContext,
  type ExportedSnippet,
} from './exportContext';

/** A Python or JavaScript string literal (JSON's escapes are valid in both). */
const literal = (text: string) => JSON.stringify(text);

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

export function pythonSnippet(context: ExportContext): ExportedSnippet {
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

export function javascriptSnippet(context: ExportContext): ExportedSnippet {
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
