// The page's view of the running local gateway's policies, and the edits it sends: the contract
// between the playground server (server/gatewayPoliciesHandler.ts, which forwards to the gateway's
// process) and the page's "Gateway policies" panel. Never a secret key or a session token.

/** Where the page reads and edits the gateway's policies (same origin, same guard as the relay). */
export const GATEWAY_POLICIES_PATH = '/api/gateway-policies';

/** The policy an edit replaces: an identity's or a role's own, a role's trust policy, the API's. */
export type PolicyTarget =
  | { kind: 'identity'; name: string }
  | { kind: 'role'; name: string }
  | { kind: 'trust'; name: string }
  | { kind: 'resource' };

/** One policy the gateway applies, as JSON text the page can edit. */
export interface GatewayPolicyEntry {
  target: PolicyTarget;
  /** The principal's ARN, or the API's for the resource policy. */
  arn: string;
  /** An identity's access key ID (public: it names the key, it does not sign). */
  accessKeyId?: string;
  /** The policy document, pretty-printed; '' for an API without a resource policy. */
  text: string;
}

export interface GatewayPoliciesView {
  /** The configuration file the gateway read at start, or null for the bundled demo one. */
  configFile: string | null;
  /** arn:aws:execute-api:region:account:api/ — the prefix every route's resource ARN starts with. */
  apiArnPrefix: string;
  policies: GatewayPolicyEntry[];
}

export interface PolicyEditRequest {
  target: PolicyTarget;
  /** The new policy document; '' removes the resource policy. */
  text: string;
  /** Only validate (as the user types): nothing is applied. */
  dryRun?: boolean;
}

/** One problem of a policy text, where it is. */
export interface PolicyTextProblem {
  line: number;
  column: number;
  /** The JSON path of the value at fault: Statement[0].Resource. */
  path: string;
  message: string;
}

export type PolicyEditAnswer =
  | { ok: true; applied: boolean; view: GatewayPoliciesView }
  | { ok: false; message: string; problems: PolicyTextProblem[] };

/** The key a target is known by on the page: identity:demo, role:reader, trust:reader, resource. */
export const targetKey = (target: PolicyTarget): string =>
  target.kind === 'resource' ? 'resource' : `${target.kind}:${target.name}`;

/** A problem in words with its place: "line 4, column 7: Statement[0].Effect must be …". */
export const describeProblem = (problem: PolicyTextProblem): string =>
  `line ${problem.line}, column ${problem.column}: ${problem.path === '' ? '' : `${problem.path} `}${problem.message}`;
