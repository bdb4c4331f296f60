import {
  headerField,
  validateSigningInput,
  type HeaderField,
  type SigningField,
  type SigningInput,
  type ValidationIssue,
} from '../signing';
import { awaitsWithheldValue } from '../request/credentialFields';
import { detectScope } from '../request/detectScope';
import type { TransportMode } from '../transport/sendRequest';
import type { FormField, FormFix } from './applyFix';
import type { VariableScope, VariableUse } from '../collections/resolveVariables';
import { parseSigningTime, type SigningTime } from './parseSigningTime';
import type { OptionsFields, RequestFields } from './playgroundState';
import type { ActiveCredentials } from './activeCredentials';
import { withBrowserHeaders } from './browserHeaders';
import { withBrowserPath, type BrowserPath } from './browserPath';
import { getBodyIssue } from './getBodyIssue';
import { parseRegionSet, regionSetIssues } from './regionSet';
import { resolveFormVariables, type VariableTarget } from './resolveFormVariables';

/**
 * signRequest hashes a binary body on every signing (it cannot know the bytes did not change), and
 * the page signs on every keystroke; WebCrypto hashes 50 MiB in well under a second, more would
 * make typing lag. Larger files are sent with UNSIGNED-PAYLOAD.
 */
export const MAX_SIGNED_FILE_BYTES = 50 * 1024 * 1024;

export type DetectedScope = ReturnType<typeof detectScope>;

export interface ScopeValue {
  value: string;
  /** 'override': typed by the user; 'detected': read from the host; 'none': neither. */
  source: 'override' | 'detected' | 'none';
  /** What the host says, when it says anything (shown next to an override). */
  detected: string | undefined;
}

/** A validation issue, with its fix (when it has one) as an action on the field it is about. */
export interface PlanIssue extends ValidationIssue {
  fixAction?: FormFix;
}

/** Everything the page derives from the store before signing, computed in one place. */
export interface SigningPlan {
  /** The signing input without its date: the date is chosen when signing (now, or fixed). */
  input: Omit<SigningInput, 'signingDate'>;
  signingTime: SigningTime;
  /**
   * input.headers[i] came from the row with id headerRowIds[i] (empty rows are skipped, and rows
   * whose credential value was not kept until it is pasted again: see withheldHeaders).
   */
  headerRowIds: string[];
  /** Rows left out of the request because their value was not kept: paste it to send them. */
  withheldHeaders: Array<{ rowId: string; name: string }>;
  /** Why the request cannot be signed right now; empty when it can. */
  blockers: string[];
  scope: { detected: DetectedScope; region: ScopeValue; service: ScopeValue };
  transport: TransportMode;
  /** validateSigningInput's findings plus the signing-time field's own. */
  issues: PlanIssue[];
  /** Added to the clock when the signing time is "now" (options.clockOffsetSeconds). */
  clockOffsetMs: number;
  /** The `{{variables}}` the request used, in order, and where each value came from. */
  variables: VariableUse[];
  /** Whether any field holds a `{{name}}` reference: only then do variable edits change the plan. */
  readsVariables: boolean;
  /**
   * Sent directly, the browser's fetch sends another path than the one typed; input.url then
   * carries the path it sends, and this says what it was rewritten from.
   */
  browserPath?: BrowserPath;
  /**
   * Sent directly, a header name given on several lines: the browser's fetch sends it on one line,
   * its values joined by ", " (where a signer joins separate lines by "," alone), and input.headers
   * holds the lines as fetch sends them. headerRowIds still index the rows, as the issues do.
   */
  headersJoined?: true;
}

/**
 * The keys to sign with: selectActiveCredentials' (a profile's, or the typed ones), or the
 * Credentials panel's fields themselves (the typed keys, as in tests).
 */
export type PlanCredentials = Pick<
  ActiveCredentials,
  'accessKeyId' | 'secretAccessKey' | 'sessionToken'
> &
  Partial<Pick<ActiveCredentials, 'source' | 'blocked'>>;

const isCredentialsField = (field: SigningField) => field.startsWith('credentials.');

export interface PlanSource {
  request: RequestFields;
  credentials: PlanCredentials;
  options: OptionsFields;
  /** What `{{name}}` reads, most specific first (resolveFormVariables.ts); none: no variables. */
  variables?: readonly VariableScope[];
}

function scopeValue(override: string | null, detected: string | undefined): ScopeValue {
  if (override !== null) return { value: override, source: 'override', detected };
  if (detected !== undefined && detected !== '')
    return { value: detected, source: 'detected', detected };
  return { value: '', source: 'none', detected: undefined };
}

/** The transport Send uses: the user's choice, else the relay whenever the server has one. */
export function effectiveTransport(options: OptionsFields): TransportMode {
  return options.transport ?? (options.relayAvailable === false ? 'direct' : 'relay');
}

/**
 * The form field of each input field that is not a header's (headers are rows, named by id):
 * every SigningField has an entry, so a new one does not compile until it is mapped. Undefined:
 * no form field takes a one-click fix for it.
 */
