// Reads the text of an AWS shared credentials file (~/.aws/credentials) and/or config file
// (~/.aws/config) into profiles, the way botocore (AWS CLI v2, boto3) reads them. Pure: no I/O,
// never throws, one linear pass per file, bounded input.
import { MAX_PROFILES } from './maxProfiles';

export type ProfileKind = 'keys' | 'assume-role' | 'unsupported';

export interface Profile {
  name: string;
  kind: ProfileKind;
  accessKeyId?: string;
  /** Secret: kept for the caller in memory only; never copied into a note or a problem. */
  secretAccessKey?: string;
  /** Secret, like secretAccessKey. */
  sessionToken?: string;
  region?: string;
  roleArn?: string;
  sourceProfile?: string;
  mfaSerial?: string;
  externalId?: string;
  durationSeconds?: number;
  roleSessionName?: string;
  /**
   * When temporary keys expire (ISO 8601), from `aws_session_expiration` or
   * `x_security_token_expires`: botocore ignores both, but the tools that write STS keys into the
   * credentials file (saml2aws, gimme-aws-creds, aws-google-auth…) put the expiry there.
   */
  expiration?: string;
  note?: string;
}

export interface AwsProfiles {
  profiles: Profile[];
  problems: string[];
}

export const MAX_FILE_CHARS = 1024 * 1024;
export { MAX_PROFILES };

type Section = Map<string, string>;

interface ParsedIni {
  /** Sections in file order; `[DEFAULT]` keys already applied, as configparser does. */
  sections: Map<string, Section>;
  error?: string;
}

// The section header and option patterns of Python's configparser.RawConfigParser, which botocore's
// raw_config_parse uses with its defaults: comment_prefixes ('#', ';') only as the first non-blank
// character of a line, inline_comment_prefixes None (so `key = a ; b` keeps `a ; b`), delimiters
// '=' and ':', option names lower-cased (optionxform), section names kept as written, strict=True
// (a repeated section or key rejects the whole file), empty_lines_in_values=True, and a line indented
// deeper than its key continues the value (how `s3 =` nested blocks are written).
function parseIni(text: string, fileLabel: string): ParsedIni {
  const sections = new Map<string, Section>();
  const defaults: Section = new Map();
  const seenSections = new Set<string>();
  const seenKeys = new Set<string>();
  const values = new Map<Section, Map<string, string[]>>();
  const lineError = (lineNo: number, why: string) =>
    `${fileLabel}: line ${lineNo} ${why}; the AWS CLI rejects the whole file, so none of its profiles were read.`;

  let current: Map<string, string[]> | undefined;
  let currentName = '';
  let option: string | undefined;
  let indentLevel = 0;
  let firstError: string | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [i, line] of lines.entries()) {
    const lineNo = i + 1;
    const value = line.trim();
    const isComment = value.startsWith('#') || value.startsWith(';');
    if (!value || isComment) {
      // A blank line inside a value becomes part of it (trimmed off at the end); a comment does not.
      if (!isComment && current && option !== undefined) current.get(option)?.push('');
      continue;
    }
    const indent = line.length - line.trimStart().length;
    if (current && option !== undefined && indent > indentLevel) {
      current.get(option)?.push(value);
      continue;
    }
    indentLevel = indent;
    const close = value.lastIndexOf(']');
    if (value.startsWith('[') && close > 1) {
      const name = value.slice(1, close);
      option = undefined;
      currentName = name;
      if (name === 'DEFAULT') {
        current = valuesOf(values, defaults);
        continue;
      }
      if (seenSections.has(name)) {
        firstError ??= lineError(lineNo, `repeats the section [${shorten(name)}]`);
        return { sections: new Map(), error: firstError };
      }
      seenSections.add(name);
      const section: Section = new Map();
      sections.set(name, section);
      current = valuesOf(values, section);
      continue;
    }
    if (!current) {
      return {
        sections: new Map(),
        error: lineError(lineNo, 'comes before any [section] header'),
      };
    }
    const delimiter = firstDelimiter(value);
    const key = delimiter < 0 ? '' : value.slice(0, delimiter).trim().toLowerCase();
    if (!key) {
      // configparser keeps going and raises at the end; only the first line is worth reporting.
      firstError ??= lineError(lineNo, 'is neither a [section], a key = value nor a comment');
      option = undefined;
      continue;
    }
    const seenKey = `${currentName}\u0000${key}`;
    if (seenKeys.has(seenKey)) {
      return {
        sections: new Map(),
        error: lineError(lineNo, `repeats a key in [${shorten(currentName)}]`),
      };
    }
    seenKeys.add(seenKey);
    current.set(key, [value.slice(delimiter + 1).trim()]);
    option = key;
  }
  if (firstError) return { sections: new Map(), error: firstError };

  const joined = (raw: Map<string, string[]> | undefined, into: Section) => {
    for (const [key, parts] of raw ?? []) into.set(key, parts.join('\n').trimEnd());
  };
  joined(values.get(defaults), defaults);
  for (const section of sections.values()) {
    const own: Section = new Map();
    joined(values.get(section), own);
    // configparser shows [DEFAULT] keys in every section unless the section sets them itself.
    for (const [key, v] of defaults) section.set(key, v);
    for (const [key, v] of own) section.set(key, v);
    // botocore's _parse_nested splits every line of an indented block on '=' and rejects the file
    // (ConfigParseError) when one has none.
    for (const v of section.values()) {
      if (v.startsWith('\n') && v.split('\n').some((l) => l.trim() !== '' && !l.includes('='))) {
        return {
          sections: new Map(),
          error: `${fileLabel}: an indented block has a line without '='; the AWS CLI rejects the whole file, so none of its profiles were read.`,
        };
      }
    }
  }
  return { sections };
}

