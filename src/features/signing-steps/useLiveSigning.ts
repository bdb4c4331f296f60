import { useEffect, useRef, useState } from 'react';
import { signRequest, type SigningInput, type SigningResult } from '../../signing';
import { withSigningDate, type SigningPlan } from '../../store/planSigning';
import { createLatestRunner } from './latestRunner';

export interface LiveSigning {
  input: SigningInput;
  result: SigningResult;
}

type Runner = ReturnType<typeof createLatestRunner<SigningInput, SigningResult>>;

/**
 * Signs the plan on every change. With an empty signing time the clock is read here, at the
 * change; Send reads it again when sending. The last result stays on screen while a newer one is
 * computed, so the panels never blank out while typing.
 */
export function useLiveSigning(plan: SigningPlan): {
  signing: LiveSigning | null;
  error: string | null;
} {
  const [state, setState] = useState<{ signing: LiveSigning | null; error: string | null }>({
    signing: null,
    error: null,
  });
  const runner = useRef<Runner | null>(null);

  // Declared first so that on mount (and StrictMode's re-mount) the runner exists before the
  // signing effect below uses it.
  useEffect(() => {
    const created = createLatestRunner<SigningInput, SigningResult>(
      signRequest,
      (input, result) => setState({ signing: { input, result }, error: null }),
      (error) =>
        setState((previous) => ({
          signing: previous.signing,
          error: error instanceof Error ? error.message : String(error),
        })),
    );
    runner.current = created;
    return () => {
      created.stop();
      runner.current = null;
    };
  }, []);

  useEffect(() => {
    if (plan.blockers.length > 0) return;
    runner.current?.run(withSigningDate(plan, Date.now()));
  }, [plan]);

  return state;
}
