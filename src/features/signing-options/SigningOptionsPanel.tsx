import './signing-options.css';
import {
  CONTENT_SHA256_HEADER,
  DEFAULT_EXPIRES_IN,
  MAX_PRESIGN_EXPIRES,
  MIN_PRESIGN_EXPIRES,
  resolveSigningOptions,
  SECURITY_TOKEN_HEADER,
  UNSIGNED_PAYLOAD,
  type EffectiveSigningOptions,
} from '../../signing';
import { lazy, Suspense } from 'react';
import type { OptionsFields, PlaygroundState } from '../../store/playgroundState';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { Checkbox } from '../../components/ui/Checkbox';
import { CodeInput } from '../../components/ui/CodeInput';
import { FieldIssues } from '../../components/ui/FieldIssues';
import { RadioGroup, type RadioChoice } from '../../components/ui/RadioGroup';

/** How to sign and how to send. */
// What an API must allow for the browser to call it is said only on a page without a relay (a
// static host): it loads there.
const NoRelayNote = lazy(() =>
  import('./NoRelayNote').then((module) => ({ default: module.NoRelayNote })),
);

export function SigningOptionsPanel() {
  return (
    <div className="fields options">
      <AlgorithmField />
      <SignatureInField />
      <OptionChoice
        field="payload"
        legend="Payload"
        choices={[
          { value: 'signed', label: 'Signed' },
          { value: 'unsigned', label: UNSIGNED_PAYLOAD },
        ]}
      />
      <FieldIssues fields={['payload']} />
      <SignerChecks />
      <SigningTimeField />
      <TransportField />
    </div>
  );
}

/** An option chosen among a few values, read from and written to the store. */
function OptionChoice<Key extends 'mode' | 'payload' | 'algorithm'>({
  field,
  legend,
  choices,
  children,
}: {
  field: Key;
  legend: string;
  choices: ReadonlyArray<RadioChoice<OptionsFields[Key]>>;
  children?: React.ReactNode;
}) {
  const value = usePlaygroundStore((s) => s.options[field]);
  const setField = usePlaygroundStore((s) => s.options.setField);
  return (
    <RadioGroup
      legend={legend}
      name={field}
      value={value}
      choices={choices}
      onChange={(chosen) => setField(field, chosen)}
    >
      {children}
    </RadioGroup>
  );
}

/** What the signer will apply for the options as set: unset ones follow the service. */
function effectiveOption<Key extends keyof EffectiveSigningOptions>(key: Key) {
  return (state: PlaygroundState) => resolveSigningOptions(selectSigningPlan(state).input)[key];
}

/** Authorization header or presigned URL, with the URL's lifetime. */
function SignatureInField() {
  const mode = usePlaygroundStore((s) => s.options.mode);
  const expiresIn = usePlaygroundStore((s) => s.options.expiresIn);
  const setField = usePlaygroundStore((s) => s.options.setField);
  return (
    <>
      <OptionChoice
        field="mode"
        legend="Signature in"
        choices={[
          { value: 'header', label: 'Authorization header' },
          { value: 'query', label: 'Presigned URL' },
        ]}
      >
        <span className="inline-field">
          <label htmlFor="expires-in">Expires in</label>
          <input
            id="expires-in"
            className="mono narrow"
            type="number"
            min={MIN_PRESIGN_EXPIRES}
            max={MAX_PRESIGN_EXPIRES}
            step={1}
            placeholder={String(DEFAULT_EXPIRES_IN)}
            value={expiresIn}
            disabled={mode !== 'query'}
            onChange={(event) => setField('expiresIn', event.target.value)}
            aria-describedby="expires-in-issues"
          />
          <span className="muted">seconds</span>
        </span>
      </OptionChoice>
      <FieldIssues fields={['expiresIn']} id="expires-in-issues" />
    </>
  );
}

/** The signer's switches, each checked as the signer will apply it. */
function SignerChecks() {
  const mode = usePlaygroundStore((s) => s.options.mode);
  const contentSha256Header = usePlaygroundStore((s) => s.options.contentSha256Header);
  const s3PathRules = usePlaygroundStore((s) => s.options.s3PathRules);
  const signSessionToken = usePlaygroundStore((s) => s.options.signSessionToken);
  const addsContentSha256 = usePlaygroundStore(effectiveOption('contentSha256Header'));
  // S3 path rules: the path is neither normalized nor encoded twice (the two go together here).
  const usesS3PathRules = !usePlaygroundStore(effectiveOption('normalizePath'));
  const setField = usePlaygroundStore((s) => s.options.setField);
  return (
    <div className="checks">
      <CheckRow
        checked={addsContentSha256}
        disabled={mode !== 'header'}
        onChange={(checked) => setField('contentSha256Header', checked)}
        label={`Add ${CONTENT_SHA256_HEADER}`}
        note={
          mode !== 'header'
            ? 'header mode only'
            : contentSha256Header === null
              ? 'service default (S3 requires it)'
              : 'S3 requires it'
        }
      />
      <CheckRow
        checked={usesS3PathRules}
        onChange={(checked) => setField('s3PathRules', checked)}
        label="S3 path rules"
        note={`path encoded once, not normalized${s3PathRules === null ? ' (service default)' : ''}`}
      />
      <CheckRow
        checked={signSessionToken}
        onChange={(checked) => setField('signSessionToken', checked)}
        label="Sign the session token"
        note={
          signSessionToken ? `${SECURITY_TOKEN_HEADER} signed` : 'added after signing, unsigned'
        }
      />
    </div>
  );
}

