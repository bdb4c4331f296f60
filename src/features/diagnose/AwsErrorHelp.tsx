import './diagnose.css';
import { useId, useMemo, type ReactNode } from 'react';
import type { LineDiff } from '../../diagnosis/diffText';
import {
  diagnoseMismatch,
  type FixAction,
  type MismatchDiagnosis,
} from '../../diagnosis/diagnoseMismatch';
import { adviseOnError, type DoctorContext } from '../../diagnosis/errorDoctor';
import type { ParsedAwsError } from '../../diagnosis/parseAwsError';
import { explainTracedDenial } from '../../diagnosis/explainTracedDenial';
import { decodeIamDecisionTrace } from '../../diagnosis/iamDecisionTrace';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { isMismatch, localGatewayActions, type OurSigning } from './awsErrorContext';
import { CopyButton } from '../../components/ui/CopyButton';
import { useApplyFix } from './useApplyFix';
import { VisibleText } from '../../components/ui/VisibleText';
import { WhoAmI } from '../identity/WhoAmI';

/** Mismatch causes that mean the key pair itself may be wrong: then "Who am I?" tells whose it is. */
const KEY_CAUSES = new Set(['secret-key', 'access-key', 'cannot-tell']);

/** The mismatch view for a signature mismatch, the error doctor for anything else. */
export function AwsErrorHelp({
  error,
  ours,
  context,
  iamDecision,
}: {
  error: ParsedAwsError;
  ours: OurSigning | null;
  context: DoctorContext | null;
  /** The local gateway's x-playground-iam-decision header, when the answer has one. */
  iamDecision?: string | undefined;
}) {
  const traced = useMemo(() => withTracedDenial(error, iamDecision), [error, iamDecision]);
  if (isMismatch(error)) return <MismatchView error={error} ours={ours} />;
  if (context === null) return null;
  return <DoctorView error={traced} context={context} />;
}

/**
 * A denial the local gateway explained: which policy and statement, from its decision trace
 * rather than from the message (which names none), in the decision view's words.
 */
function withTracedDenial(error: ParsedAwsError, header: string | undefined): ParsedAwsError {
  if (error.kind !== 'access-denied' || header === undefined) return error;
  const reading = decodeIamDecisionTrace(header);
  if (reading === undefined || !reading.ok || reading.trace.decision !== 'deny') return error;
  const denial = explainTracedDenial(reading.trace);
  return {
    ...error,
    explanation: denial.sentence,
    ...(denial.policyType === undefined ? {} : { deniedBy: denial.policyType }),
    ...(denial.explicit ? { explicitDeny: true } : {}),
  };
}

