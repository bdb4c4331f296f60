import { readFileSync } from 'node:fs';
import { readPositionedJson, type TextPosition } from './iam/locatePolicyProblems';
import { formatJsonPath, parsePolicy, type JsonPath } from './iam/parsePolicy';
import type { PolicyKind, PolicyStatement } from './iam/policyTypes';
import {
  parseMfaDevice,
  parseRoles,
  parseStsSettings,
  type GatewayRole,
  type MfaDevice,
  type StsSettings,
} from './sts/stsConfig';

/** One caller the gateway knows, with its keys and IAM policy. */
export interface GatewayIdentity {
  name: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary credentials (ASIA…) carry a session token that every request must present. */
  sessionToken?: string | null;
  /** ISO 8601 instant after which the session token is expired (temporary identities). */
  expiresAt?: string | null;
  arn: string;
  policy: PolicyStatement[];
  /** The identity's virtual MFA device, which AssumeRole's SerialNumber and TokenCode name. */
  mfa?: MfaDevice | undefined;
}

export interface GatewayRoute {
  /** HTTP method, or ANY. */
  method: string;
  /** Resource path after the stage: /hello, /items/{id}, /{proxy+}. */
  path: string;
  /** Integration: 'hello' (the Lambda of the original write-up) or 'echo' (reflects the request). */
  handler: 'hello' | 'echo';
}

export interface GatewayConfig {
  apiId: string;
  region: string;
  account: string;
  /** Stage, the first path segment (/prod/hello); '' for an API mapped at the root. */
  stage: string;
  /** The signing name requests must be scoped to. */
  service: string;
  /** How far X-Amz-Date may be from the gateway's clock, either way (API Gateway: 300). */
  signatureWindowSeconds: number;
  /** Pins the gateway's clock to this ISO 8601 instant (replaying old requests); null = real time. */
  clock: string | null;
  cors: {
    enabled: boolean;
    allowOrigin: string;
    /** Access-Control-Allow-Headers: a REST API answers its configured list, never the asked one. */
    allowHeaders: string[];
  };
  routes: GatewayRoute[];
  identities: GatewayIdentity[];
  /** The local STS (sts/): where it answers, and whether it does. */
  sts: StsSettings;
  /** Roles that identities may assume through the local STS. */
  roles: GatewayRole[];
  /**
   * The API's resource policy (API Gateway's "Resource policy" tab), statements with a Principal;
   * null when the API has none. Combined with identities' policies as AWS does (iam/decide.ts).
   */
  resourcePolicy: PolicyStatement[] | null;
}

/** Checks one policy of the configuration and returns its statements, normalized. */
export type PolicyChecker = (
  policy: unknown,
  path: JsonPath,
  kind: PolicyKind,
) => PolicyStatement[];

/**
 * The headers a browser may send on a signed call: what the API Gateway console's "Enable CORS"
 * puts in Access-Control-Allow-Headers, plus what SigV4 and SigV4a clients add.
 */
export const DEFAULT_CORS_ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Amz-Date',
  'X-Amz-Security-Token',
  'X-Amz-Content-Sha256',
  // SigV4a's signed region set.
  'X-Amz-Region-Set',
  'X-Amz-User-Agent',
  'X-Api-Key',
];

export const DEFAULT_CONFIG_PATH = new URL('./gateway.config.json', import.meta.url);

export class GatewayConfigError extends Error {}

function fail(where: string, message: string): never {
  throw new GatewayConfigError(`Gateway configuration ${where}: ${message}`);
}

const isString = (value: unknown): value is string => typeof value === 'string';

/**
 * Checks a parsed configuration and fills in defaults, so a mistake in a hand-written file is
 * reported as a sentence naming the field rather than as a crash on the first request.
 */
