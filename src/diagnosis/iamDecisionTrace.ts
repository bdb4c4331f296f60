// The local gateway's IAM decision, statement by statement: the contract between the gateway,
// which evaluates every authorized request (server/gateway/iam/) and attaches the trace to its
// answer, and the page, which shows it next to the response. AWS never sends this header; the
// local gateway sends it unless it runs with --strict.
//
// On the wire the trace is compact JSON in base64url (RFC 4648 §5, no padding), so any policy
// text (quotes, non-ASCII, newlines) stays a valid header value. The page reads it as untrusted
// input: decodeIamDecisionTrace bounds the size, checks the shape and never throws.
import { base64ToBytes } from '../transport/base64';

/** The response header carrying the trace (iamDecisionHeader.ts, kept apart for the bundle). */
export { IAM_DECISION_HEADER } from '../transport/iamDecisionHeader';

/** The trace format's version; a page meeting another version says so instead of guessing. */
export const IAM_DECISION_TRACE_VERSION = 1;

/**
 * The longest header value the gateway sends and the page reads. Node's HTTP client (the relay's
 * fetch) refuses answers whose headers exceed 16 KiB in all, so a trace stays well below it: a
 * larger one is sent in summary (IamDecisionTrace.truncated).
 */
export const MAX_IAM_DECISION_HEADER_LENGTH = 8192;

/**
 * The rule that decided, in the order of AWS's policy evaluation logic: an explicit Deny in any
 * policy wins; otherwise an Allow from the caller's identity policy or from the API's resource
 * policy (same account: either suffices); otherwise the implicit deny.
 */
export type IamDecidingRule =
  'explicit-deny' | 'identity-allow' | 'resource-allow' | 'implicit-deny';

/** One condition key the gateway knows for this request, with its values (one for most keys). */
export interface IamContextKey {
  /** As AWS spells it: aws:SourceIp, aws:CurrentTime, aws:PrincipalArn… */
  key: string;
  values: string[];
}

/** What the policies were asked about. Keys absent from the request are not listed. */
export interface IamRequestContext {
  /** execute-api:Invoke (sts:AssumeRole for a trust policy). */
  action: string;
  /** arn:aws:execute-api:region:account:api/stage/METHOD/path, built from the routed path. */
  resource: string;
  /** The signer's ARN: an IAM user, or an assumed-role session. */
  callerArn: string;
  keys: IamContextKey[];
}

/** Where a policy comes from. */
export type IamPolicySource =
  /** The caller's own policy: a configured identity's, or the role's of an STS session. */
  | { kind: 'identity'; principal: 'user' | 'role'; name: string; arn: string }
  /** The API's resource policy (config `resourcePolicy`). */
  | { kind: 'resource'; name: string; arn: string }
  /** A role's trust policy (the local STS's AssumeRole). */
  | { kind: 'trust'; name: string; arn: string };

export type IamElementName =
  'Principal' | 'NotPrincipal' | 'Action' | 'NotAction' | 'Resource' | 'NotResource';

/**
 * One pattern tried against the request's value. For a miss, how far the match got, in string
 * indices (UTF-16 code units) of the pattern and of the value: the page highlights from there
 * (`GET` against `POST` in `…/*\/POST/*`). Absent when the pattern matched, and for principals.
 */
export interface IamPatternTry {
  pattern: string;
  matched: boolean;
  patternPrefix?: number;
  valuePrefix?: number;
}

/** Whether one element of a statement (Principal, Action, Resource or their Not forms) matched. */
export interface IamElementTrace {
  element: IamElementName;
  /** Whether the element lets the statement apply (for NotAction: the action is not listed). */
  matched: boolean;
  /** The request's value it was tested on: the action, the resource ARN, the caller ARN. */
  value: string;
  /** Every pattern of the element, in the policy's order, with its outcome. */
  tries: IamPatternTry[];
  /** Why it did not match, in words, when it did not. */
  reason?: string;
}

/** One test of a Condition block: one operator on one key. */
export interface IamConditionTrace {
  /** As written, with its prefix and suffix: StringLike, ForAnyValue:StringEqualsIfExists… */
  operator: string;
  /** As written in the policy (keys compare case-insensitively). */
  key: string;
  policyValues: string[];
  /** The request's values for the key; null when the request lacks the key. */
  requestValues: string[] | null;
  matched: boolean;
  /** Why it did not hold, in words, when it did not. */
  reason?: string;
}

