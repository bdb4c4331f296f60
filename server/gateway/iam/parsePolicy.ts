// A policy from the configuration (or typed on the page), checked the way IAM checks one on save
// and compiled for evaluation. Every problem names the JSON path of the value at fault, so the
// caller can point at its line and column (locatePolicyProblems.ts). Unknown elements, operators
// and condition keys are refused: in IAM an unknown key silently makes a condition false, which
// is exactly the surprise the playground exists to explain.
import { conditionKeyNamed, CONDITION_KEYS, type ConditionKeyType } from './conditionKeys';
import { OPERATORS, readConditionOperator } from './conditionOperators';
import { parseCidr, type CidrRange } from './ipAddress';
import type {
  CompiledCondition,
  CompiledList,
  CompiledPolicy,
  CompiledStatement,
  PolicyKind,
  PolicyStatement,
} from './policyTypes';

export type JsonPath = Array<string | number>;

export interface PolicyProblem {
  path: JsonPath;
  message: string;
}

export type PolicyParse =
  | { ok: true; statements: PolicyStatement[]; compiled: CompiledPolicy }
  | { ok: false; problems: PolicyProblem[] };

export interface PolicyParseOptions {
  /**
   * The API's ARN prefix (arn:aws:execute-api:region:account:apiId/): a resource policy may write
   * its resources as API Gateway's console does, "execute-api:/stage/METHOD/path".
   */
  apiArnPrefix?: string;
}

/** Bounds far above real policies, so that the work per request stays small whatever is loaded. */
export const MAX_STATEMENTS = 100;
export const MAX_LIST_ENTRIES = 100;
export const MAX_STRING_LENGTH = 2048;
const MAX_PROBLEMS = 20;

