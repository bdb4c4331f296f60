import './import-export.css';
import { useEffect, useMemo, useState } from 'react';
import type { RequestSnapshot } from '../../store/playgroundState';
import { takeSnapshot } from '../../store/requestSnapshot';
import { reviewSharedRequest } from '../../store/reviewSharedRequest';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { decodeShareFragment, SHARE_PREFIX } from '../../store/shareLink';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

type Proposal = { kind: 'request'; snapshot: RequestSnapshot } | { kind: 'invalid' };

/**
 * A share link (#share=…), on load or whenever the fragment changes, only ever proposes its
 * request: the page shows what it would set beside the form and changes nothing until "Open this
 * request". The fragment could have been set by whoever opened this window, at any moment, for
 * the user's keys to sign; so nothing is applied without the user's click.
 */
export function SharedRequestPrompt() {
  const [proposal, setProposal] = useState<Proposal | null>(null);

  useEffect(() => {
    const readLink = () => {
      const { hash, pathname, search } = window.location;
      if (!hash.startsWith(SHARE_PREFIX)) return;
      const snapshot = decodeShareFragment(hash);
      // The fragment goes at once: a reload keeps the form as it is, and the address bar no
      // longer shows the request.
      window.history.replaceState(window.history.state, '', pathname + search);
      setProposal(snapshot === null ? { kind: 'invalid' } : { kind: 'request', snapshot });
    };
    readLink();
    window.addEventListener('hashchange', readLink);
    return () => window.removeEventListener('hashchange', readLink);
  }, []);

  if (proposal === null) return null;
  const dismiss = () => setProposal(null);
  return (
    <section className="panel shared-request" aria-labelledby="shared-request-title">
      <div className="panel-head">
        <h2 id="shared-request-title">Open a shared request?</h2>
      </div>
      {proposal.kind === 'invalid' ? (
        <>
          <p role="status">
            This share link could not be read: it is damaged, too long, or holds more than a
            request. Nothing was changed.
          </p>
          <div className="step-actions">
            <button type="button" onClick={dismiss}>
              Dismiss
            </button>
          </div>
        </>
      ) : (
        // A newer link replaces the table; a click opens the request on screen when it lands.
        <SharedRequestReview snapshot={proposal.snapshot} onDone={dismiss} />
      )}
    </section>
  );
}

interface SharedRequestReviewProps {
  snapshot: RequestSnapshot;
  onDone: () => void;
}

function SharedRequestReview({ snapshot, onDone }: SharedRequestReviewProps) {
  const request = usePlaygroundStore((s) => s.request);
  const options = usePlaygroundStore((s) => s.options);
  const scope = usePlaygroundStore((s) => selectSigningPlan(s).scope);
  const restoreRequest = usePlaygroundStore((s) => s.request.restoreRequest);
  const review = useMemo(
    () =>
      reviewSharedRequest(
        { snapshot, signingTime: '' },
        {
          snapshot: takeSnapshot(request, options, scope, Number.POSITIVE_INFINITY),
          signingTime: request.signingTime,
        },
      ),
    [snapshot, request, options, scope],
  );

  return (
    <>
      <p>
        A link proposes the request below. Nothing has changed yet: your request stays as it is
        unless you open this one. The link holds no keys; Send would sign its request with the keys
        in this page, so check where it goes.
      </p>
      {review.warnings.length > 0 && (
        <ul className="issues" aria-label="Before you open it">
          {review.warnings.map((warning) => (
            <li key={warning} className="issue issue-warning">
              <span className="issue-severity">Warning</span>
              <span className="issue-message">{warning}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="review-scroll">
        <table className="review-table" aria-label="Shared request beside yours">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">This link</th>
              <th scope="col">Your request now</th>
            </tr>
          </thead>
          <tbody>
            {review.rows.map((row) => (
              <tr key={row.label} className={row.differs ? 'review-differs' : undefined}>
                <th scope="row">
                  {row.label}
                  {row.differs && <span className="tag tag-unsigned">changes</span>}
                </th>
                <td className="mono">{row.link}</td>
                <td className="mono">{row.current}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="step-actions">
        <button
          type="button"
          className="primary"
          onClick={() => {
            restoreRequest(snapshot);
            onDone();
          }}
        >
          Open this request
        </button>
        <button type="button" onClick={onDone}>
          Dismiss
        </button>
      </div>
    </>
  );
}
