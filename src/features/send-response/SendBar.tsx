import './send-response.css';
import { useRef } from 'react';
import { revealAnswer } from './revealAnswer';
import { showFirstIssue } from './showFirstIssue';
import { useStickyBarClearance } from './useStickyBarClearance';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { CredentialsExpiryNotice } from '../profiles/CredentialsExpiryNotice';

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Send, Cancel and a one-line summary of what Send will do; stays in view while scrolling. */
export function SendBar() {
  const plan = usePlaygroundStore(selectSigningPlan);
  const outcome = usePlaygroundStore((s) => s.response.outcome);
  const sending = outcome.kind === 'sending';
  const send = usePlaygroundStore((s) => s.response.send);
  const cancel = usePlaygroundStore((s) => s.response.cancel);
  const errors = plan.issues.filter((issue) => issue.severity === 'error').length;
  const warnings = plan.issues.filter((issue) => issue.severity === 'warning').length;
  const bar = useRef<HTMLDivElement>(null);
  useStickyBarClearance(bar);

  // Short enough for one line in the narrow column: the bar never grows while typing. "N warnings
  // above" is a link to the first of them.
  let issuesAbove = '';
  let status: string;
  if (plan.blockers.length > 0) status = plan.blockers[0]!;
  else if (sending) status = `Sending via ${plan.transport}…`;
  else if (errors > 0) {
    issuesAbove = `${plural(errors, 'error')}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''} above`;
    status = ': Send still sends.';
  } else if (warnings > 0) {
    issuesAbove = `${plural(warnings, 'warning')} above`;
    status = ` · via ${plan.transport}`;
  } else
    status = `${plan.signingTime.kind === 'now' ? 'Signed when sent' : 'Fixed signing time'} · via ${plan.transport}`;

  return (
    <div className="send-bar" ref={bar}>
      <button
        type="button"
        className="primary"
        disabled={plan.blockers.length > 0}
        onClick={() => void send().then(() => revealAnswer())}
        aria-describedby="send-status"
        aria-keyshortcuts="Control+Enter Meta+Enter"
      >
        Send
      </button>
      {sending && (
        <button type="button" onClick={cancel}>
          Cancel
        </button>
      )}
      <span
        id="send-status"
        className="send-status"
        aria-live="polite"
        title={issuesAbove + status}
      >
        {issuesAbove !== '' && (
          <button type="button" className="link-button" onClick={showFirstIssue}>
            {issuesAbove}
          </button>
        )}
        {status}
      </span>
      {/* When the columns stack, the answer is far below: say what came back, and link to it. */}
      {(outcome.kind === 'response' || outcome.kind === 'failure') && (
        <a
          href="#response-title"
          className={`send-outcome ${outcome.kind === 'failure' || outcome.answer.status >= 400 ? 'bad' : 'ok'}`}
        >
          {outcome.kind === 'response'
            ? `${outcome.answer.status} ${outcome.answer.statusText}`
            : 'No answer'}{' '}
          ↓
        </a>
      )}
      <span className="shortcut muted" aria-hidden="true">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd>
      </span>
      <CredentialsExpiryNotice />
    </div>
  );
}
