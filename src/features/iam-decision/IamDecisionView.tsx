// The local gateway's IAM decision next to its answer, laid out like the signing steps: the
// request context the policies were asked about, each policy and statement with what matched and
// what did not (the differing part of a pattern marked), the statement that decided, and the rule
// in one sentence. The header is read as untrusted input (decodeIamDecisionTrace).
import './iam-decision.css';
import { useMemo } from 'react';
import {
  describeIamDecision,
  describePolicySource,
  describeStatement,
  highlightFrom,
  nearestAllow,
} from '../../diagnosis/describeIamDecision';
import {
  decodeIamDecisionTrace,
  type IamDecisionTrace,
  type IamElementTrace,
  type IamPatternTry,
  type IamStatementTrace,
} from '../../diagnosis/iamDecisionTrace';
import { suggestStatement } from '../../diagnosis/suggestStatement';
import { targetKey } from '../../diagnosis/gatewayPolicies';
import { useGatewayPoliciesFocus } from '../../store/gatewayPoliciesFocus';

const LOCAL_ONLY =
  'Only the local gateway sends this decision (header x-playground-iam-decision, off with --strict); AWS never does, so answers from AWS show none.';

export function IamDecisionView({ headerValue }: { headerValue: string }) {
  const reading = useMemo(() => decodeIamDecisionTrace(headerValue), [headerValue]);
  if (reading === undefined) return null;
  return (
    <section className="iam-decision step" aria-labelledby="iam-decision-title">
      <div className="step-head">
        <h3 id="iam-decision-title">IAM decision</h3>
      </div>
      <p className="step-explanation">{LOCAL_ONLY}</p>
      {reading.ok ? (
        <TraceView trace={reading.trace} />
      ) : (
        <p className="callout" role="alert">
          {reading.problem}
        </p>
      )}
    </section>
  );
}

