import { useMemo } from 'react';
import { parseAwsError } from '../../diagnosis/parseAwsError';
import { explainErrorType } from '../../diagnosis/explainErrorType';
import type { SentRequest } from '../../store/playgroundState';
import type { HttpAnswer } from '../../transport/sendRequest';
import { decodeBody, getHeader } from '../../components/ui/bodyText';
import { doctorContext } from '../diagnose/awsErrorContext';
import { ClockSkewNotice } from './ClockSkewNotice';
import { IamDecisionMount } from '../iam-decision/IamDecisionMount';
import { decisionTrustedFrom, IAM_DECISION_HEADER } from '../../transport/iamDecisionHeader';
import { preloadable } from '../../components/ui/preloadable';

// The mismatch view and the error doctor, and the body and headers viewer (JSON tree, hex,
// search, Save), load as soon as this view does (ResponsePanel preloads it), so an answer renders
// with them at once instead of growing when they arrive.
const doctor = preloadable(() =>
  import('../diagnose/AwsErrorHelp').then((module) => module.AwsErrorHelp),
);
const viewer = preloadable(() =>
  import('../response-viewer/ResponseViewer').then((module) => module.ResponseViewer),
);
void doctor.preload();
void viewer.preload();

/** An HTTP answer: its error explained, its body and headers, the local gateway's decision. */
export function AnswerView({
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