function valuesOf(
  values: Map<Section, Map<string, string[]>>,
  section: Section,
): Map<string, string[]> {
  let found = values.get(section);
  if (!found) {
    found = new Map();
    values.set(section, found);
  }
  return found;
}

function firstDelimiter(line: string): number {
  for (let i = 0; i < line.length; i++) if (line[i] === '=' || line[i] === ':') return i;
  return -1;
}

// Names go into messages, but a pasted secret can land in a [section] or a value: a long run of
// base64 characters is not echoed.
function shorten(name: string): string {
  if (/^[A-Za-z0-9/+=]{16,}$/.test(name)) return '(a name that looks like a key, not shown)';
  return name.length > 64 ? `${name.slice(0, 61)}...` : name;
}

// botocore's build_profile_map (configloader.py), applied to the config file only:
//   if key.startswith("profile"): parts = shlex.split(key); if len(parts) == 2: profiles[parts[1]] = values
//   elif key.startswith("sso-session"): ... sso_sessions[parts[1]] = values
//   elif key == 'default': profiles[key] = values
//   else: final_config[key] = values     <- a bare [name] is not a profile
// shlex is approximated by splitting on whitespace with simple "…" / '…' quoting.
function splitSectionName(name: string): string[] | undefined {
  const parts: string[] = [];
  let part = '';
  let inPart = false;
  let quote = '';
  for (const ch of name) {
    if (quote) {
      if (ch === quote) quote = '';
      else part += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inPart = true;
    } else if (/\s/.test(ch)) {
      if (inPart) parts.push(part);
      part = '';
      inPart = false;
    } else {
      part += ch;
      inPart = true;
    }
  }
  if (quote) return undefined;
  if (inPart) parts.push(part);
  return parts;
}

interface RawProfiles {
  profiles: Map<string, Section>;
  ssoSessions: string[];
}

