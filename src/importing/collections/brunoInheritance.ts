// What a Bruno request inherits from collection.bru and the folder.bru files above it: auth
// (unless it sets its own), headers (its own win) and variables.
import {
  authModeOf,
  headersOf,
  readAwsV4,
  type BrunoAwsV4,
  type BrunoRequestParts,
} from './brunoRequest';
import type { BruBlock } from './readBruFile';

export interface AuthSource {
  mode: string;
  awsv4?: BrunoAwsV4;
}

/** What the walk carries down from collection.bru and the folder.bru files above a request. */
export interface Inherited {
  auth: AuthSource;
  headers: { name: string; value: string }[];
  variables: ReadonlyMap<string, string>;
}

export function effectiveAuth(request: BrunoRequestParts, inherited: AuthSource): AuthSource {
  if (request.authMode !== 'inherit') {
    return request.awsv4 === undefined
      ? { mode: request.authMode }
      : { mode: request.authMode, awsv4: request.awsv4 };
  }
  return inherited;
}

/** A folder's auth replaces the inherited one unless it is `none` or `inherit` (resolveInheritedAuth). */
export function folderAuth(blocks: readonly BruBlock[], inherited: AuthSource): AuthSource {
  const mode = authModeOf(blocks);
  if (mode === 'none' || mode === 'inherit') return inherited;
  const awsv4 = readAwsV4(blocks);
  return awsv4 === undefined ? { mode } : { mode, awsv4 };
}

/** What collection.bru gives every request; `inherit` at the top means no auth. */
export function collectionInheritance(collectionBlocks: readonly BruBlock[]): Inherited {
  const collectionAuth = authModeOf(collectionBlocks);
  const awsv4 = readAwsV4(collectionBlocks);
  return {
    auth:
      collectionAuth === 'awsv4' && awsv4 !== undefined
        ? { mode: 'awsv4', awsv4 }
        : { mode: collectionAuth === 'inherit' ? 'none' : collectionAuth },
    headers: headersOf(collectionBlocks),
    variables: new Map(),
  };
}
