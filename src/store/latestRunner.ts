/**
 * Runs an async job for the latest input only: while one run is in flight, newer inputs replace
 * each other and only the last starts when it finishes, and a result whose input was superseded
 * is not published. Signing on every keystroke then never piles up work (hashing a 50 MiB body),
 * and the panels never flash an older signature after a newer one.
 */
export function createLatestRunner<Input, Output>(
  work: (input: Input) => Promise<Output>,
  publish: (input: Input, output: Output) => void,
  onError: (error: unknown) => void = () => {},
) {
  let running = false;
  let pending: { input: Input } | null = null;
  let stopped = false;

  async function runLoop(first: Input) {
    running = true;
    let input: Input | undefined = first;
    while (input !== undefined && !stopped) {
      const current: Input = input;
      try {
        const output = await work(current);
        if (pending === null && !stopped) publish(current, output);
      } catch (error) {
        if (pending === null && !stopped) onError(error);
      }
      input = pending?.input;
      pending = null;
    }
    running = false;
  }

  return {
    run(input: Input) {
      if (stopped) return;
      if (running) pending = { input };
      else void runLoop(input);
    },
    /** Drops pending work and publishes nothing more (on unmount). */
    stop() {
      stopped = true;
      pending = null;
    },
  };
}
