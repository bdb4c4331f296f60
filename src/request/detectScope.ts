// The region and signing name (service) an AWS endpoint's host name tells, so the page can fill
// them in when the URL changes. Only what the host says for sure: a custom domain says nothing.
import { isLoopbackHost, parseUrl } from '../signing';
import { LOCAL_GATEWAY_REGION, LOCAL_GATEWAY_SERVICE } from './defaults';
import { LOCAL_STS_PATH, STS_GLOBAL_SIGNING_REGION } from './sts/endpoints';

export type ScopeKind =
  | 'execute-api'
  | 'lambda-url'
  | 's3'
  | 'aws-service'
  | 'local-gateway'
  | 'local'
  | 'custom'
  | 'invalid';

export interface DetectedScope {
  region?: string;
  service?: string;
  kind: ScopeKind;
  /** One sentence for the page: what was recognized, or why nothing was. */
  note: string;
}

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
/** The domains AWS endpoints live under; China's partition ends in .cn. */
const AWS_DOMAIN = /\.(?:amazonaws\.com(?:\.cn)?|api\.aws)$/;

/** Endpoint prefixes whose signing name is something else (botocore's signingName). */
const SIGNING_NAMES: Record<string, string> = {
  email: 'ses',
  queue: 'sqs',
  'bedrock-runtime': 'bedrock',
  'bedrock-agent': 'bedrock',
  'bedrock-agent-runtime': 'bedrock',
  'runtime.sagemaker': 'sagemaker',
  'api.sagemaker': 'sagemaker',
  'runtime.lex': 'lex',
  'runtime-v2-lex': 'lex',
  'streams.dynamodb': 'dynamodb',
  'api.ecr': 'ecr',
  'appsync-api': 'appsync',
};

/** Services with one global endpoint and no region in the host name. */
const GLOBAL_SERVICES = new Set(['iam', 'sts', 'cloudfront', 'route53', 'waf', 'organizations']);

/** Array.prototype.findLastIndex, which the app's ES2022 target does not have. */
function lastIndexWhere(labels: string[], test: (label: string) => boolean): number {
  for (let i = labels.length - 1; i >= 0; i--) if (test(labels[i]!)) return i;
  return -1;
}

const local: DetectedScope = {
  kind: 'local',
  note: `A local address does not say its region and service: choose them (the local API Gateway of npm start checks ${LOCAL_GATEWAY_REGION} and ${LOCAL_GATEWAY_SERVICE}).`,
};

const localGateway: DetectedScope = {
  kind: 'local-gateway',
  region: LOCAL_GATEWAY_REGION,
  service: LOCAL_GATEWAY_SERVICE,
  note: `The local API Gateway: it checks region ${LOCAL_GATEWAY_REGION} and service ${LOCAL_GATEWAY_SERVICE}, as its API in AWS would.`,
};

/** The local gateway's STS (LOCAL_STS_PATH), which signs for us-east-1 as STS's global endpoint. */
const localGatewaySts: DetectedScope = {
  kind: 'local-gateway',
  region: STS_GLOBAL_SIGNING_REGION,
  service: 'sts',
  note: `The local API Gateway's STS: it checks service sts and region ${STS_GLOBAL_SIGNING_REGION}, as STS's global endpoint does (it takes ${LOCAL_GATEWAY_REGION} too).`,
};

const isLocalStsPath = (path: string) =>
  path === LOCAL_STS_PATH.replace(/\/$/, '') || path.startsWith(LOCAL_STS_PATH);

/** The port a URL's host names, or the scheme's. */
function portOf(host: string, scheme: string): string {
  return /:(\d+)$/.exec(host)?.[1] ?? (scheme === 'https' ? '443' : '80');
}

/**
 * Whether a local URL is the local gateway's: the same port on a loopback address (the page may
 * call it 127.0.0.1 and the user localhost).
 */
function isLocalGateway(host: string, scheme: string, gatewayUrl: string): boolean {
  const gateway = parseUrl(gatewayUrl);
  if (gateway.host === '' || !isLoopbackHost(gateway.host)) return false;
  return scheme === gateway.scheme && portOf(host, scheme) === portOf(gateway.host, gateway.scheme);
}

const custom: DetectedScope = {
  kind: 'custom',
  note: 'A custom domain does not say its region and service: choose them.',
};

function found(kind: ScopeKind, service: string, region: string | undefined, what: string) {
  const scope: DetectedScope = {
    kind,
    service,
    note:
      region === undefined
        ? `${what}: signing name ${service}; the host does not say the region, so choose it.`
        : `${what} in ${region}: signing name ${service}.`,
  };
  if (region !== undefined) scope.region = region;
  return scope;
}

const S3_VARIANTS: Record<string, string> = {
  '': 'Amazon S3',
  '-fips': 'Amazon S3 (FIPS)',
  '-external-1': 'Amazon S3',
  '-accelerate': 'S3 Transfer Acceleration',
  '-website': 'An S3 website endpoint',
  '-accesspoint': 'An S3 access point',
  '-accesspoint-fips': 'An S3 access point',
  '-control': 'S3 Control',
  '-control-fips': 'S3 Control',
};

/**
 * S3's host forms: bucket.s3.<region>, s3.<region> (path style), the legacy s3-<region> and
 * s3.amazonaws.com (us-east-1), dualstack, FIPS, access points, S3 Control, acceleration.
 */
