import { lazyAfterFirstPaint } from '../../components/ui/lazyAfterFirstPaint';

// The Send bar (its summary of what Send will do, Cancel, the keys' expiry) loads once the first
// signature is painted; Ctrl+Enter sends from the start (useSendShortcut).
const SendBar = lazyAfterFirstPaint(
  () => import('./SendBar').then((module) => module.SendBar),
  false,
);

/** The Send bar, and until it is there the bar with Send not yet pressable. */
export function SendBarSlot() {
  return (
    <SendBar
      fallback={
        <div className="send-bar">
          <button type="button" className="primary" disabled>
            Send
          </button>
        </div>
      }
    />
  );
}
