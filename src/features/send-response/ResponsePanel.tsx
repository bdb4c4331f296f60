import './send-response.css';
import { useEffect } from 'react';
import type { ResponseOutcome } from '../../store/playgroundState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { preloadSending, type TransportFailure } from '../../transport/sendRequest';
import { formatBytes } from '../../components/ui/bodyText';
import { ClockOffsetLine } from './ClockOffsetLine';
import { preloadable } from '../../components/ui/preloadable';
import { afterFirstPaint } from '../../store/firstPaint';
import { preloadSendLogic } from '../../store/responseSlice';

// An HTTP answer's view (the error's explanation and doctor, the body and headers viewer, the
// IAM decision) is not part of the first visit's code: it loads once the first signature is on
// screen, or when a request is sent if that comes first, so an answer renders with it at once
// instead of growing when it arrives.
const answerView = preloadable(() => import('./AnswerView').then((module) => module.AnswerView));
const preloadAnswerView = () => void answerView.preload();
afterFirstPaint(preloadAnswerView);
// What Send does, and the senders, too (the store's Send loads them itself if it comes first).
afterFirstPaint(() => {
  void preloadSendLogic().catch(() => undefined);
  void preloadSending().catch(() => undefined);
});

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
    if (sending) preloadAnswerView();
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
        <answerView.Component
          fallback={<div className="response-viewer-placeholder" aria-hidden="true" />}
          answer={outcome.answer}
          sent={outcome.sent}
          receivedAt={outcome.receivedAt}
        />
      )}
      {outcome.kind === 'failure' && <FailureView failure={outcome.failure} />}
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
