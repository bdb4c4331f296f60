// Turns a signed request into code to run elsewhere: curl with the signature as made here, curl
// and awscurl that sign on every run, Python (botocore + requests), JavaScript (aws4fetch), raw
// HTTP and the presigned URL. Pure: the caller passes the signing instant.
import { SECURITY_TOKEN_HEADER, signatureWindow } from '../signing';
import {
  hasToken,
  headerVariable,
  iso,
  ownHeaders,
  withheldNote,
  type ExportContext,
  type ExportedSnippet,
} from './exportContext';
import { bashQuote, curlUrl, readBody, shellBody, toCurl, toHttpText } from './requestText';
import { javascriptSnippet, pythonSnippet } from './sdkSnippets';

export { withheldExportHeaders } from './exportContext';
export type { ExportContext, ExportedSnippet, ExportId, WithheldHeader } from './exportContext';

function curlSigned(context: ExportContext): ExportedSnippet {
  const { signed, input, signedAt } = context;
  // The expiry the signer applied (X-Amz-Expires), set exactly for a presigned URL.
  const { expiresIn } = signed.options;
  const clockWindowMs = signatureWindow(input.service).ms;
  const expiresAt = new Date(
    signedAt.getTime() + (expiresIn !== undefined ? expiresIn * 1000 : clockWindowMs),
  );
  const command = toCurl(
    { method: input.method, url: signed.url, headers: signed.headers, body: input.body },
    { headerVariable: headerVariable(context) },
  );
  const window =
    expiresIn !== undefined
      ? `X-Amz-Expires=${expiresIn} s after signing`
      : `${clockWindowMs / 60_000} minutes after signing at ${input.service}`;
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
  // curl --aws-sigv4 signs the headers it is given; the session token is one of them. It does
  // not sign a header sent empty (-H 'Name;') as AWS does (curl pull request 11668), so such a
  // header is left out, and the note says so.
  const own = ownHeaders(input);
  const empty = own.filter(([, value]) => value.trim() === '').map(([name]) => name);
  const sent = own.filter(([, value]) => value.trim() !== '');
  const headers: Array<readonly [string, string]> = hasToken(input)
    ? [[SECURITY_TOKEN_HEADER, credentials.sessionToken!], ...sent]
    : sent;
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
      withheldNote(own, context) +
      (empty.length > 0
        ? `Left out: ${empty.join(', ')}, sent empty, which curl does not sign as AWS does. `
        : '') +
      "curl signs the path and query as written (it does not normalise or double-encode the path as execute-api's canonical URI does, nor encode the query as AWS does), so paths with '.', '..' or encoded characters, and queries with characters to encode, may not match.",
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
  const expiresIn = signed.options.expiresIn!;
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
    pythonSnippet(context),
    javascriptSnippet(context),
    rawHttp(context),
  ];
  if (context.signed.options.mode === 'query') snippets.push(presignedUrl(context));
  return snippets;
}
