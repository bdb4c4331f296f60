// Where the IAM decision appears next to an answer. The view itself (and the trace decoder) load
// only for an answer that carries the local gateway's header. Its height depends on the trace, so
// no placeholder could match it: the answer panel places it last, after the body viewer.
import { lazy, Suspense } from 'react';
import { getHeader } from '../../components/ui/bodyText';
import { IAM_DECISION_HEADER } from '../../transport/iamDecisionHeader';
import type { HttpAnswer } from '../../transport/sendRequest';
import { absentDecisionNote } from './absentDecisionNote';

const IamDecisionView = lazy(() =>
  import('./IamDecisionView').then((module) => ({ default: module.IamDecisionView })),
);

/**
 * `trusted`: the answer came from a gateway on this machine. Any API could send the header, and a
 * made-up decision would point the user at the wrong policy: from elsewhere it is not shown.
 */
export function IamDecisionMount({ answer, trusted }: { answer: HttpAnswer; trusted: boolean }) {
  const header = getHeader(answer.headers, IAM_DECISION_HEADER);
  if (header !== undefined && !trusted) {
    return (
      <p className="hint iam-decision-absent">
        This answer carries an {IAM_DECISION_HEADER} header, but not from a local gateway on this
        machine: only the playground&apos;s own gateway sends it, so it is not shown.
      </p>
    );
  }
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
