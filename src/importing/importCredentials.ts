// Imports AWS credentials as the AWS CLI and STS print them: every format of
// `aws configure export-credentials --format …`, the JSON of `aws sts assume-role` /
// `get-session-token`, and a profile block of ~/.aws/credentials. Never throws.
import { MAX_COMMAND_LENGTH } from './shellWords';

export interface ImportedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: string;
  region?: string;
  profile?: string;
  format:
    | 'env'
    | 'env-no-export'
    | 'powershell'
    | 'windows-cmd'
    | 'process-json'
    | 'sts-json'
    | 'credentials-file';
}

export type ImportCredentialsResult =
  { ok: true; credentials: ImportedCredentials } | { ok: false; error: string };

type Fields = Partial<
  Record<'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'expiration' | 'region', string>
>;

const ENV_NAMES: Record<string, keyof Fields> = {
  AWS_ACCESS_KEY_ID: 'accessKeyId',
  AWS_SECRET_ACCESS_KEY: 'secretAccessKey',
  AWS_SESSION_TOKEN: 'sessionToken',
  AWS_SECURITY_TOKEN: 'sessionToken',
  AWS_CREDENTIAL_EXPIRATION: 'expiration',
  AWS_REGION: 'region',
  AWS_DEFAULT_REGION: 'region',
};

const FILE_NAMES: Record<string, keyof Fields> = {
  aws_access_key_id: 'accessKeyId',
  aws_secret_access_key: 'secretAccessKey',
  aws_session_token: 'sessionToken',
  aws_security_token: 'sessionToken',
  region: 'region',
  expiration: 'expiration',
};

const JSON_NAMES: Record<string, keyof Fields> = {
  AccessKeyId: 'accessKeyId',
  SecretAccessKey: 'secretAccessKey',
  SessionToken: 'sessionToken',
  Expiration: 'expiration',
};

/** Removes stray whitespace, one pair of surrounding quotes and a trailing ; or ,. */
function clean(value: string): string {
  let text = value.trim().replace(/[;,]$/, '').trim();
  if (text.length >= 2 && /^["'`].*["'`]$/s.test(text) && text[0] === text.at(-1))
    text = text.slice(1, -1).trim();
  return text;
}

function finish(
  fields: Fields,
  format: ImportedCredentials['format'],
  profile?: string,
): ImportCredentialsResult {
  const missing = [
    fields.accessKeyId ? undefined : 'access key id',
    fields.secretAccessKey ? undefined : 'secret access key',
  ].filter((name) => name !== undefined);
  if (missing.length > 0)
    return { ok: false, error: `These credentials have no ${missing.join(' and no ')}.` };
  const credentials: ImportedCredentials = {
    accessKeyId: fields.accessKeyId!,
    secretAccessKey: fields.secretAccessKey!,
    format,
  };
  if (fields.sessionToken) credentials.sessionToken = fields.sessionToken;
  if (fields.expiration) credentials.expiration = fields.expiration;
  if (fields.region) credentials.region = fields.region;
  if (profile) credentials.profile = profile;
  return { ok: true, credentials };
}

function fromJson(text: string): ImportCredentialsResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This looks like JSON but does not parse as JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null)
    return { ok: false, error: 'The JSON is not an object with AccessKeyId and SecretAccessKey.' };
  const record = parsed as Record<string, unknown>;
  const inner = record.Credentials;
  const isSts = typeof inner === 'object' && inner !== null;
  const source = (isSts ? inner : record) as Record<string, unknown>;
  const fields: Fields = {};
  for (const [name, field] of Object.entries(JSON_NAMES)) {
    const value = source[name];
    if (typeof value === 'string') fields[field] = clean(value);
  }
  return finish(fields, isSts ? 'sts-json' : 'process-json');
}

function fromCredentialsFile(text: string): ImportCredentialsResult {
  const fields: Fields = {};
  let profile: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    if (trimmed.startsWith('[')) {
      // The first profile block is the one read; a second one ends it.
      if (profile !== undefined) break;
      profile = trimmed.replace(/^\[\s*|\s*\]$/g, '').replace(/^profile\s+/, '');
      continue;
    }
    const equals = trimmed.indexOf('=');
    if (equals < 0) continue;
    const field = FILE_NAMES[trimmed.slice(0, equals).trim().toLowerCase()];
    if (field !== undefined) fields[field] = clean(trimmed.slice(equals + 1));
  }
  return finish(fields, 'credentials-file', profile);
}

/** One line of a shell's variable assignments; returns the format it is written in. */
function readAssignment(
  line: string,
): { name: string; value: string; format: ImportedCredentials['format'] } | undefined {
  const trimmed = line.trim();
  const patterns: Array<[RegExp, ImportedCredentials['format']]> = [
    [/^export\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$/, 'env'],
    [/^\$env:([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/i, 'powershell'],
    [/^set\s+"?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/i, 'windows-cmd'],
    [/^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/, 'env-no-export'],
  ];
  for (const [pattern, format] of patterns) {
    const match = pattern.exec(trimmed);
    if (match !== null) {
      let value = match[2]!;
      // cmd's set "NAME=value" quotes the whole assignment.
      if (format === 'windows-cmd' && /^set\s+"/i.test(trimmed)) value = value.replace(/"\s*$/, '');
      return { name: match[1]!.toUpperCase(), value: clean(value), format };
    }
  }
  return undefined;
}

function fromAssignments(text: string): ImportCredentialsResult {
  const fields: Fields = {};
  let format: ImportedCredentials['format'] | undefined;
  for (const line of text.split(/\r?\n/)) {
    const assignment = readAssignment(line);
    if (assignment === undefined) continue;
    const field = ENV_NAMES[assignment.name];
    if (field === undefined) continue;
    format ??= assignment.format;
    fields[field] = assignment.value;
  }
  if (format === undefined)
    return {
      ok: false,
      error:
        'No credentials found: paste the output of aws configure export-credentials, the JSON of aws sts assume-role, or a [profile] block of ~/.aws/credentials.',
    };
  return finish(fields, format);
}

/** Reads pasted credentials; the error names what was missing. */
export function importCredentials(text: string): ImportCredentialsResult {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, error: 'Paste credentials.' };
  if (trimmed.length > MAX_COMMAND_LENGTH)
    return { ok: false, error: `The text is longer than ${MAX_COMMAND_LENGTH} characters.` };
  if (trimmed.startsWith('{')) return fromJson(trimmed);
  if (/^\s*\[[^\]\n]*\]/.test(trimmed) || /^[ \t]*aws_access_key_id[ \t]*=/m.test(trimmed))
    return fromCredentialsFile(trimmed);
  return fromAssignments(trimmed);
}

/** Whether a text looks like credentials rather than a request (for importAnything). */
export function looksLikeCredentials(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return /"(AccessKeyId|Credentials)"/.test(trimmed.slice(0, 100_000));
  return /^[ \t]*(export[ \t]+|\$env:|set[ \t]+"?)?AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN)[ \t]*=|^[ \t]*aws_access_key_id[ \t]*=/im.test(
    trimmed.slice(0, 100_000),
  );
}
