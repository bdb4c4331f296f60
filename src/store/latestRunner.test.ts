import { describe, expect, it } from 'vitest';
import { createLatestRunner } from './latestRunner';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLatestRunner', () => {
  it('runs one job at a time and, of the inputs that came meanwhile, only the last', async () => {
    const started: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const published: number[] = [];
    const runner = createLatestRunner<number, number>(
      (input) => {
        started.push(input);
        const gate = deferred<number>();
        gates.set(input, gate);
        return gate.promise;
      },
      (_, output) => published.push(output),
    );
    runner.run(1);
    runner.run(2);
    runner.run(3);
    expect(started).toEqual([1]);
    gates.get(1)!.resolve(10);
    await tick();
    // 1's result is stale (3 is waiting), so it is not published; 2 never runs.
    expect(published).toEqual([]);
    expect(started).toEqual([1, 3]);
    gates.get(3)!.resolve(30);
    await tick();
    expect(published).toEqual([30]);
  });

  it('reports an error of the latest input, and keeps working after it', async () => {
    const errors: unknown[] = [];
    const published: string[] = [];
    const runner = createLatestRunner<string, string>(
      (input) => (input === 'bad' ? Promise.reject(new Error('boom')) : Promise.resolve(input)),
      (_, output) => published.push(output),
      (error) => errors.push(error),
    );
    runner.run('bad');
    await tick();
    runner.run('good');
    await tick();
    expect(errors).toHaveLength(1);
    expect(published).toEqual(['good']);
  });

  it('publishes nothing after stop', async () => {
    const gate = deferred<string>();
    const published: string[] = [];
    const runner = createLatestRunner<string, string>(
      () => gate.promise,
      (_, output) => published.push(output),
    );
    runner.run('a');
    runner.stop();
    gate.resolve('a');
    await tick();
    runner.run('b');
    await tick();
    expect(published).toEqual([]);
  });
});
