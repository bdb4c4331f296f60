import './signing-steps.css';
import { lazy, Suspense, useMemo, type ComponentProps } from 'react';
import {
  EMPTY_SHA256,
  UNSIGNED_PAYLOAD,
  uriEncode,
  type SigningInput,
  type SigningResult,
} from '../../signing';
import type { BrowserPath } from '../../store/browserPath';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import type { OutgoingRequest } from '../../transport/sendRequest';
import { AnnotatedLines } from './AnnotatedLines';
import { formatBytes } from '../../components/ui/bodyText';
import { describeCanonicalRequest, describeStringToSign } from './describeSigning';
import { MonoBlock } from '../../components/ui/MonoBlock';
import { PanelBoundary } from '../../components/ui/PanelBoundary';
import { VariablesUsed } from './VariablesUsed';
import { SigningKeyChain } from './SigningKeyChain';
import { SignatureValidity } from './SignatureValidity';
import { StepSection } from '../../components/ui/StepSection';
import { lazyAfterFirstPaint } from '../../components/ui/lazyAfterFirstPaint';
import { MaskedSecrets } from '../../components/ui/maskedSecrets';
import { ReservedPlace } from '../../components/ui/ReservedPlace';
import { lazyInFirstView } from '../../components/ui/lazyInFirstView';

// SigV4A's key derivation view loads when a SigV4A signature is first shown: most requests are SigV4.
const SigV4aKeyDerivation = lazy(() =>
  import('./SigV4aKeyDerivation').then((module) => ({ default: module.SigV4aKeyDerivation })),
);
// What goes on the wire, with its copies as text and curl, comes after the signature: it loads
// once the first signature is painted.
const RequestToSendStep = lazyAfterFirstPaint(() =>
  import('./RequestToSendStep').then((module) => module.RequestToSendStep),
);
// The exporters are loaded after the page is up: the first load stays as small as before.
const ExportSnippets = lazyInFirstView(() =>
  import('../import-export/ExportSnippets').then((module) => ({ default: module.ExportSnippets })),
);

const AWS_DOCS =
  'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html';

function bodyLength(body: SigningInput['body']): number {
  if (body === undefined) return 0;
  return typeof body === 'string' ? new TextEncoder().encode(body).length : body.byteLength;
}

function timeOfDay(amzDate: string): string {
  return `${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)} UTC`;
}

/** Every artifact of the signing, in the order SigV4 builds them, live as the inputs change. */
export function SigningSteps() {
  const plan = usePlaygroundStore(selectSigningPlan);
  const shown = usePlaygroundStore((s) => s.signing.shown);
  const error = usePlaygroundStore((s) => s.signing.error);
  const secretVisible = usePlaygroundStore((s) => s.credentials.secretVisible);
  const bodyFileName = usePlaygroundStore((s) => s.request.bodyFile?.name);
  const blocked = plan.blockers.length > 0;
  // A session token signs like the secret until it expires: the steps draw it masked (in the
  // headers and, encoded, in a presigned URL) unless Show is on, as kSecret is. Copy still copies.
  const token = shown?.input.credentials.sessionToken ?? '';
  const masked = useMemo(
    () => (secretVisible || token === '' ? [] : [token, uriEncode(token)]),
    [secretVisible, token],
  );

  return (
    <>
      {blocked && <p className="banner banner-warning">Not signed: {plan.blockers.join(' ')}</p>}
      {error !== null && <p className="banner banner-error">Signing failed: {error}</p>}
      {shown === null ? (
        !blocked && error === null && <p className="hint">Signing…</p>
      ) : (
        <div className={blocked ? 'steps-body is-stale' : 'steps-body'}>
          <p className="steps-when">
            {shown.source === 'sent'
              ? `As sent: signed at ${timeOfDay(shown.result.amzDate)} when you pressed Send.`
              : plan.signingTime.kind === 'fixed'
                ? shown.result.algorithm === 'sigv4a'
                  ? `Signed at the fixed time ${shown.result.amzDate}. Send signs again at that time: a SigV4A signature differs every time, and each one is valid.`
                  : `Signed at the fixed time ${shown.result.amzDate}: Send sends exactly this signature.`
                : `Signed at ${timeOfDay(shown.result.amzDate)}, your last edit. Send signs again with the time of sending, and the steps then show that signing.`}
          </p>
          <SignatureValidity
            amzDate={shown.result.amzDate}
            mode={shown.result.options.mode}
            expiresIn={shown.result.options.expiresIn ?? 0}
            service={shown.input.service}
          />
          <VariablesUsed uses={plan.variables} />
          <MaskedSecrets value={masked}>
            <Steps
              input={shown.input}
              result={shown.result}
              secretVisible={secretVisible}
              transport={plan.transport}
              bodyFileName={bodyFileName}
              browserPath={shown.input.url === plan.input.url ? plan.browserPath : undefined}
              headersJoined={plan.headersJoined === true}
              withheldHeaders={plan.withheldHeaders.map(({ name }) => name)}
            />
          </MaskedSecrets>
        </div>
      )}
    </>
  );
}