const ISSUE_FIELDS: {
  readonly [Field in Exclude<SigningField, HeaderField>]: FormField | undefined;
} = {
  method: { slice: 'request', key: 'method' },
  url: { slice: 'request', key: 'url' },
  region: { slice: 'request', key: 'regionOverride' },
  service: { slice: 'request', key: 'serviceOverride' },
  signingDate: { slice: 'request', key: 'signingTime' },
  'credentials.accessKeyId': { slice: 'credentials', key: 'accessKeyId' },
  'credentials.secretAccessKey': { slice: 'credentials', key: 'secretAccessKey' },
  'credentials.sessionToken': { slice: 'credentials', key: 'sessionToken' },
  expiresIn: { slice: 'options', key: 'expiresIn' },
  regionSet: { slice: 'options', key: 'regionSet' },
  payload: { slice: 'options', key: 'payload' },
  unsignedHeaders: undefined,
  body: undefined,
};

const isHeaderField = (field: SigningField): field is HeaderField =>
  !Object.hasOwn(ISSUE_FIELDS, field);

/** The form field an issue is about: headers[i] is the row the input's header i came from. */
function issueField(field: SigningField, headerRowIds: readonly string[]): FormField | undefined {
  if (!isHeaderField(field)) return ISSUE_FIELDS[field];
  for (const part of ['name', 'value'] as const) {
    const index = headerRowIds.findIndex((_, i) => field === headerField(i, part));
    if (index >= 0) return { slice: 'header', rowId: headerRowIds[index]!, part };
  }
  return undefined;
}

function withFixAction(issue: ValidationIssue, headerRowIds: readonly string[]): PlanIssue {
  if (issue.fix === undefined) return issue;
  const field = issueField(issue.field, headerRowIds);
  return field === undefined
    ? issue
    : { ...issue, fixAction: { kind: 'set-field', field, value: issue.fix } };
}

/** A signing date for validation only, when the real one is "now" or not valid yet. */
const VALIDATION_DATE = new Date(Date.UTC(2015, 7, 30, 12, 36));

/**
 * A region or service set by hand that the host contradicts: AWS answers such a request with a
 * 403 (the credential scope names another region or service), so the page says so as loudly as
 * an error, before Send, and one click makes the field follow the host again. A deliberate
 * mismatch (to see the 403) still sends.
 */
function scopeMismatchIssues(scope: SigningPlan['scope']): PlanIssue[] {
  const issues: PlanIssue[] = [];
  for (const field of ['region', 'service'] as const) {
    const value = scope[field];
    if (value.source !== 'override' || value.detected === undefined) continue;
    if (value.value.trim() === value.detected) continue;
    issues.push({
      field,
      severity: 'error',
      message: `The ${field} was set by hand to “${value.value}”, but the host says ${value.detected}: AWS will refuse the signature (403). Use ${value.detected}, or keep yours to see the refusal.`,
      fix: value.detected,
      fixAction: { kind: 'follow-host', field },
    });
  }
  return issues;
}

function withoutFix(issue: ValidationIssue): PlanIssue {
  const { field, severity, message } = issue;
  return { field, severity, message };
}

/** The validator's name for a field that held a `{{name}}` reference; undefined: not signed. */
function variableField(
  target: VariableTarget,
  rowIds: readonly string[],
): SigningField | undefined {
  if (typeof target === 'string') return target;
  const index = rowIds.indexOf(target.rowId);
  return index < 0 ? undefined : headerField(index, target.part);
}