export function parseGatewayConfig(
  raw: unknown,
  where = '(inline)',
  locate?: (path: JsonPath) => TextPosition,
): GatewayConfig {
  if (typeof raw !== 'object' || raw === null) fail(where, 'must be a JSON object');
  const config = raw as Record<string, unknown>;
  for (const field of ['apiId', 'region', 'account'] as const) {
    if (!isString(config[field]) || config[field] === '')
      fail(where, `"${field}" must be a non-empty string`);
  }
  if (config.stage !== undefined && !isString(config.stage))
    fail(where, '"stage" must be a string');
  const routes = config.routes ?? [];
  if (!Array.isArray(routes)) fail(where, '"routes" must be a list');
  routes.forEach((route: Record<string, unknown>, index) => {
    if (!isString(route.method) || !isString(route.path) || !route.path.startsWith('/')) {
      fail(where, `routes[${index}] needs a "method" and a "path" starting with '/'`);
    }
    if (route.handler !== 'hello' && route.handler !== 'echo') {
      fail(where, `routes[${index}].handler must be "hello" or "echo"`);
    }
  });
  const identities = config.identities ?? [];
  if (!Array.isArray(identities)) fail(where, '"identities" must be a list');
  const keys = new Set<string>();
  const serials = new Set<string>();
  const failHere = (message: string): never => fail(where, message);
  const apiArnPrefix = `arn:aws:execute-api:${String(config.region)}:${String(config.account)}:${String(config.apiId)}/`;
  /**
   * An IAM policy in the configuration (iam/parsePolicy.ts): a list of statements or a policy
   * document. The first problem is reported with the file's line and column when known.
   */
  const checkPolicy: PolicyChecker = (policy, path, kind) => {
    const parsed = parsePolicy(policy, kind, kind === 'resource' ? { apiArnPrefix } : {});
    if (parsed.ok) return parsed.statements;
    const [problem] = parsed.problems;
    const at = [...path, ...problem!.path];
    const position = locate?.(at);
    fail(
      position === undefined ? where : `${where}:${position.line}:${position.column}`,
      `${formatJsonPath(at).replace(/^\./, '')} ${problem!.message}`,
    );
  };
  const checkedPolicies: PolicyStatement[][] = [];
  identities.forEach((identity: Record<string, unknown>, index) => {
    for (const field of ['name', 'accessKeyId', 'secretAccessKey', 'arn'] as const) {
      if (!isString(identity[field]) || identity[field] === '') {
        fail(where, `identities[${index}].${field} must be a non-empty string`);
      }
    }
    if (keys.has(identity.accessKeyId as string)) {
      fail(
        where,
        `identities[${index}].accessKeyId ${String(identity.accessKeyId)} is listed twice`,
      );
    }
    keys.add(identity.accessKeyId as string);
    if (identity.expiresAt != null && Number.isNaN(Date.parse(String(identity.expiresAt)))) {
      fail(where, `identities[${index}].expiresAt must be an ISO 8601 instant`);
    }
    checkedPolicies.push(checkPolicy(identity.policy, ['identities', index, 'policy'], 'identity'));
    const serial = parseMfaDevice(identity.mfa, `identities[${index}].mfa`, failHere)?.serialNumber;
    if (serial !== undefined && serials.has(serial))
      fail(where, `identities[${index}].mfa.serialNumber ${serial} belongs to another identity`);
    if (serial !== undefined) serials.add(serial);
  });
  const clock = config.clock ?? null;
  if (clock !== null && (!isString(clock) || Number.isNaN(Date.parse(clock)))) {
    fail(where, '"clock" must be null or an ISO 8601 instant');
  }
  const cors = (config.cors ?? {}) as Record<string, unknown>;
  const allowHeaders = cors.allowHeaders ?? DEFAULT_CORS_ALLOW_HEADERS;
  if (
    !Array.isArray(allowHeaders) ||
    !allowHeaders.every((name) => isString(name) && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
  ) {
    fail(where, '"cors.allowHeaders" must be a list of header names');
  }
  const stage = (config.stage as string | undefined) ?? 'prod';
  return {
    apiId: config.apiId as string,
    region: config.region as string,
    account: config.account as string,
    stage,
    service: isString(config.service) ? config.service : 'execute-api',
    signatureWindowSeconds:
      typeof config.signatureWindowSeconds === 'number' ? config.signatureWindowSeconds : 300,
    clock,
    cors: {
      enabled: cors.enabled !== false,
      allowOrigin: isString(cors.allowOrigin) ? cors.allowOrigin : '*',
      allowHeaders: [...allowHeaders],
    },
    routes: routes as GatewayRoute[],
    identities: (identities as GatewayIdentity[]).map((identity, index) => ({
      ...identity,
      policy: checkedPolicies[index]!,
    })),
    sts: parseStsSettings(config.sts, stage, failHere),
    roles: parseRoles(config.roles, config.account as string, checkPolicy, failHere),
    resourcePolicy:
      config.resourcePolicy == null
        ? null
        : checkPolicy(config.resourcePolicy, ['resourcePolicy'], 'resource'),
  };
}

export function loadGatewayConfig(path: string | URL = DEFAULT_CONFIG_PATH): GatewayConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GatewayConfigError(
      `Cannot read the gateway configuration ${String(path)}: ${(error as Error).message}`,
    );
  }
  // Read with positions, so that a wrong policy is reported at its line and column.
  const read = readPositionedJson(text);
  if (!read.ok) {
    const [problem] = read.problems;
    throw new GatewayConfigError(
      `The gateway configuration ${String(path)} is not valid JSON: line ${problem!.line}, column ${problem!.column}: ${problem!.message.replace(/^is not valid JSON: /, '')}`,
    );
  }
  return parseGatewayConfig(read.json.value, String(path), read.json.locate);
}
