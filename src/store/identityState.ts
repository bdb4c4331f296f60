// The shape of the identity slice (identitySlice.ts): "Who am I?" and "Assume role", the page's own
// STS calls. playgroundState.ts lists it beside the others.
import type { CallerIdentity } from '../request/sts';
import type { RequestFields } from './playgroundState';

/** An STS call the page made: what a tab needs to show how it was signed. Holds no secret. */
export interface StsCall {
  action: 'GetCallerIdentity' | 'AssumeRole';
  /**
   * The call as the form's fields (stsCalls.ts' stsRequestFields): its signing time fixed and its
   * profile named, so a tab opened from them signs the same bytes.
   */
  fields: RequestFields;
  /** Which STS it went to, as a phrase: "the local gateway's STS (http://…/sts/)". */
  endpoint: string;
  /** Whose keys signed it, as a phrase: "profile demo (AKIDEXAMPLE)"; never a secret. */
  signedWith: string;
}

/** Where a call stands. `call` is null when nothing was signed (the input was refused). */
export type StsOutcome<T> =
  | { kind: 'idle' }
  | { kind: 'calling' }
  | { kind: 'ok'; value: T; call: StsCall }
  | { kind: 'error'; sentence: string; code: string; call: StsCall | null };

/** What an AssumeRole gave, without its secrets (they go to the profile: profilesSlice.setAssumed). */
export interface AssumedRole {
  assumedRoleArn: string;
  accessKeyId: string;
  /** ISO 8601, as STS wrote it. */
  expiration: string;
}

/** The "Assume role" form: a role profile is kept under `name` and assumed at once. */
export interface AssumeRoleForm {
  /** The role profile's name (new, or one to replace). */
  name: string;
  roleArn: string;
  roleSessionName: string;
  /** '' for STS's default (3600 s). */
  durationSeconds: string;
  externalId: string;
  mfaSerial: string;
  tokenCode: string;
  /** The profile whose keys sign the call; '' for the keys typed in the Credentials panel. */
  sourceProfile: string;
}

export interface IdentitySlice {
  whoAmI: StsOutcome<CallerIdentity>;
  /** Per role profile, by name. */
  assumed: Record<string, StsOutcome<AssumedRole>>;
  /** Signs GetCallerIdentity with the active credentials and sends it. Never rejects. */
  checkWhoAmI(): Promise<void>;
  /**
   * Assumes role profile `name` with its source profile's keys (or the typed ones when it names
   * none), keeps the temporary keys in the profile and signs the request with it. `tokenCode`:
   * the MFA code, when the profile names an MFA device. Never rejects.
   */
  assumeRole(name: string, tokenCode?: string): Promise<void>;
  /** Keeps the form as a role profile and assumes it; the form's problems, one per sentence. */
  assumeRoleWith(form: AssumeRoleForm): Promise<string[]>;
  /** Opens the call as a new tab, whose signing steps show it; false when no tab is free. */
  showSigning(call: StsCall): boolean;
}
