// Where the IAM decision appears next to an answer. The view itself (and the trace decoder) load
// only for an answer that carries the local gateway's header. Its height depends on the trace, so
// no placeholder could match it: the answer panel places it last, after the body viewer.
import { lazy, Suspense } from 'react';
import { getHeader } from '../../components/ui/bodyText';
import { IAM_DECISION_HEADER } from '../../diagnosis/iamDecisionHeader';
import type { HttpAnswer } from '../../transport/sendRequest';
import { absentDecisionNote } from './absentDecisionNote';

const IamDecisionView = lazy(() =>
  import('./IamDecisionView').then((module) => ({ default: module.IamDecisionView })),
);

export function IamDecisionMount({ answer }: { answer: HttpAnswer }) {
  const header = getHeader(answer.headers, IAM_DECISION_HEADER);
  if (header === undefined) {
    // What the page can and cannot know, by the answer: no decision, or one AWS does not disclose.
    const note = absentDecisionNote(answer);
    return note === undefined ? null : <p className="hint iam-decision-absent">{note}</p>;
  }
  return (
    <Suspense fallback={null}>
      <IamDecisionView headerValue={header} />
    </Suspense>
  );
}
