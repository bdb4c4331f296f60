// Verifies a request's signature the way API Gateway does for an AWS_IAM route, from the request
// as it arrived on the wire. The reading, the checks and the canonical request are the signing
// core's (verifyWireRequest, under execute-api's rules: path normalized and each segment encoded
// twice); this file adds what only a gateway knows (its region and service, its identities and
// their policies) and says each problem in API Gateway's words.
import { createHash } from 'node:crypto';
import {
  AMZ_DATE_HEADER,
  createWireKeyCache,
  formatAmzDate,
  verifyWireRequest,
  type WireKeyCache,
  type WireProblem,
  type WireRequest,
} from '../../src/signing';
import { nodeSigningCrypto } from '../nodeSigningCrypto';
import type { IamDecisionTrace } from '../../src/diagnosis/iamDecisionTrace';
import { decide, type AppliedPolicy } from './iam/decide';
import { compiledPolicy } from './iam/parsePolicy';
import { requestContextKeys } from './iam/requestContext';
import { matchesWildcard, type WildcardOptions } from './matchWildcard';
import type { GatewayConfig, GatewayIdentity } from './gatewayConfig';
import { SessionStore } from './sts/sessionStore';
import {
  accessDenied,
  duplicateAuthorization,
  expiredToken,
  expiresTooLong,
  hostNotSigned,
  incompleteAuthorization,
  incompleteQueryAuthorization,
  invalidAuthorizationPair,
  malformedCredential,
  malformedDate,
  malformedExpires,
  missingAuthenticationToken,
  scopeDateMismatch,
  signatureExpired,
  signatureMismatch,
  signatureNotYetCurrent,
  signedHeaderMissing,
  unrecognizedClient,
  wrongScope,
  wrongTerminator,
  type GatewayError,
} from './gatewayErrors';

export type { WireRequest };

/**
 * The outcome of one request. `trace` (the IAM decision, statement by statement) is there for
 * every request that reached the policy check, when the verifier was asked for traces.
 */
export type Verification =
  | { ok: true; identity: GatewayIdentity; resourceArn: string; trace?: IamDecisionTrace }
  | { ok: false; error: GatewayError; callerArn?: string; trace?: IamDecisionTrace };

export const INVOKE_ACTION = 'execute-api:Invoke';

/** Decisions remembered at most (a bounded cache: resource paths come from clients). */
export const MAX_REMEMBERED_DECISIONS = 1000;

/** A condition-free decision, and the request context its trace shows. */
interface RememberedDecision {
  resourceArn: string;
  trace: IamDecisionTrace;
  /** The whole second of aws:CurrentTime and aws:EpochTime in the trace. */
  second: number;
  /** The caller's address ('' when unknown, which aws:SourceIp leaves out alike). */
  remoteAddress: string;
}

/**
 * Bounds on X-Amz-Region-Set, far above any real set (every region by name is a few hundred
 * characters; `*` says it in one), so that the work per request stays small whatever is sent.
 */
export const MAX_REGION_SET_LENGTH = 4096;
export const MAX_REGION_SET_ENTRIES = 128;

const REGION_SET_WILDCARDS: WildcardOptions = { questionMark: false };

/**
 * Whether a region is in an X-Amz-Region-Set value: comma-separated names or patterns in which
 * '*' matches any run of characters ("us-*", "*"). A set over the bounds includes nothing.
 */
export function regionSetIncludes(regionSet: string, region: string): boolean {
  if (regionSet.length > MAX_REGION_SET_LENGTH) return false;
  const entries = regionSet.split(',', MAX_REGION_SET_ENTRIES + 1);
  if (entries.length > MAX_REGION_SET_ENTRIES) return false;
  return entries.some((entry) => {
    const pattern = entry.trim();
    return pattern !== '' && matchesWildcard(pattern, region, REGION_SET_WILDCARDS);
  });
}