function FixButtons({ fixes }: { fixes: ReadonlyArray<{ label: string; action: FixAction }> }) {
  const apply = useApplyFix();
  if (fixes.length === 0) return null;
  return (
    <div className="fix-actions">
      {fixes.map((fix, index) => (
        <button
          key={index}
          type="button"
          className="small-button fix-button"
          onClick={() => apply(fix.action)}
        >
          {fix.label}
        </button>
      ))}
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="diagnosis" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

function MismatchView({ error, ours }: { error: ParsedAwsError; ours: OurSigning | null }) {
  const diagnosis: MismatchDiagnosis | null = useMemo(() => {
    if (ours === null) return null;
    const theirs: { canonicalRequest?: string; stringToSign?: string } = {};
    if (error.canonicalRequest !== undefined) theirs.canonicalRequest = error.canonicalRequest;
    if (error.stringToSign !== undefined) theirs.stringToSign = error.stringToSign;
    return diagnoseMismatch(
      {
        canonicalRequest: ours.result.canonicalRequest,
        stringToSign: ours.result.stringToSign,
        // Whether we signed the path as sent, as S3 does: the signer says which rules it applied.
        s3PathRules: !ours.result.options.normalizePath,
      },
      theirs,
    );
  }, [error, ours]);

  return (
    <Section title="Signature mismatch">
      <p>
        The server computed another signature than the one sent.
        {error.kind === 'signature-mismatch-short'
          ? ' Its message does not include its canonical request or string to sign, so the two cannot be compared line by line.'
          : ' Its canonical request and string to sign are set against ours below; marked lines differ.'}
      </p>
      {diagnosis === null ? (
        <p className="hint">Nothing signed to compare with.</p>
      ) : (
        <>
          <h4>Likely cause{diagnosis.causes.length === 1 ? '' : 's'}</h4>
          <ul className="causes">
            {diagnosis.causes.map((cause, index) => (
              <li key={index} className="cause" data-cause={cause.id}>
                <p>{cause.sentence}</p>
                {cause.detail !== undefined && <p className="muted">{cause.detail}</p>}
                {cause.fix !== undefined && <FixButtons fixes={[cause.fix]} />}
              </li>
            ))}
          </ul>
          {diagnosis.canonicalRequest !== undefined && (
            <DiffTable title="Canonical request" lines={diagnosis.canonicalRequest} />
          )}
          {diagnosis.stringToSign !== undefined && (
            <DiffTable title="String to sign" lines={diagnosis.stringToSign} />
          )}
          {diagnosis.causes.some((cause) => KEY_CAUSES.has(cause.id)) && <WhoAmI />}
        </>
      )}
    </Section>
  );
}

function DiffCell({
  text,
  spans,
}: {
  text: string | null;
  spans: Array<{ text: string; changed: boolean }> | undefined;
}) {
  if (text === null) return <td className="diff-absent">(no line)</td>;
  if (spans === undefined)
    return (
      <td>
        <VisibleText text={text} />
      </td>
    );
  return (
    <td>
      {spans.map((span, index) =>
        span.changed ? (
          <mark key={index}>
            <VisibleText text={span.text} />
          </mark>
        ) : (
          <VisibleText key={index} text={span.text} />
        ),
      )}
    </td>
  );
}

function DiffTable({ title, lines }: { title: string; lines: LineDiff[] }) {
  const differing = lines.filter((line) => !line.same).length;
  return (
    <table className="diff-table">
      <caption>
        {title}: ours and the server’s ({differing === 0 ? 'identical' : `${differing} differ`})
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Differs</span>
          </th>
          <th scope="col">Ours (sent)</th>
          <th scope="col">Server’s</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index} className={line.same ? 'diff-same' : 'diff-changed'}>
            <td className="diff-marker">
              {line.same ? (
                ''
              ) : (
                <>
                  <span aria-hidden="true">≠</span>
                  <span className="visually-hidden">differs</span>
                </>
              )}
            </td>
            <DiffCell text={line.ours} spans={line.oursSpans} />
            <DiffCell text={line.theirs} spans={line.theirsSpans} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DoctorView({ error, context }: { error: ParsedAwsError; context: DoctorContext }) {
  const gatewayUrl = usePlaygroundStore((s) => s.options.gatewayUrl);
  const advice = useMemo(() => adviseOnError(error, context), [error, context]);
  if (advice === undefined) return null;
  const actions = [...localGatewayActions(error, advice, context, gatewayUrl), ...advice.actions];
  // "Who am I?" is a call with its own answer to show, not a change to the form.
  const offersWhoAmI = actions.some((entry) => entry.action.kind === 'who-am-i');
  return (
    <Section title="Error doctor">
      <p className="doctor-title">
        <strong>{advice.title}</strong>
      </p>
      <p>{advice.meaning}</p>
      {advice.steps.length > 0 && (
        <ol className="doctor-steps">
          {advice.steps.map((step, index) => (
            <li key={index}>{step}</li>
          ))}
        </ol>
      )}
      <FixButtons fixes={actions.filter((entry) => entry.action.kind !== 'who-am-i')} />
      {offersWhoAmI && <WhoAmI />}
      {advice.resourceArn !== undefined && (
        <p>
          Resource: <code>{advice.resourceArn}</code>
        </p>
      )}
      {advice.policyStatement !== undefined && (
        <div className="policy-statement">
          <div className="section-head">
            <h4>IAM policy statement</h4>
            <CopyButton text={advice.policyStatement} what="IAM policy statement" />
          </div>
          <pre>{advice.policyStatement}</pre>
        </div>
      )}
    </Section>
  );
}
