import { clockSkewSeconds, SKEW_WARN_SECONDS } from '../../diagnosis/clockSkew';
import type { HttpAnswer } from '../../transport/sendRequest';
import { getHeader } from '../../components/ui/bodyText';
import { signatureWindow } from '../../signing';
import { selectSigningPlan } from '../../store/selectSigningPlan';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { useApplyFix } from '../diagnose/useApplyFix';
import { signed } from './signedSeconds';

/** The server's Date header against this machine's clock, when they are far apart. */
export function ClockSkewNotice({
  answer,
  receivedAt,
}: {
  answer: HttpAnswer;
  receivedAt: number | undefined;
}) {
  const apply = useApplyFix();
  const offset = usePlaygroundStore((s) => s.options.clockOffsetSeconds);
  const service = usePlaygroundStore((s) => selectSigningPlan(s).input.service);
  if (receivedAt === undefined) return null;
  const skew = clockSkewSeconds(getHeader(answer.headers, 'date'), receivedAt);
  if (skew === undefined || Math.abs(skew) <= SKEW_WARN_SECONDS) return null;
  const seconds = Math.round(skew);
  return (
    <div className="callout callout-warning" role="note" aria-label="Clock skew">
      <p className="callout-title">Your clock and the server’s differ</p>
      <p>
        The server’s Date header is {signed(seconds)} from this machine’s clock. A signature is
        checked against the server’s clock: {signatureWindow(service).rule}, so a skewed clock makes
        every signature expired or not yet valid.
      </p>
      {offset !== seconds && (
        <button
          type="button"
          className="small-button fix-button"
          onClick={() => apply({ kind: 'set-clock-offset', seconds })}
        >
          Sign with the server’s time
        </button>
      )}
    </div>
  );
}