function configProfiles(sections: Map<string, Section>): RawProfiles {
  const profiles = new Map<string, Section>();
  const ssoSessions: string[] = [];
  for (const [name, section] of sections) {
    if (name.startsWith('profile')) {
      const [, profileName, extra] = splitSectionName(name) ?? [];
      if (profileName !== undefined && extra === undefined) profiles.set(profileName, section);
    } else if (name.startsWith('sso-session')) {
      const [, sessionName, extra] = splitSectionName(name) ?? [];
      if (sessionName !== undefined && extra === undefined) ssoSessions.push(sessionName);
    } else if (name === 'default') {
      profiles.set(name, section);
    }
  }
  return { profiles, ssoSessions };
}

const SSO_NOTE =
  'IAM Identity Center (SSO) sign-in needs a browser redirect and a token cache that this page does not have; run `aws sso login` and `aws configure export-credentials` and paste the result instead.';
const PROCESS_NOTE =
  'credential_process runs a program on your machine, which a browser page cannot do; run `aws configure export-credentials --profile NAME` and paste the result instead.';

/**
 * Reads credentials and/or config file text into profiles. Merging follows botocore's
 * Session.full_config: a profile's keys from the credentials file replace the same keys from the
 * config file ("self._config['profiles'][profile].update(cred_vars)").
 */
export function readAwsProfiles(input: { credentials?: string; config?: string }): AwsProfiles {
  const problems: string[] = [];
  const merged = new Map<string, Section>();
  let ssoSessions: string[] = [];

  const read = (text: string | undefined, label: string): Map<string, Section> | undefined => {
    if (text === undefined || text === '') return undefined;
    if (text.length > MAX_FILE_CHARS) {
      problems.push(`${label} is larger than 1 MiB; it was not read.`);
      return undefined;
    }
    const parsed = parseIni(text, label);
    if (parsed.error) problems.push(parsed.error);
    return parsed.sections;
  };

  const configSections = read(input.config, 'config file');
  if (configSections) {
    const fromConfig = configProfiles(configSections);
    ssoSessions = fromConfig.ssoSessions;
    for (const [name, section] of fromConfig.profiles) merged.set(name, new Map(section));
    for (const name of configSections.keys()) {
      if (name !== 'default' && !name.startsWith('profile') && !name.startsWith('sso-session')) {
        problems.push(
          `config file: [${shorten(name)}] is not a profile (the config file needs [profile ${shorten(name)}]); the AWS CLI ignores it.`,
        );
      }
    }
  }
  const credentialSections = read(input.credentials, 'credentials file');
  for (const [name, section] of credentialSections ?? []) {
    const existing = merged.get(name);
    if (existing) for (const [key, v] of section) existing.set(key, v);
    else merged.set(name, new Map(section));
  }

  const profiles: Profile[] = [];
  for (const [name, settings] of merged) {
    if (profiles.length >= MAX_PROFILES) {
      problems.push(`More than ${MAX_PROFILES} profiles; the rest were not read.`);
      break;
    }
    profiles.push(toProfile(name, settings, problems));
  }
  for (const name of ssoSessions) {
    if (profiles.length >= MAX_PROFILES) break;
    profiles.push({ name: `sso-session ${name}`, kind: 'unsupported', note: SSO_NOTE });
  }
  checkSources(profiles, problems);
  return { profiles, problems };
}

