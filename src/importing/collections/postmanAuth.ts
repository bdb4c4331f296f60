// Postman's auth as it applies to each request: set on the collection, a folder or the request;
// absent, null or "inherit" takes the parent's; "noauth" sends the request without auth. Only
// AWS Signature (awsv4) becomes signing here; other types are named in a note.
import type { PostmanAuth } from './postmanSchemas';

/** Postman's AWS Signature fields, as text ({{variables}} included). */
export interface PostmanAwsV4 {
  accessKey: string;
  secretKey: string;
  sessionToken: string;
  /** '' when unset: Postman then signs for us-east-1. */
  region: string;
  /** '' when unset: Postman then signs for execute-api. */
  service: string;
  /** Postman's "Add auth data to" → "Request URL": a presigned URL. */
  addAuthDataToQuery: boolean;
}

export type EffectiveAuth =
  | { kind: 'awsv4'; awsv4: PostmanAwsV4; where: string }
  | { kind: 'none' }
  | { kind: 'other'; type: string };

export const NO_AUTH: EffectiveAuth = { kind: 'none' };

/** Keys, region and service are text; anything else (a number, true) counts as not set. */
function attributeText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === 'true' || value === '1';
}

/** v2.1's `[{ key, value, type }]` or v2.0's `{ key: value }`, as one lookup. */
function attributes(awsv4: PostmanAuth['awsv4']): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (awsv4 === undefined) return found;
  if (Array.isArray(awsv4)) {
    for (const attribute of awsv4)
      if (!found.has(attribute.key)) found.set(attribute.key, attribute.value);
  } else {
    for (const [key, value] of Object.entries(awsv4)) found.set(key, value);
  }
  return found;
}

export function readAwsV4(auth: PostmanAuth): PostmanAwsV4 {
  const fields = attributes(auth.awsv4);
  return {
    accessKey: attributeText(fields.get('accessKey')),
    secretKey: attributeText(fields.get('secretKey')),
    sessionToken: attributeText(fields.get('sessionToken')),
    region: attributeText(fields.get('region')),
    service: attributeText(fields.get('service')),
    addAuthDataToQuery: isTrue(fields.get('addAuthDataToQuery')),
  };
}

/**
 * The auth that applies below a node whose own auth is `auth`, given the parent's. `where` names
 * the node ("the collection", "folder “Admin”") for notes about its keys.
 */
export function applyAuth(
  auth: PostmanAuth | null | undefined,
  inherited: EffectiveAuth,
  where: string,
): EffectiveAuth {
  if (auth === undefined || auth === null || auth.type === 'inherit') return inherited;
  if (auth.type === 'noauth') return NO_AUTH;
  if (auth.type === 'awsv4') return { kind: 'awsv4', awsv4: readAwsV4(auth), where };
  return { kind: 'other', type: auth.type };
}