export interface IamStatementTrace {
  /** Position in the policy's Statement list, from 0. */
  index: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Whether the statement applies to this request: every element and condition matched. */
  matched: boolean;
  /** In evaluation order: Principal/NotPrincipal (resource and trust policies), Action, Resource. */
  elements: IamElementTrace[];
  /** Every operator/key pair of the Condition block (all must hold). */
  conditions: IamConditionTrace[];
}

export interface IamPolicyTrace {
  source: IamPolicySource;
  /**
   * What the policy says on its own: a matching Deny, a matching Allow that grants, or nothing.
   * A resource or trust policy's Allow whose Principal names only the caller's account does not
   * grant by itself (it delegates to the identity policy): its statement matches, the outcome
   * stays 'no-match'.
   */
  outcome: 'explicit-deny' | 'allow' | 'no-match';
  /** Empty when the trace was cut to fit (IamDecisionTrace.truncated). */
  statements: IamStatementTrace[];
}

export interface IamDecisionTrace {
  version: typeof IAM_DECISION_TRACE_VERSION;
  decision: 'allow' | 'deny';
  rule: IamDecidingRule;
  /** The statement that decided (the first matching Deny, or the first matching Allow); none for the implicit deny. */
  decidedBy?: { policy: number; statement: number };
  context: IamRequestContext;
  /** The policies that applied, identity policy first. */
  policies: IamPolicyTrace[];
  /** True when details were left out so the header stays under MAX_IAM_DECISION_HEADER_LENGTH. */
  truncated?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Encoding

const BASE64URL = new TextEncoder().encode(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
);
const encoder = new TextEncoder();
const asciiDecoder = new TextDecoder();

/**
 * base64url (RFC 4648 §5, unpadded) of the text's UTF-8 bytes. Written out into a byte array
 * rather than built on btoa and three replacements: the gateway encodes a trace for every answer,
 * and this is several times faster.
 */
function toBase64Url(text: string): string {
  const bytes = encoder.encode(text);
  const out = new Uint8Array(Math.ceil((bytes.length * 4) / 3));
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64URL[n >>> 18]!;
    out[o++] = BASE64URL[(n >>> 12) & 63]!;
    out[o++] = BASE64URL[(n >>> 6) & 63]!;
    out[o++] = BASE64URL[n & 63]!;
  }
  if (i < bytes.length) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out[o++] = BASE64URL[n >>> 18]!;
    out[o++] = BASE64URL[(n >>> 12) & 63]!;
    if (i + 1 < bytes.length) out[o++] = BASE64URL[(n >>> 6) & 63]!;
  }
  return asciiDecoder.decode(out.subarray(0, o));
}

/** The trace with only what decided kept: the deciding statement whole, the others dropped. */
function summarize(trace: IamDecisionTrace): IamDecisionTrace {
  const decided = trace.decidedBy;
  return {
    ...trace,
    truncated: true,
    policies: trace.policies.map((policy, p) => ({
      ...policy,
      statements:
        decided?.policy === p
          ? policy.statements.filter((statement) => statement.index === decided.statement)
          : [],
    })),
  };
}

/** JSON of policy lists already encoded: a remembered decision is sent again and again. */
const policiesJson = new WeakMap<readonly IamPolicyTrace[], string>();

/**
 * The trace's compact JSON. Its policies (the bulk) are serialized once per list and reused, so a
 * gateway answering the same decision again pays only for the request context; traces are
 * treated as immutable once encoded.
 */
function traceJson(trace: IamDecisionTrace): string {
  let policies = policiesJson.get(trace.policies);
  if (policies === undefined) {
    policies = JSON.stringify(trace.policies);
    policiesJson.set(trace.policies, policies);
  }
  const rest: Omit<IamDecisionTrace, 'policies'> & { policies?: undefined } = {
    ...trace,
    policies: undefined,
  };
  // JSON.stringify leaves out the undefined policies: the list is appended as cached.
  return `${JSON.stringify(rest).slice(0, -1)},"policies":${policies}}`;
}

export interface TraceEncoding {
  /**
   * base64url of a text's UTF-8 bytes; default: the portable one here. The gateway passes
   * Node's (Buffer's 'base64url'), several times faster.
   */
  base64url?: (text: string) => string;
}

/**
 * The header value for a trace: compact JSON in base64url. A trace too long for a header is sent
 * in summary (the deciding statement only), then without its policies' statements at all.
 */