/** API Gateway's answer to a problem with the signature, word for word. */
export function gatewayErrorFor(problem: WireProblem): GatewayError {
  switch (problem.kind) {
    case 'unsigned':
      return missingAuthenticationToken();
    case 'duplicate-authorization':
      return duplicateAuthorization(problem.count);
    case 'unknown-algorithm':
      // A header with another algorithm is read as one with none of the SigV4 parts.
      return problem.source === 'query'
        ? incompleteQueryAuthorization()
        : incompleteAuthorization(
            { credential: true, signature: true, signedHeaders: true, date: problem.dateMissing },
            problem.authorization,
          );
    case 'authorization-not-key-value':
      // API Gateway never echoes a malformed header: it names its SHA-256 instead.
      return invalidAuthorizationPair(
        createHash('sha256').update(problem.authorization).digest('base64'),
      );
    case 'authorization-incomplete':
      return incompleteAuthorization(
        {
          credential: problem.missing.includes('Credential'),
          signature: problem.missing.includes('Signature'),
          signedHeaders: problem.missing.includes('SignedHeaders'),
          date: problem.missing.includes(AMZ_DATE_HEADER),
        },
        problem.authorization,
      );
    case 'query-incomplete':
      return incompleteQueryAuthorization();
    case 'malformed-date':
      return malformedDate(problem.amzDate);
    case 'malformed-credential':
      return malformedCredential(problem.credential);
    case 'wrong-terminator':
      return wrongTerminator(problem.terminator);
    case 'wrong-scope': {
      const region = problem.region;
      return wrongScope(
        region === undefined
          ? null
          : region.reason === 'other-region'
            ? region.region
            : region.reason === 'region-set-missing'
              ? ''
              : region.regionSet,
        problem.service === undefined ? null : problem.service.expected,
      );
    }
    case 'scope-date-mismatch':
      return scopeDateMismatch(problem.scopeDate, problem.amzDate.slice(0, 8), problem.amzDate);
    case 'host-not-signed':
      return hostNotSigned();
    case 'signed-header-missing':
      return signedHeaderMissing(problem.names[0]!);
    case 'malformed-expires':
      return malformedExpires(problem.expires ?? '');
    case 'expires-too-long':
      return expiresTooLong();
    case 'expired': {
      // A presigned URL's window is its X-Amz-Expires; a header's is "5 min" in AWS's text.
      const window = problem.source === 'query' ? `${problem.windowMs / 1000} sec` : '5 min';
      return signatureExpired(
        problem.amzDate,
        formatAmzDate(problem.now - problem.windowMs),
        formatAmzDate(problem.now),
        window,
      );
    }
    case 'not-yet-current':
      return signatureNotYetCurrent(
        problem.amzDate,
        formatAmzDate(problem.now + problem.windowMs),
        formatAmzDate(problem.now),
      );
  }
}

export class RequestVerifier {
  /** Derived keys of the configured identities (SigV4: per date, region and service). */
  readonly keyCache: WireKeyCache;

  /**
   * `sessions`: the temporary credentials the local STS issued (sts/), whose keys sign like the
   * configured identities' with their role's policy.
   */
  constructor(
    private readonly config: GatewayConfig,
    readonly sessions = new SessionStore(),
    /** Whether answers carry the decision's trace (false with --strict: nothing to build). */
    private readonly traces = true,
  ) {
    this.keyCache = createWireKeyCache(nodeSigningCrypto, Math.max(64, config.identities.length));
  }

  /** The invoked resource's ARN: arn:aws:execute-api:region:account:api/stage/METHOD/path. */
  resourceArn(method: string, resourcePath: string): string {
    const { region, account, apiId, stage } = this.config;
    const path = resourcePath.startsWith('/') ? resourcePath.slice(1) : resourcePath;
    return `arn:aws:execute-api:${region}:${account}:${apiId}/${stage === '' ? '$default' : stage}/${method}/${path}`;
  }

  /**
   * Decisions remembered per caller and resource (access key ID, method and routed path: the
   * resource ARN is kept with the decision rather than built for every request), only those of
   * condition-free policies: a condition reads the time, the address or the MFA state, which
   * change from one request to the next. The trace's request context is rebuilt when they change:
   * the caller's address, or the second (aws:CurrentTime and aws:EpochTime have whole seconds);
   * within one, the same trace object is given again, so the gateway encodes its header once
   * (gatewayServer.ts).
   */
  private readonly decisions = new Map<string, RememberedDecision>();

  /** How many decisions are remembered now (at most MAX_REMEMBERED_DECISIONS). */
  get rememberedDecisionCount(): number {
    return this.decisions.size;
  }

  /** Forgets remembered decisions: call it when the identities or policies change. */
  forgetDecisions(): void {
    this.decisions.clear();
  }

  /** The API's resource policy as the engine applies it, or undefined when it has none. */
  private resourcePolicy(): AppliedPolicy | undefined {
    const { resourcePolicy, region, account, apiId } = this.config;
    if (resourcePolicy == null) return undefined;
    return {
      policy: compiledPolicy(resourcePolicy, 'resource'),
      source: {
        kind: 'resource',
        name: `resource policy of API ${apiId}`,
        arn: `arn:aws:execute-api:${region}:${account}:${apiId}`,
      },
    };
  }