/** The link in the panel's heading row. */
export function AwsDocsLink() {
  return (
    <a href={AWS_DOCS} target="_blank" rel="noreferrer" className="docs-link">
      AWS docs: create a signed request ↗
    </a>
  );
}

interface StepsProps {
  input: SigningInput;
  result: SigningResult;
  secretVisible: boolean;
  transport: 'relay' | 'direct';
  bodyFileName: string | undefined;
  /** Set when the browser sends another path than the one typed (direct transport). */
  browserPath: BrowserPath | undefined;
  headersJoined: boolean;
  /** Header rows left out until their value, not kept, is pasted again. */
  withheldHeaders: readonly string[];
}

function Steps({
  input,
  result,
  secretVisible,
  transport,
  bodyFileName,
  browserPath,
  headersJoined,
  withheldHeaders,
}: StepsProps) {
  const { mode, contentSha256Header } = result.options;
  const canonicalLines = useMemo(() => describeCanonicalRequest(result), [result]);
  const stringToSignLines = useMemo(() => describeStringToSign(result), [result]);
  const outgoing: OutgoingRequest = {
    method: input.method,
    url: result.url,
    headers: result.headers,
  };
  if (input.body !== undefined)
    outgoing.body = input.body instanceof ArrayBuffer ? new Uint8Array(input.body) : input.body;

  const size = useMemo(() => bodyLength(input.body), [input.body]);
  const payloadExplanation =
    result.payloadHash === UNSIGNED_PAYLOAD
      ? 'The body is not hashed: the literal UNSIGNED-PAYLOAD takes the hash’s place, so the signature does not cover the body.'
      : result.payloadHash === EMPTY_SHA256
        ? 'No body: this is the SHA-256 of zero bytes, the same for every request without one.'
        : `SHA-256 of the ${size < 1024 ? `${size}-byte` : `${formatBytes(size)} (${size} bytes)`} body, in lower-case hex.`;

  return (
    <>
      <StepSection
        id="step-canonical-request"
        title="Canonical request"
        step="1"
        explanation={
          <>
            The request rewritten in one exact form, so that client and server hash the same bytes:
            method, path, sorted query, the signed headers (names lower-cased, values trimmed,
            sorted by name), their names, and the hashed payload. Any difference here is the usual
            cause of a signature mismatch.
            {browserPath !== undefined && (
              <>
                {' '}
                Sent directly, the browser rewrites the path <code>
                  {browserPath.written}
                </code> to <code>{browserPath.sent}</code> before sending (its URL parser resolves
                &lsquo;.&rsquo; and &lsquo;..&rsquo; and percent-encodes spaces and non-ASCII), so
                that is the path signed here; the relay would send it as written.
              </>
            )}
            {headersJoined &&
              ' Sent directly, the browser sends a header given on several lines as one line, its values joined by “, ”: that line is signed here; the relay would send the lines as written.'}
          </>
        }
        copyText={result.canonicalRequest}
        copyWhat="canonical request"
      >
        <AnnotatedLines lines={canonicalLines} label="Canonical request lines" />
      </StepSection>

      <TextStep
        id="step-hashed-payload"
        title="Hashed payload"
        step="1"
        explanation={
          <>
            {payloadExplanation} It is part of step 1: the last line of the canonical request
            {contentSha256Header ? ' and is also sent as the x-amz-content-sha256 header.' : '.'}
          </>
        }
        text={result.payloadHash}
        copyWhat="payload hash"
      />

      <StepSection
        id="step-string-to-sign"
        title="String to sign"
        step="2–3"
        explanation={
          result.algorithm === 'sigv4a'
            ? 'What actually gets signed: the algorithm, the time, the scope (without a region: X-Amz-Region-Set in the canonical request says where it is valid), and the hash of the canonical request (step 2, the last line).'
            : 'What actually gets signed: the algorithm, the time, the scope the key is valid for, and the hash of the canonical request (step 2: its SHA-256 in lower-case hex, the last line).'
        }
        copyText={result.stringToSign}
        copyWhat="string to sign"
      >
        <AnnotatedLines lines={stringToSignLines} label="String to sign lines" />
      </StepSection>

      {result.algorithm === 'sigv4a' ? (
        <StepSection
          id="step-signing-key"
          title="Signing key"
          step="4"
          explanation="SigV4A derives an ECDSA P-256 key pair from the access key pair alone: no date, region or service goes in, so one key signs for every region in the set. A counter-mode KDF with HMAC-SHA256 turns the secret into the private key; the server derives the same public key to verify."
          copyText={`x=${result.sigv4a.publicKey.x}\ny=${result.sigv4a.publicKey.y}`}
          copyWhat="public key"
        >
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <SigV4aKeyDerivation
              sigv4a={result.sigv4a}
              secretAccessKey={input.credentials.secretAccessKey}
              secretVisible={secretVisible}
            />
          </Suspense>
        </StepSection>
      ) : (
        <StepSection
          id="step-signing-key"
          title="Signing key"
          step="4"
          explanation="The secret never signs directly: four HMACs narrow it to one day (UTC), region and service. A leaked signing key cannot reveal the secret, but it signs any request for that service and region for the rest of that day, and a presigned URL made with it stays valid up to 7 days."
          copyText={result.signingKeyChain.kSigning}
          copyWhat="signing key"
        >
          <SigningKeyChain
            result={result}
            secretAccessKey={input.credentials.secretAccessKey}
            secretVisible={secretVisible}
          />
        </StepSection>
      )}

      <TextStep
        id="step-signature"
        title="Signature"
        step="4"
        explanation={
          result.algorithm === 'sigv4a'
            ? 'ECDSA P-256 over the SHA-256 of the string to sign, with the private key above, DER-encoded, in lower-case hex. ECDSA is randomized: every signing gives a different signature, even at a fixed time, and that is fine: the server verifies it with the public key.'
            : 'HMAC-SHA256 of the string to sign, keyed with kSigning, in lower-case hex.'
        }
        text={result.signature}
        copyWhat="signature"
        className="signature"
      />

      {mode === 'header' ? (
        <TextStep
          id="step-authorization"
          title="Authorization header"
          step="5"
          explanation="The access key ID with the credential scope, the signed header names and the signature. It travels with X-Amz-Date (and the session token, if any)."
          text={result.authorization ?? ''}
          copyWhat="Authorization header value"
        />
      ) : (
        <TextStep
          id="step-presigned-url"
          title="Presigned URL"
          step="5"
          explanation={`The signature and its parameters travel in the query: anyone with this link can make this exact request until it expires (${result.options.expiresIn} s after the signing time).`}
          text={result.url}
          copyWhat="presigned URL"
        />
      )}

      <RequestToSendStep
        outgoing={outgoing}
        result={result}
        transport={transport}
        bodyFileName={bodyFileName}
        withheldHeaders={withheldHeaders}
        fallback={
          <section className="step" aria-labelledby="step-request-to-send">
            <div className="step-head">
              <h3 id="step-request-to-send">Request to send</h3>
            </div>
            <ReservedPlace panel="request-to-send" />
          </section>
        }
      />

      <section className="export-section" aria-labelledby="export-title">
        <h3 id="export-title">Export</h3>
        <p className="step-explanation">
          This request as code, signed as shown above or signed when it runs.
          {result.algorithm === 'sigv4a' &&
            ' The snippets that sign when they run sign with SigV4, not SigV4A: use one signed here to keep this SigV4A signature.'}
        </p>
        <PanelBoundary name="Export">
          <Suspense fallback={<p className="hint">Loading…</p>}>
            <ExportSnippets input={input} result={result} />
          </Suspense>
        </PanelBoundary>
      </section>
    </>
  );
}

type TextStepProps = Omit<ComponentProps<typeof StepSection>, 'copyText' | 'children'> & {
  /** The artifact: shown byte for byte, and what Copy copies. */
  text: string;
  className?: string;
};

/** A step whose artifact is one text: a hash, the signature, the header or the URL. */
function TextStep({ text, className, ...section }: TextStepProps) {
  return (
    <StepSection {...section} copyText={text}>
      <MonoBlock text={text} {...(className === undefined ? {} : { className })} />
    </StepSection>
  );
}