const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];
const VERSIONS = ['2012-10-17', '2008-10-17'];
const ACTION = /^(?:\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$/;
const PRINCIPAL = /^(?:\*|\d{12}|arn:aws:(?:iam|sts)::\d{12}:[\w+=,.@/:*?-]+)$/;
const ISO_DATE =
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH_SECONDS = /^\d{1,12}$/;

/** A date condition value in epoch ms: ISO 8601 or epoch seconds, as IAM takes them. */
export function parseConditionDate(text: string): number | undefined {
  if (EPOCH_SECONDS.test(text)) return Number(text) * 1000;
  if (!ISO_DATE.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const quoted = (text: string) =>
  JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);

class Collector {
  readonly problems: PolicyProblem[] = [];
  add(path: JsonPath, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push({ path, message });
  }
}

/** A string or a non-empty list of strings, as a list; undefined (and a problem) otherwise. */
function stringList(
  value: unknown,
  path: JsonPath,
  out: Collector,
  what: string,
): string[] | undefined {
  const list = Array.isArray(value) ? value : [value];
  if (
    list.length === 0 ||
    list.length > MAX_LIST_ENTRIES ||
    !list.every((entry) => typeof entry === 'string' && entry.length <= MAX_STRING_LENGTH)
  ) {
    out.add(
      path,
      `must be a string or a list of strings (${what}; 1 to ${MAX_LIST_ENTRIES} of at most ${MAX_STRING_LENGTH} characters)`,
    );
    return undefined;
  }
  return list as string[];
}

function readList(
  statement: Record<string, unknown>,
  names: [string, string],
  path: JsonPath,
  out: Collector,
  check: (entry: string, at: JsonPath) => string | undefined,
  what: string,
): CompiledList | undefined {
  const [name, notName] = names;
  const has = statement[name] !== undefined;
  const hasNot = statement[notName] !== undefined;
  if (has && hasNot) {
    out.add([...path, notName], `cannot be used with ${name} in one statement`);
    return undefined;
  }
  if (!has && !hasNot) return undefined;
  const element = has ? name : notName;
  const value = statement[element];
  const patterns = stringList(value, [...path, element], out, what);
  if (patterns === undefined) return undefined;
  const checked: string[] = [];
  for (const [i, entry] of patterns.entries()) {
    const at = Array.isArray(value) ? [...path, element, i] : [...path, element];
    const result = check(entry, at);
    if (result === undefined) return undefined;
    checked.push(result);
  }
  return { not: !has, patterns: checked };
}

function readPrincipal(
  statement: Record<string, unknown>,
  path: JsonPath,
  out: Collector,
): CompiledList | undefined {
  const element = statement.Principal !== undefined ? 'Principal' : 'NotPrincipal';
  if (statement.Principal !== undefined && statement.NotPrincipal !== undefined) {
    out.add([...path, 'NotPrincipal'], 'cannot be used with Principal in one statement');
    return undefined;
  }
  const value = statement[element];
  const at = [...path, element];
  if (value === '*') return { not: element === 'NotPrincipal', patterns: ['*'] };
  const others = isObject(value) ? Object.keys(value).filter((key) => key !== 'AWS') : [];
  if (!isObject(value) || others.length > 0) {
    out.add(
      at,
      `must be "*" or {"AWS": an ARN, an account ID, or a list of them}${others.length > 0 ? ` (the local gateway knows no ${quoted(others[0]!)} principals)` : ''}`,
    );
    return undefined;
  }
  const entries = stringList(value.AWS, [...at, 'AWS'], out, 'an ARN or account ID');
  if (entries === undefined) return undefined;
  for (const [i, entry] of entries.entries()) {
    if (!PRINCIPAL.test(entry)) {
      out.add(
        Array.isArray(value.AWS) ? [...at, 'AWS', i] : [...at, 'AWS'],
        `${quoted(entry)} is not an account ID or an IAM/STS ARN (or "*")`,
      );
      return undefined;
    }
  }
  return { not: element === 'NotPrincipal', patterns: entries };
}

const TYPE_WORDS: Record<ConditionKeyType, string> = {
  string: 'a string key',
  arn: 'an ARN key',
  ip: 'an IP address key: use IpAddress or NotIpAddress',
  date: 'a date key: use DateLessThan, DateGreaterThan…',
  bool: 'a boolean key: use Bool',
};

function readConditions(
  value: unknown,
  path: JsonPath,
  kind: PolicyKind,
  out: Collector,
): CompiledCondition[] | undefined {
  if (value === undefined) return [];
  if (!isObject(value)) {
    out.add(path, 'must be an object such as {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}');
    return undefined;
  }
  const conditions: CompiledCondition[] = [];
  const count = Object.values(value).reduce<number>(
    (sum, tests) => sum + (isObject(tests) ? Object.keys(tests).length : 1),
    0,
  );
  if (count > MAX_LIST_ENTRIES) {
    out.add(path, `has ${count} tests: the local gateway takes at most ${MAX_LIST_ENTRIES}`);
    return undefined;
  }
  for (const [written, tests] of Object.entries(value)) {
    const at = [...path, written];
    const operator = readConditionOperator(written);
    if ('problem' in operator) {
      out.add(at, operator.problem);
      return undefined;
    }
    if (!isObject(tests) || Object.keys(tests).length === 0) {
      out.add(at, 'must map condition keys to values, e.g. {"aws:SourceIp": "192.0.2.0/24"}');
      return undefined;
    }
    for (const [keyWritten, raw] of Object.entries(tests)) {
      const keyAt = [...at, keyWritten];
      const key = conditionKeyNamed(keyWritten);
      if (key === undefined || (key.only === 'trust' && kind !== 'trust')) {
        const known = CONDITION_KEYS.filter((k) => k.only === undefined || k.only === kind);
        out.add(
          keyAt,
          `is an unknown condition key: the local gateway knows ${known.map((k) => k.name).join(', ')}`,
        );
        return undefined;
      }
      const rule = OPERATORS[operator.base];
      if (!rule.tests.includes(key.type)) {
        out.add(keyAt, `cannot be tested by ${operator.base}: it is ${TYPE_WORDS[key.type]}`);
        return undefined;
      }
      const list = Array.isArray(raw) ? raw : [raw];
      if (
        list.length === 0 ||
        list.length > MAX_LIST_ENTRIES ||
        !list.every(
          (v) =>
            (typeof v === 'string' && v.length <= MAX_STRING_LENGTH) ||
            typeof v === 'boolean' ||
            (typeof v === 'number' && Number.isFinite(v)),
        )
      ) {
        out.add(keyAt, 'must be a string, a boolean or a list of them (not empty)');
        return undefined;
      }
      const values = list.map(String);
      const condition: CompiledCondition = {
        operator,
        key: keyWritten,
        keyName: key.name,
        values,
      };
      const valueAt = (i: number) => (Array.isArray(raw) ? [...keyAt, i] : keyAt);
      if (operator.base === 'Null' || operator.base === 'Bool') {
        const bad = values.findIndex(
          (v) => v.toLowerCase() !== 'true' && v.toLowerCase() !== 'false',
        );
        if (bad >= 0) {
          out.add(
            valueAt(bad),
            `${operator.base} takes "true" or "false", not ${quoted(values[bad]!)}`,
          );
          return undefined;
        }
      } else if (key.type === 'ip') {
        const cidrs: CidrRange[] = [];
        for (const [i, v] of values.entries()) {
          const range = parseCidr(v);
          if ('problem' in range) {
            out.add(valueAt(i), range.problem);
            return undefined;
          }
          cidrs.push(range);
        }
        condition.cidrs = cidrs;
      } else if (key.type === 'date') {
        const dates: number[] = [];
        for (const [i, v] of values.entries()) {
          const time = parseConditionDate(v);
          if (time === undefined) {
            out.add(
              valueAt(i),
              `${quoted(v)} is not a date: write ISO 8601 (2026-01-15T10:20:30Z) or epoch seconds`,
            );
            return undefined;
          }
          dates.push(time);
        }
        condition.dates = dates;
      }
      conditions.push(condition);
    }
  }
  return conditions;
}

function readStatement(
  raw: unknown,
  index: number,
  path: JsonPath,
  kind: PolicyKind,
  out: Collector,
  options: PolicyParseOptions,
): { statement: PolicyStatement; compiled: CompiledStatement } | undefined {
  if (!isObject(raw)) {
    out.add(path, 'must be a statement: an object with Effect, Action and Resource');
    return undefined;
  }
  const before = out.problems.length;
  for (const element of Object.keys(raw)) {
    if (!STATEMENT_ELEMENTS.includes(element))
      out.add([...path, element], `is not a statement element (${STATEMENT_ELEMENTS.join(', ')})`);
  }
  if (raw.Sid !== undefined && (typeof raw.Sid !== 'string' || raw.Sid.length > 128))
    out.add([...path, 'Sid'], 'must be a string of at most 128 characters');
  if (raw.Effect !== 'Allow' && raw.Effect !== 'Deny')
    out.add([...path, 'Effect'], 'must be "Allow" or "Deny"');

  const hasPrincipal = raw.Principal !== undefined || raw.NotPrincipal !== undefined;
  let principal: CompiledList | undefined;
  if (kind === 'identity' && hasPrincipal) {
    out.add(
      [...path, raw.Principal !== undefined ? 'Principal' : 'NotPrincipal'],
      'is not allowed: an identity policy applies to the identity it belongs to',
    );
  } else if (kind !== 'identity') {
    if (!hasPrincipal)
      out.add(
        path,
        `needs a Principal (or NotPrincipal): a ${kind} policy names who it applies to`,
      );
    else principal = readPrincipal(raw, path, out);
  }

  const action = readList(
    raw,
    ['Action', 'NotAction'],
    path,
    out,
    (entry, at) => {
      if (ACTION.test(entry)) return entry;
      out.add(at, `${quoted(entry)} is not "*" or "service:action" such as "execute-api:Invoke"`);
      return undefined;
    },
    'an action',
  );
  if (action === undefined && raw.Action === undefined && raw.NotAction === undefined)
    out.add(path, 'needs an Action (or NotAction)');

  let resource: CompiledList | undefined;
  const hasResource = raw.Resource !== undefined || raw.NotResource !== undefined;
  if (kind === 'trust') {
    if (hasResource)
      out.add(
        [...path, raw.Resource !== undefined ? 'Resource' : 'NotResource'],
        "is not allowed: a trust policy's resource is the role itself",
      );
  } else {
    resource = readList(
      raw,
      ['Resource', 'NotResource'],
      path,
      out,
      (entry, at) => {
        if (options.apiArnPrefix !== undefined && entry.startsWith('execute-api:/'))
          return options.apiArnPrefix + entry.slice('execute-api:/'.length);
        if (entry === '*' || entry.startsWith('arn:')) return entry;
        out.add(at, `${quoted(entry)} is not "*" or an ARN (arn:aws:execute-api:…)`);
        return undefined;
      },
      'an ARN',
    );
    if (!hasResource) out.add(path, 'needs a Resource (or NotResource)');
  }
  const conditions = readConditions(raw.Condition, [...path, 'Condition'], kind, out);
  if (out.problems.length > before || action === undefined || conditions === undefined)
    return undefined;
  if (kind !== 'trust' && resource === undefined) return undefined;
  if (kind !== 'identity' && principal === undefined) return undefined;

  const statement = { ...raw } as unknown as PolicyStatement;
  const element = resource?.not ? 'NotResource' : 'Resource';
  const written = raw[element];
  // Only the API shorthand changes a resource: the statement is otherwise kept as written.
  if (
    resource !== undefined &&
    resource.patterns.some((pattern, i) => pattern !== [written].flat()[i])
  )
    statement[element] = resource.patterns;
  return {
    statement,
    compiled: {
      index,
      ...(typeof raw.Sid === 'string' ? { sid: raw.Sid } : {}),
      effect: raw.Effect as 'Allow' | 'Deny',
      ...(principal === undefined ? {} : { principal }),
      action,
      ...(resource === undefined ? {} : { resource }),
      conditions,
    },
  };
}

/**
 * A policy as the configuration holds it: a list of statements, or a document
 * {"Version": "2012-10-17", "Statement": [...] or {...}}. Returns the statements (normalized:
 * the API shorthand in resource policies expanded) and their compiled form, or every problem
 * found (up to 20), each with the JSON path of the value at fault.
 */
export function parsePolicy(
  raw: unknown,
  kind: PolicyKind,
  options: PolicyParseOptions = {},
): PolicyParse {
  const out = new Collector();
  let list: unknown[];
  let base: JsonPath;
  if (Array.isArray(raw)) {
    list = raw;
    base = [];
  } else if (isObject(raw)) {
    for (const key of Object.keys(raw)) {
      if (key !== 'Version' && key !== 'Id' && key !== 'Statement')
        out.add([key], 'is not a policy document element (Version, Id, Statement)');
    }
    if (raw.Version !== undefined && !VERSIONS.includes(raw.Version as string))
      out.add(['Version'], `must be "2012-10-17" (or the older "2008-10-17")`);
    if (raw.Id !== undefined && typeof raw.Id !== 'string') out.add(['Id'], 'must be a string');
    if (raw.Statement === undefined) {
      out.add(
        [],
        'must be a list of statements or a policy document: this object has no "Statement"',
      );
      return { ok: false, problems: out.problems };
    }
    const single = !Array.isArray(raw.Statement);
    list = single ? [raw.Statement] : (raw.Statement as unknown[]);
    base = ['Statement'];
    if (single) {
      const parsed = readStatement(raw.Statement, 0, base, kind, out, options);
      return finish(out, parsed === undefined ? [] : [parsed], kind);
    }
  } else {
    out.add(
      [],
      'must be a list of statements or a policy document {"Version": "2012-10-17", "Statement": [...]}',
    );
    return { ok: false, problems: out.problems };
  }
  if (list.length > MAX_STATEMENTS) {
    out.add(
      base,
      `has ${list.length} statements: the local gateway takes at most ${MAX_STATEMENTS}`,
    );
    return { ok: false, problems: out.problems };
  }
  const parsed = list.flatMap((statement, i) => {
    const one = readStatement(statement, i, [...base, i], kind, out, options);
    return one === undefined ? [] : [one];
  });
  return finish(out, parsed, kind);
}

function finish(
  out: Collector,
  parsed: Array<{ statement: PolicyStatement; compiled: CompiledStatement }>,
  kind: PolicyKind,
): PolicyParse {
  if (out.problems.length > 0) return { ok: false, problems: out.problems };
  const statements = parsed.map((entry) => entry.compiled);
  return {
    ok: true,
    statements: parsed.map((entry) => entry.statement),
    compiled: {
      kind,
      statements,
      hasConditions: statements.some((statement) => statement.conditions.length > 0),
    },
  };
}

/** A JSON path as the configuration's messages write it: Statement[1].Condition["aws:SourceIp"]. */
export function formatJsonPath(path: JsonPath): string {
  return path
    .map((part) =>
      typeof part === 'number'
        ? `[${part}]`
        : /^[A-Za-z_$][\w$]{0,99}$/.test(part)
          ? `.${part}`
          : // A name from the input is cut short, so a huge key cannot make a huge message.
            `[${JSON.stringify(part.length > 100 ? `${part.slice(0, 100)}…` : part)}]`,
    )
    .join('');
}

const compiledCache = new WeakMap<object, CompiledPolicy>();

/**
 * The compiled form of a configured policy (statements checked at load by parsePolicy),
 * remembered per statement list: a configuration that changes replaces its lists.
 */
export function compiledPolicy(
  statements: readonly PolicyStatement[],
  kind: PolicyKind,
): CompiledPolicy {
  let compiled = compiledCache.get(statements);
  if (compiled === undefined) {
    const parsed = parsePolicy(statements, kind);
    if (!parsed.ok) {
      const [first] = parsed.problems;
      throw new Error(`Invalid ${kind} policy: ${formatJsonPath(first!.path)} ${first!.message}`);
    }
    compiled = parsed.compiled;
    compiledCache.set(statements, compiled);
  }
  return compiled;
}