function toProfile(name: string, s: Section, problems: string[]): Profile {
  const profile: Profile = { name, kind: 'unsupported' };
  const set = <K extends keyof Profile>(field: K, key: string) => {
    const v = s.get(key);
    if (v !== undefined && v !== '' && !v.startsWith('\n')) profile[field] = v as Profile[K];
  };
  set('accessKeyId', 'aws_access_key_id');
  set('secretAccessKey', 'aws_secret_access_key');
  // botocore: TOKENS = ['aws_security_token', 'aws_session_token'], the first one present wins.
  set('sessionToken', s.has('aws_security_token') ? 'aws_security_token' : 'aws_session_token');
  set('region', 'region');
  set('roleArn', 'role_arn');
  set('sourceProfile', 'source_profile');
  set('mfaSerial', 'mfa_serial');
  set('externalId', 'external_id');
  set('roleSessionName', 'role_session_name');
  readExpiration(name, s, profile, problems);
  const duration = s.get('duration_seconds');
  if (duration !== undefined) {
    const seconds = /^\d{1,6}$/.test(duration) ? Number(duration) : NaN;
    if (Number.isInteger(seconds)) profile.durationSeconds = seconds;
    else problems.push(`Profile "${shorten(name)}": duration_seconds is not a whole number.`);
  }

  if (profile.roleArn) {
    if (profile.sourceProfile) profile.kind = 'assume-role';
    else if (s.has('credential_source'))
      profile.note =
        'credential_source takes the source keys from the environment, EC2 or ECS, which a browser page cannot reach; use source_profile instead.';
    else if (s.has('web_identity_token_file'))
      profile.note = 'web_identity_token_file reads a token file, which a browser page cannot do.';
    else profile.note = 'role_arn needs a source_profile to sign the AssumeRole request with.';
  } else if (s.has('credential_process')) {
    profile.note = PROCESS_NOTE;
  } else if (s.has('sso_session') || s.has('sso_start_url')) {
    profile.note = SSO_NOTE;
  } else if (profile.accessKeyId && profile.secretAccessKey) {
    profile.kind = 'keys';
  } else if (profile.accessKeyId || profile.secretAccessKey) {
    profile.note = profile.accessKeyId
      ? 'aws_access_key_id without aws_secret_access_key.'
      : 'aws_secret_access_key without aws_access_key_id.';
  } else {
    profile.note = 'This profile holds settings only, no credentials.';
  }
  return profile;
}

/** The keys tools write an expiry under, the first one present wins. */
const EXPIRATION_KEYS = ['aws_session_expiration', 'x_security_token_expires'] as const;
/** An ISO 8601 date and time with a zone (as STS and those tools write it). */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

function readExpiration(name: string, s: Section, profile: Profile, problems: string[]): void {
  const key = EXPIRATION_KEYS.find((each) => s.has(each));
  if (key === undefined) return;
  const value = s.get(key)!.trim();
  const time = ISO_DATE_TIME.test(value) ? Date.parse(value.replace(' ', 'T')) : NaN;
  if (Number.isNaN(time)) {
    problems.push(
      `Profile "${shorten(name)}": ${key} is not a date and time like 2024-05-01T12:00:00Z; its expiry is unknown.`,
    );
    return;
  }
  profile.expiration = new Date(time).toISOString();
}

// A chain of source_profile links must end in a profile with keys. botocore allows a role profile
// to name itself as its source when it has its own keys ("source_profile == self" is the documented
// way to assume a role with the profile's static keys) and otherwise raises InfiniteLoopConfigError.
function checkSources(profiles: Profile[], problems: string[]): void {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  for (const profile of profiles) {
    if (profile.kind !== 'assume-role') continue;
    const visited = new Set<string>([profile.name]);
    let at: Profile = profile;
    for (;;) {
      const sourceName: string = at.sourceProfile ?? '';
      const source = byName.get(sourceName);
      if (!source) {
        problems.push(
          `Profile "${shorten(profile.name)}": source_profile "${shorten(sourceName)}" does not exist.`,
        );
        break;
      }
      if (source === at && at.accessKeyId && at.secretAccessKey) break;
      if (source.kind !== 'assume-role') {
        if (source.kind !== 'keys')
          problems.push(
            `Profile "${shorten(profile.name)}": its source profile "${shorten(source.name)}" holds no usable keys.`,
          );
        break;
      }
      if (visited.has(source.name)) {
        problems.push(
          `Profile "${shorten(profile.name)}": source_profile links form a cycle through "${shorten(source.name)}".`,
        );
        break;
      }
      visited.add(source.name);
      at = source;
    }
  }
}