function TraceView({ trace }: { trace: IamDecisionTrace }) {
  const sentence = describeIamDecision(trace);
  const { context } = trace;
  return (
    <>
      <p
        className={`iam-decision-rule ${trace.decision === 'allow' ? 'is-allow' : 'is-deny'}`}
        aria-label="Deciding rule"
      >
        {sentence}
      </p>
      {trace.decision === 'deny' && <WhyDenied trace={trace} />}
      <h4>Request context</h4>
      <dl className="iam-context">
        <dt>Action</dt>
        <dd>
          <code>{context.action}</code>
        </dd>
        <dt>Resource</dt>
        <dd>
          <code>{context.resource}</code>
        </dd>
        <dt>Caller</dt>
        <dd>
          <code>{context.callerArn}</code>
        </dd>
        {context.keys.map((key) => (
          <div key={key.key} className="iam-context-key">
            <dt>
              <code>{key.key}</code>
            </dt>
            <dd>
              <code>{key.values.join(', ')}</code>
            </dd>
          </div>
        ))}
      </dl>
      {trace.truncated === true && (
        <p className="hint">
          The decision was too long for a header: only the statement that decided is shown.
        </p>
      )}
      {trace.policies.map((policy, p) => (
        <section
          key={p}
          className="iam-policy"
          aria-label={`${describePolicySource(policy.source)}`}
        >
          <h4>
            {capitalize(describePolicySource(policy.source))}{' '}
            <span className="muted">
              ({policy.outcome === 'no-match' ? 'no statement applies' : policy.outcome})
            </span>
          </h4>
          <p className="hint">
            <code>{policy.source.arn}</code>
          </p>
          {policy.statements.map((statement) => (
            <StatementView
              key={statement.index}
              statement={statement}
              decided={
                trace.decidedBy?.policy === p && trace.decidedBy.statement === statement.index
              }
            />
          ))}
        </section>
      ))}
    </>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function StatementView({ statement, decided }: { statement: IamStatementTrace; decided: boolean }) {
  const name = capitalize(describeStatement(statement));
  return (
    <article
      className={`iam-statement${decided ? ' is-decided' : ''}${statement.matched ? ' is-matched' : ''}`}
      aria-label={`${name}${decided ? ', decided' : ''}`}
    >
      <p className="iam-statement-head">
        <strong>{name}</strong> <code>{statement.effect}</code>{' '}
        {statement.matched ? 'applies' : 'does not apply'}
        {decided && <span className="iam-decided-badge"> — decided</span>}
      </p>
      <ul className="iam-elements">
        {statement.elements.map((element, i) => (
          <ElementView key={i} element={element} />
        ))}
        {statement.conditions.map((condition, i) => (
          <li key={`c${i}`} className={condition.matched ? 'is-matched' : 'is-missed'}>
            <span className="iam-mark" aria-hidden="true">
              {condition.matched ? '✓' : '✗'}
            </span>{' '}
            Condition <code>{condition.operator}</code> <code>{condition.key}</code>{' '}
            <code>{condition.policyValues.join(', ')}</code>: request{' '}
            <code>
              {condition.requestValues === null ? '(absent)' : condition.requestValues.join(', ')}
            </code>{' '}
            {condition.matched
              ? 'holds'
              : `does not hold${condition.reason ? `: ${condition.reason}` : ''}`}
          </li>
        ))}
      </ul>
    </article>
  );
}

function ElementView({ element }: { element: IamElementTrace }) {
  return (
    <li className={element.matched ? 'is-matched' : 'is-missed'}>
      <span className="iam-mark" aria-hidden="true">
        {element.matched ? '✓' : '✗'}
      </span>{' '}
      {element.element} {element.matched ? 'matches' : 'does not match'}
      {element.reason !== undefined && !element.matched && `: ${element.reason}`}
      <ul className="iam-tries">
        {element.tries.map((tried, i) => (
          <TryView key={i} tried={tried} value={element.value} />
        ))}
      </ul>
    </li>
  );
}

/** A pattern against the request's value, the part where they part ways marked in both. */
function TryView({ tried, value }: { tried: IamPatternTry; value: string }) {
  if (tried.matched || tried.patternPrefix === undefined) {
    return (
      <li>
        <code>{tried.pattern}</code> {tried.matched ? 'matches' : 'does not match'}
      </li>
    );
  }
  const pattern = highlightFrom(tried.pattern, tried.patternPrefix);
  const got = highlightFrom(value, tried.valuePrefix);
  return (
    <li className="iam-try">
      <span className="muted">pattern</span>{' '}
      <code aria-label={`Pattern ${tried.pattern}`}>
        {pattern.before}
        <mark className="iam-differs">{pattern.differs}</mark>
        {pattern.after}
      </code>
      <br />
      <span className="muted">request</span>{' '}
      <code aria-label={`Request value ${value}`}>
        {got.before}
        <mark className="iam-differs">{got.differs}</mark>
        {got.after}
      </code>
    </li>
  );
}

/** "Why was this denied?": to the statement to change in the policy editor, with a suggestion. */
function WhyDenied({ trace }: { trace: IamDecisionTrace }) {
  const showPolicy = useGatewayPoliciesFocus((state) => state.showPolicy);
  const suggestion = suggestStatement(trace);
  const decided = trace.decidedBy;
  const nearest = nearestAllow(trace);
  const at =
    decided !== undefined
      ? { policy: decided.policy, statement: decided.statement }
      : nearest !== undefined
        ? { policy: nearest.policy, statement: nearest.statement.index }
        : { policy: 0, statement: undefined };
  const source = trace.policies[at.policy]?.source;
  if (source === undefined || source.kind === 'trust') return null;
  // A local STS session is named role/session and signs with its role's policy; a configured
  // identity (even one with an assumed-role ARN, like temp) has a plain name and its own policy.
  const slash = source.kind === 'identity' ? source.name.indexOf('/') : -1;
  const target =
    source.kind === 'resource'
      ? targetKey({ kind: 'resource' })
      : slash > 0
        ? targetKey({ kind: 'role', name: source.name.slice(0, slash) })
        : targetKey({ kind: 'identity', name: source.name });
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          showPolicy({
            target,
            ...(at.statement === undefined ? {} : { statement: at.statement }),
            ...(suggestion === undefined ? {} : { suggestion }),
          })
        }
      >
        Why was this denied?
      </button>
    </p>
  );
}