export function encodeIamDecisionTrace(
  trace: IamDecisionTrace,
  { base64url = toBase64Url }: TraceEncoding = {},
): string {
  const full = base64url(traceJson(trace));
  if (full.length <= MAX_IAM_DECISION_HEADER_LENGTH) return full;
  const summary = base64url(JSON.stringify(summarize(trace)));
  if (summary.length <= MAX_IAM_DECISION_HEADER_LENGTH) return summary;
  const bare: IamDecisionTrace = {
    ...trace,
    truncated: true,
    context: { ...trace.context, keys: [] },
    policies: trace.policies.map((policy) => ({ ...policy, statements: [] })),
  };
  return base64url(JSON.stringify(bare));
}

// ---------------------------------------------------------------------------------------------
// Decoding (untrusted input)

export type IamTraceReading =
  { ok: true; trace: IamDecisionTrace } | { ok: false; problem: string };

/** Bounds on what the page accepts, far above what the gateway sends. */
const MAX_ITEMS = 512;
const MAX_STRING = 4096;

class ShapeError extends Error {}

function shapeFail(where: string, what: string): never {
  throw new ShapeError(`${where} ${what}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, where: string): string {
  if (typeof value !== 'string') shapeFail(where, 'is not a string');
  if (value.length > MAX_STRING) shapeFail(where, 'is too long');
  return value;
}

function optionalText(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : text(value, where);
}

function index(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1_000_000)
    shapeFail(where, 'is not an index');
  return value;
}

function flag(value: unknown, where: string): boolean {
  if (typeof value !== 'boolean') shapeFail(where, 'is not true or false');
  return value;
}

function list<T>(value: unknown, where: string, read: (item: unknown, at: string) => T): T[] {
  if (!Array.isArray(value)) shapeFail(where, 'is not a list');
  if (value.length > MAX_ITEMS) shapeFail(where, 'has too many entries');
  return value.map((item, i) => read(item, `${where}[${i}]`));
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) shapeFail(where, 'is not an object');
  return value;
}

function oneOf<T extends string>(value: unknown, where: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) shapeFail(where, `is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** Copies only the known fields, so nothing unexpected (e.g. __proto__) reaches the page. */
function withOptional<T extends object, K extends string, V>(
  target: T,
  key: K,
  value: V | undefined,
): T & Partial<Record<K, V>> {
  if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  return target as T & Partial<Record<K, V>>;
}

function readTry(value: unknown, at: string): IamPatternTry {
  const raw = record(value, at);
  const tried: IamPatternTry = {
    pattern: text(raw.pattern, `${at}.pattern`),
    matched: flag(raw.matched, `${at}.matched`),
  };
  if (raw.patternPrefix !== undefined)
    tried.patternPrefix = index(raw.patternPrefix, `${at}.patternPrefix`);
  if (raw.valuePrefix !== undefined)
    tried.valuePrefix = index(raw.valuePrefix, `${at}.valuePrefix`);
  return tried;
}

const ELEMENTS: readonly IamElementName[] = [
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
];

function readElement(value: unknown, at: string): IamElementTrace {
  const raw = record(value, at);
  return withOptional(
    {
      element: oneOf(raw.element, `${at}.element`, ELEMENTS),
      matched: flag(raw.matched, `${at}.matched`),
      value: text(raw.value, `${at}.value`),
      tries: list(raw.tries, `${at}.tries`, readTry),
    },
    'reason',
    optionalText(raw.reason, `${at}.reason`),
  );
}

function readCondition(value: unknown, at: string): IamConditionTrace {
  const raw = record(value, at);
  const readText = (item: unknown, where: string) => text(item, where);
  return withOptional(
    {
      operator: text(raw.operator, `${at}.operator`),
      key: text(raw.key, `${at}.key`),
      policyValues: list(raw.policyValues, `${at}.policyValues`, readText),
      requestValues:
        raw.requestValues === null
          ? null
          : list(raw.requestValues, `${at}.requestValues`, readText),
      matched: flag(raw.matched, `${at}.matched`),
    },
    'reason',
    optionalText(raw.reason, `${at}.reason`),
  );
}

function readStatement(value: unknown, at: string): IamStatementTrace {
  const raw = record(value, at);
  return withOptional(
    {
      index: index(raw.index, `${at}.index`),
      effect: oneOf(raw.effect, `${at}.effect`, ['Allow', 'Deny'] as const),
      matched: flag(raw.matched, `${at}.matched`),
      elements: list(raw.elements, `${at}.elements`, readElement),
      conditions: list(raw.conditions, `${at}.conditions`, readCondition),
    },
    'sid',
    optionalText(raw.sid, `${at}.sid`),
  );
}

function readSource(value: unknown, at: string): IamPolicySource {
  const raw = record(value, at);
  const kind = oneOf(raw.kind, `${at}.kind`, ['identity', 'resource', 'trust'] as const);
  const name = text(raw.name, `${at}.name`);
  const arn = text(raw.arn, `${at}.arn`);
  if (kind === 'identity') {
    const principal = oneOf(raw.principal, `${at}.principal`, ['user', 'role'] as const);
    return { kind, principal, name, arn };
  }
  return { kind, name, arn };
}

function readPolicy(value: unknown, at: string): IamPolicyTrace {
  const raw = record(value, at);
  return {
    source: readSource(raw.source, `${at}.source`),
    outcome: oneOf(raw.outcome, `${at}.outcome`, ['explicit-deny', 'allow', 'no-match'] as const),
    statements: list(raw.statements, `${at}.statements`, readStatement),
  };
}

function readContext(value: unknown, at: string): IamRequestContext {
  const raw = record(value, at);
  return {
    action: text(raw.action, `${at}.action`),
    resource: text(raw.resource, `${at}.resource`),
    callerArn: text(raw.callerArn, `${at}.callerArn`),
    keys: list(raw.keys, `${at}.keys`, (item, where) => {
      const key = record(item, where);
      return {
        key: text(key.key, `${where}.key`),
        values: list(key.values, `${where}.values`, (v, w) => text(v, w)),
      };
    }),
  };
}

const RULES: readonly IamDecidingRule[] = [
  'explicit-deny',
  'identity-allow',
  'resource-allow',
  'implicit-deny',
];

function readTrace(value: unknown): IamDecisionTrace {
  const raw = record(value, 'The trace');
  if (raw.version !== IAM_DECISION_TRACE_VERSION) {
    shapeFail(
      'The trace',
      `has version ${String(raw.version).slice(0, 20)}, not ${IAM_DECISION_TRACE_VERSION}`,
    );
  }
  const trace: IamDecisionTrace = {
    version: IAM_DECISION_TRACE_VERSION,
    decision: oneOf(raw.decision, 'decision', ['allow', 'deny'] as const),
    rule: oneOf(raw.rule, 'rule', RULES),
    context: readContext(raw.context, 'context'),
    policies: list(raw.policies, 'policies', readPolicy),
  };
  if (raw.decidedBy !== undefined) {
    const decided = record(raw.decidedBy, 'decidedBy');
    trace.decidedBy = {
      policy: index(decided.policy, 'decidedBy.policy'),
      statement: index(decided.statement, 'decidedBy.statement'),
    };
  }
  if (raw.truncated !== undefined) trace.truncated = flag(raw.truncated, 'truncated');
  const allows = trace.rule === 'identity-allow' || trace.rule === 'resource-allow';
  if (allows !== (trace.decision === 'allow'))
    shapeFail('rule', `${trace.rule} does not agree with the decision ${trace.decision}`);
  return trace;
}

/**
 * The trace in a header value, checked: undefined when the answer has no such header (AWS, or the
 * local gateway with --strict), otherwise the trace or a sentence saying what is wrong with it.
 * Never throws, whatever the value.
 */
export function decodeIamDecisionTrace(
  headerValue: string | null | undefined,
): IamTraceReading | undefined {
  if (headerValue === null || headerValue === undefined) return undefined;
  if (headerValue.length > MAX_IAM_DECISION_HEADER_LENGTH) {
    return {
      ok: false,
      problem: `The IAM decision header is longer than ${MAX_IAM_DECISION_HEADER_LENGTH} characters.`,
    };
  }
  const value = headerValue.trim();
  if (!/^[A-Za-z0-9_-]*$/.test(value)) {
    return { ok: false, problem: 'The IAM decision header is not base64url.' };
  }
  let json: string;
  try {
    const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = base64ToBytes(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'The IAM decision header is not base64url of UTF-8 text.' };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'The IAM decision header does not hold JSON.' };
  }
  try {
    return { ok: true, trace: readTrace(parsed) };
  } catch (error) {
    if (error instanceof ShapeError) {
      return {
        ok: false,
        problem: `The IAM decision header is not a decision trace: ${error.message}.`,
      };
    }
    // A RangeError from a deeply nested value, or anything unforeseen: still a sentence.
    return { ok: false, problem: 'The IAM decision header could not be read.' };
  }
}
