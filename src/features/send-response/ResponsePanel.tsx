import './send-response.css';
import { useEffect, useMemo } from 'react';
import { parseAwsError } from '../../diagnosis/parseAwsError';
import { explainErrorType } from '../../diagnosis/explainErrorType';
import type { ResponseOutcome, SentRequest } from '../../store/playgroundState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import type { HttpAnswer, TransportFailure } from '../../transport/sendRequest';
import { decodeBody, formatBytes, getHeader } from '../../components/ui/bodyText';
import { doctorContext } from '../diagnose/awsErrorContext';
import { ClockOffsetLine, ClockSkewNotice } from './ClockNotice';
import { IamDecisionMount } from '../iam-decision/IamDecisionMount';
import { decisionTrustedFrom, IAM_DECISION_HEADER } from '../../diagnosis/iamDecisionHeader';
import { preloadable } from '../../components/ui/preloadable';
import { afterFirstPaint } from '../../store/firstPaint';

// The mismatch view and the error doctor, and the body and headers viewer (JSON tree, hex,
// search, Save), are not part of the first visit's code: they load once the first signature is
// on screen, or when a request is sent if that comes first, so an answer renders with them at
// once instead of growing when they arrive.
const doctor = preloadable(() =>
  import('../diagnose/AwsErrorHelp').then((module) => module.AwsErrorHelp),
);
const viewer = preloadable(() =>
  import('../response-viewer/ResponseViewer').then((module) => module.ResponseViewer),
);
const preloadAnswerViews = () => {
  void doctor.preload();
  void viewer.preload();
};
afterFirstPaint(preloadAnswerViews);

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
  const sending = outcome.kind === 'sending';
  useEffect(() => {
    if (sending) preloadAnswerViews();
  }, [sending]);
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
  const errorType = getHeader(answer.headers, 'x-amzn-ErrorType') ?? null;
  const explanation = explainErrorType(errorType);
  const contentType = getHeader(answer.headers, 'content-type');
  // Only an error answer is read here, for the error doctor; the viewer reads the body itself.
  const errorText = useMemo(
    () => (answer.status >= 400 ? decodeBody(answer.body, contentType).text : null),
    [answer.status, answer.body, contentType],
  );
  const serverDate = getHeader(answer.headers, 'date');
  const trusted = decisionTrustedFrom(sent.outgoing.url);
  const localDecision = trusted ? getHeader(answer.headers, IAM_DECISION_HEADER) : undefined;
  // Any error answer AWS explains in its body (403s above all): what it means and what to do.
  const awsError = useMemo(
    () => (errorText !== null ? parseAwsError({ body: errorText, errorType }) : null),
    [errorText, errorType],
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
        <doctor.Component
          fallback={<p className="hint">Reading the error…</p>}
          error={awsError}
          ours={ours}
          context={context}
          iamDecision={localDecision}
        />
      )}

      {/* Its height is reserved if it is still loading, so the page below does not jump. */}
      <viewer.Component
        fallback={<div className="response-viewer-placeholder" aria-hidden="true" />}
        answer={answer}
        url={sent.outgoing.url}
      />

      {/* Last: its height depends on the trace, so nothing below it can move when it loads. */}
      <IamDecisionMount answer={answer} trusted={trusted} />
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
