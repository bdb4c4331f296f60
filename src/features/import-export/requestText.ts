import type { OutgoingRequest } from '../../transport/sendRequest';

/** POSIX shell single quotes: everything literal, a quote itself written '\''. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The signed request as a curl command that sends the same bytes: --path-as-is keeps curl from
 * removing dot segments and -g from reading [] and {} as globs, either of which would change the
 * signed path. A binary body is referenced by its file name.
 */
export function toCurl(request: OutgoingRequest, bodyFileName?: string): string {
  let first = 'curl --path-as-is -g';
  if (request.method === 'HEAD') first += ' --head';
  else if (request.method !== 'GET' || request.body !== undefined) first += ` -X ${request.method}`;
  const lines = [`${first} ${shellQuote(request.url)}`];
  for (const [name, value] of request.headers) {
    // curl drops a header given as "name:" and sends an empty one for "name;".
    lines.push(`-H ${shellQuote(value === '' ? `${name};` : `${name}: ${value}`)}`);
  }
  if (typeof request.body === 'string') lines.push(`--data-binary ${shellQuote(request.body)}`);
  else if (request.body !== undefined)
    lines.push(`--data-binary ${shellQuote(`@${bodyFileName ?? 'body.bin'}`)}`);
  return lines.join(' \\\n  ');
}

/** What stands for a binary body in the text form: the bytes themselves are not text. */
export function binaryBodyNote(byteLength: number, fileName?: string): string {
  return `(${byteLength} bytes${fileName ? ` from ${fileName}` : ''})`;
}

/** The request as HTTP-like text: request line, headers, an empty line and the body. */
export function toHttpText(request: OutgoingRequest, bodyFileName?: string): string {
  const lines = [`${request.method} ${request.url}`];
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`);
  if (typeof request.body === 'string' && request.body !== '') lines.push('', request.body);
  else if (request.body !== undefined && typeof request.body !== 'string')
    lines.push('', binaryBodyNote(request.body.byteLength, bodyFileName));
  return lines.join('\n');
}
