import './send-response.css';
import { lazy, Suspense, useMemo, useState } from 'react';
import { parseAwsError } from '../../diagnosis/parseAwsError';
import { explainErrorType } from '../../diagnosis/explainErrorType';
import type { ResponseOutcome, SentRequest } from '../../store/playgroundState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import type { HttpAnswer, TransportFailure } from '../../transport/sendRequest';
import { decodeBody, formatBytes, getHeader, hexPreview } from '../../components/ui/bodyText';
import { doctorContext } from '../diagnose/awsErrorContext';
import { ClockOffsetLine, ClockSkewNotice } from './ClockNotice';
import { CopyButton } from '../../components/ui/CopyButton';

// The mismatch view and the error doctor load with the first AWS error, not with the page.
const AwsErrorHelp = lazy(() =>
  import('../diagnose/AwsErrorHelp').then((module) => ({ default: module.AwsErrorHelp })),
);

function headline(outcome: ResponseOutcome): string {
  switch (outcome.kind) {
    case 'idle':
      return 'Not sent yet';
    case 'sending':
      return 'Sending…';
    case 'response':
      return `${outcome.answer.status} ${outcome.answer.statusText}`.trim();
    case 'failure':
      return outcome.failure.title;
  }
}

function headlineClass(outcome: ResponseOutcome): string {
  if (outcome.kind === 'failure') return 'headline headline-failure';
  if (outcome.kind !== 'response') return 'headline headline-quiet';
  const status = outcome.answer.status;
  if (status < 300) return 'headline status-ok';
  if (status < 400) return 'headline status-redirect';
  return status < 500 ? 'headline status-client-error' : 'headline status-server-error';
}

/** The answer to the last Send: idle, sending, an HTTP answer, or a failure to get one. */
export function ResponsePanel() {
  const outcome = usePlaygroundStore((s) => s.response.outcome);
  const transport = usePlaygroundStore((s) => s.options.transport);
  return (
    <div className="response">
      <div className="outcome-line">
        {/* One status element for every outcome, so screen readers announce each change. */}
        {/* Named, so it stays one among the panel's other statuses (Who am I?'s answer). */}
        <div role="status" aria-label="Outcome" className={headlineClass(outcome)}>
          {headline(outcome)}
        </div>
        {outcome.kind === 'response' && (
          <span className="outcome-meta">
            <span>{Math.round(outcome.answer.timeMs)} ms</span>
            <span>{formatBytes(outcome.answer.sizeBytes)}</span>
            <span>via {outcome.answer.via}</span>
          </span>
        )}
        {outcome.kind === 'failure' && (
          <span className="outcome-meta">
            <span>no HTTP answer</span>
            <span>{outcome.failure.kind}</span>
          </span>
        )}
      </div>
      <ClockOffsetLine />
      {outcome.kind === 'idle' && (
        <p className="hint">
          <strong>Send</strong> (Ctrl+Enter) signs the request at that moment and sends it
          {transport === 'direct' ? ' from the browser' : ' through the relay'}; the answer shows
          here.
        </p>
      )}
      {outcome.kind === 'sending' && (
        <p className="hint">
          {outcome.sent.outgoing.method} {outcome.sent.outgoing.url} via {outcome.sent.transport}
        </p>
      )}
      {outcome.kind === 'response' && (
        <AnswerView answer={outcome.answer} sent={outcome.sent} receivedAt={outcome.receivedAt} />
      )}
      {outcome.kind === 'failure' && <FailureView failure={outcome.failure} />}
    </div>
  );
}

function AnswerView({
  answer,
  sent,
  receivedAt,
}: {
  answer: HttpAnswer;
  sent: SentRequest;
  receivedAt: number | undefined;
}) {
  const [raw, setRaw] = useState(false);
  const errorType = getHeader(answer.headers, 'x-amzn-ErrorType') ?? null;
  const explanation = explainErrorType(errorType);
  const decoded = decodeBody(answer.body, getHeader(answer.headers, 'content-type'));
  const serverDate = getHeader(answer.headers, 'date');
  // Any error answer AWS explains in its body (403s above all): what it means and what to do.
  const awsError = useMemo(
    () =>
      answer.status >= 400 && decoded.text !== null
        ? parseAwsError({ body: decoded.text, errorType })
        : null,
    [answer.status, decoded.text, errorType],
  );
  const ours = useMemo(() => ({ input: sent.input, result: sent.signing }), [sent]);
  const context = useMemo(
    () =>
      doctorContext(ours, {
        ...(serverDate === undefined ? {} : { serverDate }),
        ...(receivedAt === undefined ? {} : { receivedAt }),
      }),
    [ours, serverDate, receivedAt],
  );
  const bodyShown =
    decoded.text === null
      ? null
      : !raw && decoded.prettyJson !== null
        ? decoded.prettyJson
        : decoded.text;

  return (
    <div className="answer">
      {errorType !== null && (
        <div className="callout">
          <p className="callout-title">
            <code>x-amzn-ErrorType: {errorType}</code>
          </p>
          {explanation !== undefined && <p>{explanation}</p>}
        </div>
      )}

      <ClockSkewNotice answer={answer} receivedAt={receivedAt} />
      {awsError !== null && awsError.kind !== 'unknown' && (
        <Suspense fallback={<p className="hint">Reading the error…</p>}>
          <AwsErrorHelp error={awsError} ours={ours} context={context} />
        </Suspense>
      )}

      {/* A div, not a labelled section: a region named "Body" would compete with the Body field. */}
      <div className="response-section">
        <div className="section-head">
          <h3>Body</h3>
          <div className="step-actions">
            {decoded.prettyJson !== null && (
              <button
                type="button"
                className="small-button"
                aria-pressed={raw}
                onClick={() => setRaw(!raw)}
              >
                Raw
              </button>
            )}
            {decoded.text !== null && decoded.text !== '' && (
              <CopyButton text={decoded.text} what="response body" />
            )}
          </div>
        </div>
        {answer.body.byteLength === 0 ? (
          <p className="hint">Empty body.</p>
        ) : bodyShown === null ? (
          <p className="hint">
            Binary, {formatBytes(answer.body.byteLength)}: <code>{hexPreview(answer.body)}</code>
          </p>
        ) : (
          // It scrolls: a Tab stop, so the keyboard can scroll it too.
          <pre className="response-body" tabIndex={0} role="region" aria-label="Response body">
            {bodyShown}
          </pre>
        )}
      </div>

      <details className="response-section response-headers" open>
        <summary>Headers ({answer.headers.length})</summary>
        <table className="header-table">
          <tbody>
            {answer.headers.map(([name, value], index) => (
              <tr key={index}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** Not an HTTP answer: what stopped the request, in a box that looks unlike one. */
function FailureView({ failure }: { failure: TransportFailure }) {
  return (
    <div className="failure">
      <p>{failure.message}</p>
      <p className="failure-advice">
        <strong>What to do:</strong> {failure.advice}
      </p>
      {failure.code !== undefined && (
        <p className="muted">
          Code: <code>{failure.code}</code>
        </p>
      )}
    </div>
  );
}