function detectS3(labels: string[]): DetectedScope | undefined {
  // The last s3 label is the endpoint; whatever is left of it is the bucket (dots and all).
  const at = lastIndexWhere(labels, (label) => /^s3(?:-|$)/.test(label));
  if (at < 0) return undefined;
  const after = labels.slice(at + 1).filter((label) => label !== 'dualstack');
  if (after.length > 1 || (after.length === 1 && !REGION.test(after[0]!))) return undefined;
  // s3-us-west-2, s3-website-us-west-2: the region joined with a dash.
  const suffix = labels[at]!.slice('s3'.length);
  const dashed = /^(-website)?-([a-z]{2}(?:-[a-z]+)+-\d+)$/.exec(suffix);
  const variant = dashed ? (dashed[1] ?? '') : suffix;
  const what = S3_VARIANTS[variant];
  if (what === undefined || (dashed && after.length > 0)) return undefined;
  // Only the global endpoints (s3.amazonaws.com, s3-external-1) sign for us-east-1 unnamed.
  const region =
    dashed?.[2] ??
    after[0] ??
    (variant === '' || variant === '-external-1' ? 'us-east-1' : undefined);
  const scope = found('s3', 's3', region, what);
  if (variant === '-website') {
    scope.note = `${what} serves public content and accepts no signed requests: use the bucket's REST endpoint (bucket.s3.<region>.amazonaws.com).`;
  }
  return scope;
}

/** <service>.<region>, <id>.<region>.<service> (OpenSearch), global endpoints, FIPS, VPC endpoints. */
function detectAwsService(labels: string[], chinese: boolean): DetectedScope | undefined {
  const regionAt = lastIndexWhere(labels, (label) => REGION.test(label));
  if (regionAt < 0) {
    if (labels.length !== 1) return undefined;
    const name = labels[0]!.replace(/-fips$/, '');
    const service = SIGNING_NAMES[name] ?? name;
    // Global services sign for their partition's first region.
    const region = GLOBAL_SERVICES.has(service)
      ? chinese
        ? 'cn-north-1'
        : 'us-east-1'
      : undefined;
    return found('aws-service', service, region, `AWS ${service}`);
  }
  const region = labels[regionAt]!;
  const after = labels.slice(regionAt + 1).filter((label) => label !== 'vpce');
  if (after.length === 1) return found('aws-service', after[0]!, region, `AWS ${after[0]}`);
  const before = labels.slice(0, regionAt);
  if (after.length > 1 || before.length === 0) return undefined;
  const last = before.at(-1)!.replace(/-fips$/, '');
  // iot.<region> is the control plane; <prefix>-ats.iot.<region> the data plane, signed as iotdata.
  if (last === 'iot' && before.length > 1)
    return found('aws-service', 'iotdata', region, 'AWS IoT data');
  const service = SIGNING_NAMES[before.slice(-2).join('.')] ?? SIGNING_NAMES[last] ?? last;
  return found('aws-service', service, region, `AWS ${service}`);
}

/**
 * What the URL's host says about the credential scope. Never throws. `localGatewayUrl`: the
 * local gateway's base URL, whose scope the page knows although its host does not say it.
 */
export function detectScope(url: string, localGatewayUrl?: string): DetectedScope {
  const parsed = parseUrl(url.trim());
  if (parsed.scheme === '' || parsed.host === '') {
    return {
      kind: 'invalid',
      note: 'Enter an absolute URL, starting with https:// (or http://), to detect its region and service.',
    };
  }
  // The Host value without the port; IPv6 literals keep their brackets.
  const host = parsed.host.replace(/:\d+$/, '').replace(/\.$/, '');
  if (isLoopbackHost(host)) {
    const isGateway =
      localGatewayUrl !== undefined && isLocalGateway(parsed.host, parsed.scheme, localGatewayUrl);
    if (!isGateway) return local;
    return isLocalStsPath(parsed.path) ? localGatewaySts : localGateway;
  }

  if (host.endsWith('.on.aws')) {
    const lambda = /^[a-z0-9]+\.lambda-url\.([a-z0-9-]+)\.on\.aws$/.exec(host);
    if (lambda && REGION.test(lambda[1]!)) {
      return found('lambda-url', 'lambda', lambda[1], 'Lambda function URL');
    }
    return custom;
  }
  const awsDomain = AWS_DOMAIN.exec(host);
  if (!awsDomain) return custom;
  const labels = host.slice(0, awsDomain.index).split('.');
  const chinese = awsDomain[0].endsWith('.cn');

  // <api-id>.execute-api.<region>.amazonaws.com, and private APIs: <api-id>-<vpce-id>.execute-api.<region>.(vpce.)amazonaws.com
  const executeApiAt = labels.indexOf('execute-api');
  if (executeApiAt > 0) {
    const region = labels[executeApiAt + 1];
    const tail = labels.slice(executeApiAt + 2);
    if (region && REGION.test(region) && (tail.length === 0 || tail.join('.') === 'vpce')) {
      return found('execute-api', 'execute-api', region, 'API Gateway');
    }
  }
  const s3 = detectS3(labels);
  if (s3) return s3;
  const service = detectAwsService(labels, chinese);
  if (service) return service;
  return {
    kind: 'aws-service',
    note: `An AWS host${chinese ? ' in the China partition' : ''} whose region and service could not be read from its name: choose them.`,
  };
}
