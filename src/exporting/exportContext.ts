// What every export is made from, and which header values it leaves out: the signed request,
// its input, the signing instant and whether secrets go into the code. Shared by the curl
// exports (exports.ts) and the SDK ones (sdkSnippets.ts). Pure.
import { isCredentialHeader } from '../request/credentialFields';
import { SIGNER_HEADERS, type SigningInput, type SigningResult } from '../signing';

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

export const iso = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The request's headers without those the signer writes: for code that signs by itself. */
export const ownHeaders = (input: SigningInput) =>
  (input.headers ?? []).filter(([name]) => !SIGNER_HEADERS.has(name.toLowerCase()));

export const hasToken = (input: SigningInput) => (input.credentials.sessionToken ?? '') !== '';

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
export function withheldHeader(
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
export function withheldNote(
  headers: ReadonlyArray<readonly [string, string]>,
  context: ExportContext,
) {
  const withheld = headers
    .map((header) => withheldHeader(header, context))
    .filter((header) => header !== null);
  if (withheld.length === 0) return '';
  return `Reads ${withheld.map(({ name, variable }) => `${name} from ${variable}`).join(', ')}. `;
}

/** For the renderers: the variable a header's value is read from, or null to write it. */
export const headerVariable =
  (context: ExportContext) =>
  (header: readonly [string, string]): string | null =>
    withheldHeader(header, context)?.variable ?? null;
