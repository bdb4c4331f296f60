import { usePlaygroundStore } from '../../store/usePlaygroundStore';
import { signed } from './signedSeconds';

/** The clock offset in use, with a way back to this machine's own clock. */
export function ClockOffsetLine() {
  const offset = usePlaygroundStore((s) => s.options.clockOffsetSeconds);
  const setField = usePlaygroundStore((s) => s.options.setField);
  if (offset === 0) return null;
  return (
    <p className="clock-offset hint">
      Signing with this machine’s clock moved by <strong>{signed(offset)}</strong> (the server’s
      time).{' '}
      <button
        type="button"
        className="small-button"
        onClick={() => setField('clockOffsetSeconds', 0)}
      >
        Use this machine’s clock
      </button>
    </p>
  );
}
