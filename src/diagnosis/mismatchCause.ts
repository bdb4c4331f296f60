// One likely cause of a signature mismatch, in a sentence, with a fix where the playground has one.
import type { FixAction } from './fixAction';

export type MismatchCauseId =
  | 'path-encoding'
  | 'query-encoding'
  | 'header-value-changed'
  | 'header-missing-on-server'
  | 'header-should-not-be-signed'
  | 'payload-changed'
  | 'scope-date'
  | 'scope-region'
  | 'scope-service'
  | 'access-key'
  | 'secret-key'
  | 'method'
  | 'cannot-tell'
  | 'unknown';

export interface MismatchCause {
  id: MismatchCauseId;
  sentence: string;
  detail?: string;
  fix?: { label: string; action: FixAction };
}
