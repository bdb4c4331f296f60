import './signing-options.css';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { FieldIssues } from '../../components/ui/FieldIssues';
import { RadioOption } from '../../components/ui/RadioOption';

/** How to sign and how to send. */
export function SigningOptionsPanel() {
  const mode = usePlaygroundStore((s) => s.options.mode);
  const expiresIn = usePlaygroundStore((s) => s.options.expiresIn);
  const payload = usePlaygroundStore((s) => s.options.payload);
  const contentSha256Header = usePlaygroundStore((s) => s.options.contentSha256Header);
  const s3PathRules = usePlaygroundStore((s) => s.options.s3PathRules);
  const signSessionToken = usePlaygroundStore((s) => s.options.signSessionToken);
  const relayAvailable = usePlaygroundStore((s) => s.options.relayAvailable);
  const transport = usePlaygroundStore((s) => selectSigningPlan(s).transport);
  const isS3 = usePlaygroundStore((s) => selectSigningPlan(s).scope.service.value === 's3');
  const setField = usePlaygroundStore((s) => s.options.setField);
  // Unset options follow the service, as the signer's own defaults do.
  const addsContentSha256 = contentSha256Header ?? isS3;
  const usesS3PathRules = s3PathRules ?? isS3;

  return (
    <div className="fields options">
      <AlgorithmField />

      <fieldset className="choice">
        <legend>Signature in</legend>
        <RadioOption
          name="mode"
          value="header"
          current={mode}
          onSelect={(value) => setField('mode', value)}
        >
          Authorization header
        </RadioOption>
        <RadioOption
          name="mode"
          value="query"
          current={mode}
          onSelect={(value) => setField('mode', value)}
        >
          Presigned URL
        </RadioOption>
        <span className="inline-field">
          <label htmlFor="expires-in">Expires in</label>
          <input
            id="expires-in"
            className="mono narrow"
            type="number"
            min={1}
            max={604800}
            step={1}
            placeholder="3600"
            value={expiresIn}
            disabled={mode !== 'query'}
            onChange={(event) => setField('expiresIn', event.target.value)}
            aria-describedby="expires-in-issues"
          />
          <span className="muted">seconds</span>
        </span>
      </fieldset>
      <FieldIssues fields={['expiresIn']} id="expires-in-issues" />

      <fieldset className="choice">
        <legend>Payload</legend>
        <RadioOption
          name="payload"
          value="signed"
          current={payload}
          onSelect={(value) => setField('payload', value)}
        >
          Signed
        </RadioOption>
        <RadioOption
          name="payload"
          value="unsigned"
          current={payload}
          onSelect={(value) => setField('payload', value)}
        >
          UNSIGNED-PAYLOAD
        </RadioOption>
      </fieldset>

      <div className="checks">
        <div className="check-row">
          <label className="check">
            <input
              type="checkbox"
              checked={addsContentSha256 && mode === 'header'}
              disabled={mode !== 'header'}
              onChange={(event) => setField('contentSha256Header', event.target.checked)}
            />
            Add x-amz-content-sha256
          </label>
          <span className="muted">
            {mode !== 'header'
              ? 'header mode only'
              : contentSha256Header === null
                ? 'service default (S3 requires it)'
                : 'S3 requires it'}
          </span>
        </div>
        <div className="check-row">
          <label className="check">
            <input
              type="checkbox"
              checked={usesS3PathRules}
              onChange={(event) => setField('s3PathRules', event.target.checked)}
            />
            S3 path rules
          </label>
          <span className="muted">
            path encoded once, not normalized{s3PathRules === null ? ' (service default)' : ''}
          </span>
        </div>
        <div className="check-row">
          <label className="check">
            <input
              type="checkbox"
              checked={signSessionToken}
              onChange={(event) => setField('signSessionToken', event.target.checked)}
            />
            Sign the session token
          </label>
          <span className="muted">
            {signSessionToken ? 'X-Amz-Security-Token signed' : 'added after signing, unsigned'}
          </span>
        </div>
      </div>

      <SigningTimeField />

      <fieldset className="choice">
        <legend>Send through</legend>
        <RadioOption
          name="transport"
          value="relay"
          current={transport}
          disabled={relayAvailable === false}
          onSelect={(value) => setField('transport', value)}
        >
          Relay
        </RadioOption>
        <RadioOption
          name="transport"
          value="direct"
          current={transport}
          onSelect={(value) => setField('transport', value)}
        >
          Direct (browser fetch, needs CORS)
        </RadioOption>
      </fieldset>
      <p className="hint">
        {relayAvailable === false
          ? 'No relay here: start the page with npm start to get one. Direct needs an API that allows this origin (CORS).'
          : transport === 'relay'
            ? 'The relay (this page’s own server) sends exactly the signed bytes: any API, no CORS needed. It never sees your secret key.'
            : 'The browser sends it: the API must allow this origin (CORS), and the browser sets Host and adds headers of its own.'}
      </p>
    </div>
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
      <fieldset className="choice">
        <legend>Algorithm</legend>
        <RadioOption
          name="algorithm"
          value="sigv4"
          current={algorithm}
          onSelect={(value) => setField('algorithm', value)}
        >
          SigV4
        </RadioOption>
        <RadioOption
          name="algorithm"
          value="sigv4a"
          current={algorithm}
          onSelect={(value) => setField('algorithm', value)}
        >
          SigV4A (ECDSA P-256)
        </RadioOption>
      </fieldset>
      {algorithm === 'sigv4a' && (
        <div className="field">
          <label htmlFor="region-set">Region set</label>
          <input
            id="region-set"
            className="mono"
            value={regionSet}
            placeholder={region === '' ? 'e.g. us-east-1,eu-*' : `${region} (the region)`}
            onChange={(event) => setField('regionSet', event.target.value)}
            autoComplete="off"
            spellCheck={false}
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
        <input
          id="signing-time"
          className="mono"
          value={signingTime}
          placeholder="empty: the time of sending"
          onChange={(event) => setField('signingTime', event.target.value)}
          autoComplete="off"
          spellCheck={false}
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
