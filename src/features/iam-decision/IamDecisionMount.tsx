// Where the IAM decision appears next to an answer. The view itself (and the trace decoder) load
// only for an answer that carries the local gateway's header; its height is reserved meanwhile.
import { lazy, Suspense } from 'react';
import { getHeader } from '../../components/ui/bodyText';
import { IAM_DECISION_HEADER } from '../../diagnosis/iamDecisionHeader';
import type { HttpAnswer } from '../../transport/sendRequest';

const IamDecisionView = lazy(() =>
  import('./IamDecisionView').then((module) => ({ default: module.IamDecisionView })),
);

export function IamDecisionMount({ answer }: { answer: HttpAnswer }) {
  const header = getHeader(answer.headers, IAM_DECISION_HEADER);
  if (header === undefined) {
    // What the page can and cannot know: AWS says a request was denied, never by which statement.
    return answer.status === 403 ? (
      <p className="hint iam-decision-absent">
        No IAM decision with this answer: AWS never says which policy statement decided, and the
        local gateway sends its decision only once a signature is valid (and not with --strict).
      </p>
    ) : null;
  }
  return (
    <Suspense fallback={<div style={{ minHeight: '12rem' }} aria-hidden="true" />}>
      <IamDecisionView headerValue={header} />
    </Suspense>
  );
}