export function planSigning(source: PlanSource): SigningPlan {
  const { credentials } = source;
  // Signed with the values of its {{variables}}; the form keeps the references.
  const form = resolveFormVariables(source.request, source.options, source.variables ?? []);
  const { request, options } = form;
  const detected = detectScope(request.url, options.gatewayUrl);
  const region = scopeValue(request.regionOverride, detected.region);
  const service = scopeValue(request.serviceOverride, detected.service);

  // A freshly added, still empty row is not a header yet: it would only raise "needs a name".
  // A row whose credential was not kept is not one either until its value is pasted again.
  const withheld = request.headers.filter(awaitsWithheldValue);
  const rows = request.headers.filter(
    (row) => (row.name !== '' || row.value !== '') && !awaitsWithheldValue(row),
  );
  const headers = rows.map((row) => [row.name, row.value] as [string, string]);
  const unsignedHeaders = rows.filter((row) => !row.signed && row.name !== '').map((r) => r.name);

  const blockers: string[] = [];
  let body: SigningInput['body'];
  if (request.bodySource === 'text') {
    body = request.bodyText === '' ? undefined : request.bodyText;
  } else if (request.bodyFile !== null) {
    const file = request.bodyFile;
    if (file.status === 'reading') {
      blockers.push(`Reading ${file.name}…`);
    } else if (file.status === 'error') {
      blockers.push(`${file.name} could not be read: ${file.error ?? 'unknown error'}`);
    } else if (file.size > MAX_SIGNED_FILE_BYTES && options.payload === 'signed') {
      blockers.push(
        `${file.name} is over 50 MiB: sign it with UNSIGNED-PAYLOAD, or choose a smaller file.`,
      );
    } else {
      body = file.bytes ?? undefined;
    }
  }

  const blockedKeys = credentials.blocked ?? null;
  if (blockedKeys !== null) blockers.push(blockedKeys);
  // A profile's keys are not the Credentials panel's fields: a fix must not write into those.
  const fromProfile = credentials.source?.kind === 'profile';

  const signingTime = parseSigningTime(request.signingTime);
  if (signingTime.kind === 'invalid') blockers.push('The signing time is not valid.');

  const expiresText = options.expiresIn.trim();
  const transport = effectiveTransport(options);
  const browser = transport === 'direct' ? withBrowserPath(request.url) : undefined;
  const input: Omit<SigningInput, 'signingDate'> = {
    method: request.method,
    url: browser?.url ?? request.url,
    headers,
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      ...(credentials.sessionToken === '' ? {} : { sessionToken: credentials.sessionToken }),
    },
    region: region.value,
    service: service.value,
    mode: options.mode,
    payload: options.payload,
    signSessionToken: options.signSessionToken,
    unsignedHeaders,
  };
  if (body !== undefined) input.body = body;
  if (options.algorithm === 'sigv4a') {
    input.algorithm = 'sigv4a';
    const regionSet = parseRegionSet(options.regionSet);
    if (regionSet.length > 0) input.regionSet = regionSet;
  }
  if (options.mode === 'query' && expiresText !== '') input.expiresIn = Number(expiresText);
  if (options.contentSha256Header !== null) input.contentSha256Header = options.contentSha256Header;
  if (options.s3PathRules !== null) {
    input.normalizePath = !options.s3PathRules;
    input.doubleEncodePath = !options.s3PathRules;
  }

  // The URL as typed: the issues and their fixes are about the field.
  const issues = validateSigningInput({
    ...input,
    url: request.url,
    signingDate: signingTime.kind === 'fixed' ? signingTime.date : VALIDATION_DATE,
  });
  // Checked line by line (each issue names its row); sent directly, signed as fetch sends them.
  const browserHeaders = transport === 'direct' ? withBrowserHeaders(headers) : undefined;
  if (browserHeaders !== undefined) input.headers = browserHeaders;
  if (options.algorithm === 'sigv4a') issues.push(...regionSetIssues(options.regionSet));
  const bodyIssue = getBodyIssue(
    request.method,
    body !== undefined && (typeof body === 'string' ? body.length : body.byteLength) > 0,
    transport,
  );
  if (bodyIssue !== undefined) issues.push(bodyIssue);
  const mismatches = scopeMismatchIssues({ detected, region, service });
  if (signingTime.kind === 'invalid') {
    issues.push({
      field: 'signingDate',
      severity: 'error',
      message: signingTime.message,
      ...(signingTime.fix === undefined ? {} : { fix: signingTime.fix }),
    });
  }

  const headerRowIds = rows.map((row) => row.id);
  // A fix computed from a resolved value would write the values over the field's references.
  const templated = new Set(form.templated.map((target) => variableField(target, headerRowIds)));
  const planIssues = issues
    // Keys that cannot sign say why in one blocker; "Enter an access key ID" would mislead.
    .filter((issue) => blockedKeys === null || !isCredentialsField(issue.field))
    .map((issue) =>
      templated.has(issue.field) || (fromProfile && isCredentialsField(issue.field))
        ? withoutFix(issue)
        : withFixAction(issue, headerRowIds),
    );
  for (const problem of form.problems) {
    const field = variableField(problem.target, headerRowIds);
    if (field !== undefined)
      planIssues.push({ field, severity: 'error', message: problem.message });
  }
  if (form.problems.length > 0) blockers.unshift(form.problems[0]!.message);
  return {
    input,
    signingTime,
    headerRowIds,
    withheldHeaders: withheld.map((row) => ({ rowId: row.id, name: row.name })),
    blockers,
    scope: { detected, region, service },
    transport,
    issues: [...planIssues, ...mismatches],
    variables: form.used,
    readsVariables: form.templated.length > 0,
    clockOffsetMs: Number.isFinite(options.clockOffsetSeconds)
      ? options.clockOffsetSeconds * 1000
      : 0,
    ...(browser === undefined ? {} : { browserPath: browser.path }),
    ...(browserHeaders === undefined ? {} : { headersJoined: true }),
  };
}

/** The plan's input with a date: the fixed signing time, or `now` moved by the clock offset. */
export function withSigningDate(plan: SigningPlan, now: number): SigningInput {
  const signingDate =
    plan.signingTime.kind === 'fixed' ? plan.signingTime.date : new Date(now + plan.clockOffsetMs);
  return { ...plan.input, signingDate };
}