  /** IAM's decision on execute-api:Invoke for this caller, method and resource path. */
  private decide(
    identity: GatewayIdentity,
    method: string,
    resourcePath: string,
    facts: { now: number; remoteAddress: string | undefined },
  ): { resourceArn: string; trace: IamDecisionTrace } {
    // A remembered decision is looked up before anything is built for the policy engine: this
    // runs for every request, and most are decided the same way again.
    const identityCompiled = compiledPolicy(identity.policy, 'identity');
    const { resourcePolicy } = this.config;
    const cacheable =
      !identityCompiled.hasConditions &&
      (resourcePolicy == null || !compiledPolicy(resourcePolicy, 'resource').hasConditions);
    // Unambiguous: neither a configured access key ID nor an HTTP method holds a line break.
    const cacheKey = `${identity.accessKeyId}\n${method}\n${resourcePath}`;
    const remembered = cacheable ? this.decisions.get(cacheKey) : undefined;
    // Without traces a remembered decision needs no request context at all.
    if (remembered !== undefined && !this.traces) return remembered;
    const second = Math.floor(facts.now / 1000);
    if (
      remembered !== undefined &&
      remembered.second === second &&
      remembered.remoteAddress === (facts.remoteAddress ?? '')
    )
      return remembered;
    const resourceArn = remembered?.resourceArn ?? this.resourceArn(method, resourcePath);
    const identityPolicy: AppliedPolicy = {
      policy: identityCompiled,
      source: {
        kind: 'identity',
        principal: 'role' in identity || identity.arn.includes(':assumed-role/') ? 'role' : 'user',
        name: identity.name,
        arn: identity.arn,
      },
    };
    const resource = this.resourcePolicy();
    const keys = requestContextKeys(identity, { ...facts, secureTransport: false });
    const request = { action: INVOKE_ACTION, resource: resourceArn, callerArn: identity.arn, keys };
    if (remembered !== undefined) {
      remembered.trace = {
        ...remembered.trace,
        context: {
          ...remembered.trace.context,
          keys: [...keys].map(([key, values]) => ({ key, values })),
        },
      };
      remembered.second = second;
      remembered.remoteAddress = facts.remoteAddress ?? '';
      return remembered;
    }
    const trace = decide({
      request,
      identity: identityPolicy,
      ...(resource === undefined ? {} : { resource }),
    });
    if (cacheable) {
      // All forgotten when there are too many: resource paths come from clients.
      if (this.decisions.size >= MAX_REMEMBERED_DECISIONS) this.decisions.clear();
      this.decisions.set(cacheKey, {
        resourceArn,
        trace,
        second,
        remoteAddress: facts.remoteAddress ?? '',
      });
    }
    return { resourceArn, trace };
  }

  /**
   * The identity of an access key (configured, or an STS session), or the refusal: unknown key,
   * wrong session token, expired. The local STS asks the same question (sts/stsService.ts).
   */
  lookUpIdentity(
    accessKeyId: string,
    sessionToken: string | undefined,
    now: number,
  ): GatewayIdentity | { refused: GatewayError } {
    const identity =
      this.config.identities.find((candidate) => candidate.accessKeyId === accessKeyId) ??
      this.sessions.get(accessKeyId);
    if (identity === undefined) return { refused: unrecognizedClient() };
    if (sessionToken !== (identity.sessionToken ?? undefined)) {
      return { refused: unrecognizedClient() };
    }
    if (identity.expiresAt != null && Date.parse(identity.expiresAt) <= now) {
      return { refused: expiredToken() };
    }
    return identity;
  }

  /**
   * `resourcePath` is the routed resource path (normalizeRequestPath, then matchRoute): the
   * resource ARN is built from it, never from the request-target, so the policy judges the
   * resource that was routed. The signature is checked on the target as sent, as AWS does.
   */
  async verify(
    request: WireRequest,
    now: number,
    resourcePath: string,
    remoteAddress?: string,
  ): Promise<Verification> {
    const { region, service, signatureWindowSeconds } = this.config;
    const verification = await verifyWireRequest(request, {
      now,
      crypto: nodeSigningCrypto,
      clockWindowMs: signatureWindowSeconds * 1000,
      expected: { region, service, regionSetIncludes },
      firstProblemOnly: true,
      lookUpKey: (accessKeyId, sessionToken) => this.lookUpIdentity(accessKeyId, sessionToken, now),
      keyCache: this.keyCache,
    });
    const { verdict } = verification;
    const problem = verification.problems[0];
    if (problem !== undefined) return { ok: false, error: gatewayErrorFor(problem) };
    if (verification.refused !== undefined) return { ok: false, error: verification.refused };
    const identity = verification.key!;
    if (verdict.kind !== 'valid') {
      return {
        ok: false,
        error: signatureMismatch(verification.canonicalRequest!, verification.stringToSign!),
        callerArn: identity.arn,
      };
    }
    return this.authorize(identity, request.method, resourcePath, { now, remoteAddress });
  }

  /** The policy check after a valid signature. */
  private authorize(
    identity: GatewayIdentity,
    method: string,
    resourcePath: string,
    facts: { now: number; remoteAddress: string | undefined },
  ): Verification {
    const { resourceArn, trace } = this.decide(identity, method, resourcePath, facts);
    if (trace.decision !== 'allow') {
      const error = accessDenied(identity.arn, resourceArn, trace.rule === 'explicit-deny');
      return this.traces
        ? { ok: false, error, callerArn: identity.arn, trace }
        : { ok: false, error, callerArn: identity.arn };
    }
    // Written out rather than spread: this is every allowed request's answer.
    return this.traces
      ? { ok: true, identity, resourceArn, trace }
      : { ok: true, identity, resourceArn };
  }
}