/** A checkbox with what it does, as it is set, beside it. */
function CheckRow({
  label,
  note,
  ...checkbox
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  label: string;
  note: string;
}) {
  return (
    <div className="check-row">
      <Checkbox {...checkbox}>{label}</Checkbox>
      <span className="muted">{note}</span>
    </div>
  );
}

function TransportField() {
  const relayAvailable = usePlaygroundStore((s) => s.options.relayAvailable);
  const transport = usePlaygroundStore((s) => selectSigningPlan(s).transport);
  const setField = usePlaygroundStore((s) => s.options.setField);
  return (
    <>
      <RadioGroup
        legend="Send through"
        name="transport"
        value={transport}
        choices={[
          { value: 'relay', label: 'Relay', disabled: relayAvailable === false },
          { value: 'direct', label: 'Direct (browser fetch, needs CORS)' },
        ]}
        onChange={(value) => setField('transport', value)}
      />
      {relayAvailable === false ? (
        <Suspense
          fallback={
            <p className="hint">
              No relay here (this page is served without its own server), so Send calls the API
              straight from the browser.
            </p>
          }
        >
          <NoRelayNote />
        </Suspense>
      ) : (
        <p className="hint">
          {transport === 'relay'
            ? 'The relay (this page’s own server) sends exactly the signed bytes: any API, no CORS needed. It never sees your secret key.'
            : 'The browser sends it: the API must allow this origin (CORS), and the browser sets Host and adds headers of its own.'}
        </p>
      )}
    </>
  );
}

/** SigV4 (HMAC, one region) or SigV4A (ECDSA P-256, a set of regions), with its region set. */
function AlgorithmField() {
  const algorithm = usePlaygroundStore((s) => s.options.algorithm);
  const regionSet = usePlaygroundStore((s) => s.options.regionSet);
  const region = usePlaygroundStore((s) => selectSigningPlan(s).scope.region.value);
  const setField = usePlaygroundStore((s) => s.options.setField);
  return (
    <>
      <OptionChoice
        field="algorithm"
        legend="Algorithm"
        choices={[
          { value: 'sigv4', label: 'SigV4' },
          { value: 'sigv4a', label: 'SigV4A (ECDSA P-256)' },
        ]}
      />
      {algorithm === 'sigv4a' && (
        <div className="field">
          <label htmlFor="region-set">Region set</label>
          <CodeInput
            id="region-set"
            value={regionSet}
            placeholder={region === '' ? 'e.g. us-east-1,eu-*' : `${region} (the region)`}
            onChange={(value) => setField('regionSet', value)}
            aria-describedby="region-set-hint region-set-issues"
          />
          <div className="hint" id="region-set-hint">
            The regions this signature is valid in, comma-separated; <code>*</code> matches any, as
            in <code>us-*</code>. Empty: the region alone. Sent as X-Amz-Region-Set and signed; the
            credential scope then has no region.
          </div>
          <FieldIssues fields={['regionSet']} id="region-set-issues" />
        </div>
      )}
    </>
  );
}

function SigningTimeField() {
  const signingTime = usePlaygroundStore((s) => s.request.signingTime);
  const setField = usePlaygroundStore((s) => s.request.setField);
  return (
    <div className="field">
      <label htmlFor="signing-time">Signing time</label>
      <div className="input-with-button">
        <CodeInput
          id="signing-time"
          value={signingTime}
          placeholder="empty: the time of sending"
          onChange={(value) => setField('signingTime', value)}
          aria-describedby="signing-time-hint signing-time-issues"
        />
        <button
          type="button"
          disabled={signingTime === ''}
          onClick={() => setField('signingTime', '')}
        >
          Now
        </button>
      </div>
      <div className="hint" id="signing-time-hint">
        ISO 8601 such as 2015-08-30T12:36:00Z pins the signature, to reproduce one exactly.
      </div>
      <FieldIssues fields={['signingDate']} id="signing-time-issues" />
    </div>
  );
}
