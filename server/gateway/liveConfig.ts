// The running gateway's policies, changed while it runs: edits from the page (forwarded by the
// playground server over IPC, gatewayChild.ts) and a changed --config file (watchConfigFile.ts).
// Both replace the policy lists of the configuration object the handler reads on every request,
// then drop the remembered decisions, so the next request is decided under the new policies.
// Nothing is written to the configuration file.
import type {
  GatewayPoliciesView,
  GatewayPolicyEntry,
  PolicyEditAnswer,
  PolicyEditRequest,
  PolicyTarget,
} from '../../src/diagnosis/gatewayPolicies';
import { targetKey } from '../../src/diagnosis/gatewayPolicies';
import type { GatewayConfig } from './gatewayConfig';
import { validatePolicyDocument } from './iam/locatePolicyProblems';
import type { PolicyStatement } from './iam/policyTypes';

/** What the page asks the gateway's process. */
export type GatewayAdminRequest = { op: 'list' } | { op: 'edit'; edit: PolicyEditRequest };

/** The answer, as the playground server sends it on: an HTTP status and a JSON body. */
export interface GatewayAdminReply {
  status: number;
  body: PolicyEditAnswer | GatewayPoliciesView | { message: string };
}

const documentText = (statements: readonly PolicyStatement[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

export const apiArnPrefix = (config: GatewayConfig): string =>
  `arn:aws:execute-api:${config.region}:${config.account}:${config.apiId}/`;

/** The policies as the page sees them: names, key IDs, ARNs and policies, never a secret. */
export function describePolicies(
  config: GatewayConfig,
  configFile: string | null,
): GatewayPoliciesView {
  const policies: GatewayPolicyEntry[] = [
    ...config.identities.map((identity) => ({
      target: { kind: 'identity' as const, name: identity.name },
      arn: identity.arn,
      accessKeyId: identity.accessKeyId,
      text: documentText(identity.policy),
    })),
    ...config.roles.map((role) => ({
      target: { kind: 'role' as const, name: role.name },
      arn: role.arn,
      text: documentText(role.policy),
    })),
    // Who may assume each role (the local STS's AssumeRole asks it).
    ...config.roles.map((role) => ({
      target: { kind: 'trust' as const, name: role.name },
      arn: role.arn,
      text: documentText(role.trustPolicy),
    })),
    {
      target: { kind: 'resource' },
      arn: apiArnPrefix(config).slice(0, -1),
      text: config.resourcePolicy === null ? '' : documentText(config.resourcePolicy),
    },
  ];
  return { configFile, apiArnPrefix: apiArnPrefix(config), policies };
}

/** Where the target's policy sits in the configuration, or undefined when there is no such one. */
function locate(config: GatewayConfig, target: PolicyTarget) {
  if (target.kind === 'resource') return { kind: 'resource' as const };
  const list = target.kind === 'identity' ? config.identities : config.roles; // role, trust
  const at = list.findIndex((entry) => entry.name === target.name);
  return at < 0 ? undefined : { kind: target.kind, at };
}

function isTarget(value: unknown): value is PolicyTarget {
  if (typeof value !== 'object' || value === null) return false;
  const target = value as Record<string, unknown>;
  if (target.kind === 'resource') return true;
  return (
    (target.kind === 'identity' || target.kind === 'role' || target.kind === 'trust') &&
    typeof target.name === 'string'
  );
}

/**
 * Validates the edit with the engine's own validator (line and column of each problem) and, unless
 * it is a dry run, applies it: the next request is decided under the new policy.
 */
export function editPolicy(
  config: GatewayConfig,
  edit: unknown,
  forgetDecisions: () => void,
  configFile: string | null,
): GatewayAdminReply {
  const request = edit as Partial<PolicyEditRequest> | null;
  if (
    typeof request !== 'object' ||
    request === null ||
    !isTarget(request.target) ||
    typeof request.text !== 'string'
  ) {
    return {
      status: 400,
      body: { message: 'An edit is {"target": {"kind": "identity", "name": …}, "text": "…"}.' },
    };
  }
  const place = locate(config, request.target);
  if (place === undefined) {
    return {
      status: 404,
      body: { message: `The gateway has no ${targetKey(request.target).replace(':', ' ')}.` },
    };
  }
  const removing = place.kind === 'resource' && request.text.trim() === '';
  let statements: PolicyStatement[] | null = null;
  if (!removing) {
    const kind =
      place.kind === 'resource' ? 'resource' : place.kind === 'trust' ? 'trust' : 'identity';
    const checked = validatePolicyDocument(
      request.text,
      kind,
      kind === 'resource' ? { apiArnPrefix: apiArnPrefix(config) } : {},
    );
    if (!checked.ok) {
      const first = checked.problems[0]!;
      return {
        status: 422,
        body: {
          ok: false,
          message: `The policy is not valid, nothing was applied: line ${first.line}, column ${first.column}: ${first.path === '' ? '' : `${first.path} `}${first.message}`,
          problems: checked.problems,
        },
      };
    }
    statements = checked.statements;
  }
  if (request.dryRun !== true) {
    if (place.kind === 'resource') config.resourcePolicy = statements;
    else if (place.kind === 'identity')
      config.identities[place.at] = { ...config.identities[place.at]!, policy: statements! };
    else if (place.kind === 'trust')
      config.roles[place.at] = { ...config.roles[place.at]!, trustPolicy: statements! };
    else config.roles[place.at] = { ...config.roles[place.at]!, policy: statements! };
    forgetDecisions();
  }
  return {
    status: 200,
    body: {
      ok: true,
      applied: request.dryRun !== true,
      view: describePolicies(config, configFile),
    },
  };
}

/** The settings a running gateway takes from a changed file; the others need a restart. */
const LIVE_FIELDS = ['identities', 'roles', 'resourcePolicy', 'cors'] as const;

/**
 * Takes a changed file's identities, roles, resource policy and CORS into the running
 * configuration. Returns the other settings that differ (routes, stage…), which apply only at the
 * next start.
 */
export function applyReloadedConfig(
  config: GatewayConfig,
  next: GatewayConfig,
  forgetDecisions: () => void,
): string[] {
  for (const field of LIVE_FIELDS)
    (config as unknown as Record<string, unknown>)[field] = next[field];
  forgetDecisions();
  return (Object.keys(next) as Array<keyof GatewayConfig>).filter(
    (field) =>
      !(LIVE_FIELDS as readonly string[]).includes(field) &&
      JSON.stringify(config[field]) !== JSON.stringify(next[field]),
  );
}

/** Answers one request from the page (through the playground server). */
export function answerAdminRequest(
  config: GatewayConfig,
  request: GatewayAdminRequest,
  forgetDecisions: () => void,
  configFile: string | null,
): GatewayAdminReply {
  if (request.op === 'list') return { status: 200, body: describePolicies(config, configFile) };
  return editPolicy(config, request.edit, forgetDecisions, configFile);
}
