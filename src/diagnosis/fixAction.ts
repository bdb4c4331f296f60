// A one-click fix the diagnosis offers: the page's store applies it (store/applyFix.ts).

export type FixAction =
  | { kind: 'set-s3-path-rules'; value: boolean }
  | { kind: 'set-region'; value: string }
  | { kind: 'set-service'; value: string }
  /** ISO 8601, or '' for "now". */
  | { kind: 'set-signing-time'; value: string }
  /** Sign with the server's clock: seconds to add to the local one. */
  | { kind: 'set-clock-offset'; seconds: number }
  | { kind: 'unsign-header'; name: string }
  | { kind: 'set-payload'; value: 'signed' | 'unsigned' }
  /** Ask STS which identity the credentials are (features/identity): not a change to the form. */
  | { kind: 'who-am-i' }
  | {
      kind: 'focus-field';
      field: 'secretAccessKey' | 'sessionToken' | 'accessKeyId' | 'url' | 'method' | 'body';
    };
