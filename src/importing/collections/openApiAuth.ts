// Whether API Gateway checks a SigV4 signature on a route (AWS_IAM), as far as the document says:
// the route's x-amazon-apigateway-auth, else the security schemes it requires; and the region the
// integrations' ARNs name, for URLs whose host does not say it.
import type { OpenApiDocument, OpenApiOperation } from './openApiSchemas';
import { securityScheme } from './openApiSchemas';
import { valueText } from './jsonValues';

/** How API Gateway authorizes a route, as far as the document says. */
export type RouteAuth = { iam: true } | { iam: false; kind: string };

/** The region in an API Gateway or Lambda ARN (integration URIs name the API's region). */
const ARN_REGION = /arn:aws[a-z-]*:(?:apigateway|lambda):([a-z]{2}(?:-[a-z]+)+-\d+):/;

/** Scheme name → how it authorizes. */
export function securitySchemes(doc: OpenApiDocument): Map<string, RouteAuth> {
  const schemes = new Map<string, RouteAuth>();
  const table = doc.components?.securitySchemes ?? doc.securityDefinitions ?? {};
  for (const [name, raw] of Object.entries(table)) {
    const parsed = securityScheme.safeParse(raw);
    if (!parsed.success) continue;
    const authType = parsed.data['x-amazon-apigateway-authtype']?.toLowerCase() ?? '';
    if (authType === 'awssigv4' || authType === 'sigv4') schemes.set(name, { iam: true });
    else if (authType === 'cognito_user_pools')
      schemes.set(name, { iam: false, kind: 'a Cognito user pool' });
    else if (parsed.data['x-amazon-apigateway-authorizer'] !== undefined)
      schemes.set(name, { iam: false, kind: 'a Lambda authorizer' });
    else if (parsed.data.type === 'apiKey') schemes.set(name, { iam: false, kind: 'an API key' });
    else schemes.set(name, { iam: false, kind: parsed.data.type ?? name });
  }
  return schemes;
}

export function routeAuth(
  op: OpenApiOperation,
  doc: OpenApiDocument,
  schemes: ReadonlyMap<string, RouteAuth>,
): RouteAuth {
  const explicit = op['x-amazon-apigateway-auth']?.type?.toUpperCase();
  if (explicit === 'AWS_IAM') return { iam: true };
  if (explicit === 'NONE') return { iam: false, kind: 'no authorization' };
  const requirements = op.security ?? doc.security ?? [];
  const used = requirements.flatMap((requirement) => Object.keys(requirement));
  if (used.some((name) => schemes.get(name)?.iam === true)) return { iam: true };
  const other = used.map((name) => schemes.get(name)).find((auth) => auth !== undefined);
  return other ?? { iam: false, kind: 'no authorization' };
}

/** The region the integrations' ARNs name, when they agree on one. */
export function integrationRegion(operations: readonly OpenApiOperation[]): string | undefined {
  const regions = new Set<string>();
  for (const op of operations) {
    const uri = valueText(op['x-amazon-apigateway-integration']?.uri).slice(0, 2048);
    const region = ARN_REGION.exec(uri)?.[1];
    if (region !== undefined) regions.add(region);
  }
  return regions.size === 1 ? [...regions][0] : undefined;
}
