// The test-vector page (test-support/browser/vectorsEntry.ts, served by serveBundle): it runs
// test-suite cases through our signer on the browser's own crypto.subtle. The page can count the
// SubtleCrypto calls, so a journey can tell that WebCrypto itself did the work.
import type { Page } from '@playwright/test';
import type { SigV4VectorsReport } from '../../test-support/browser/vectorsEntry';
import type { VectorCase } from '../../test-support/vectors/runVectorCase';
import { toBase64Case } from '../../test-support/vectors/vectorCaseBase64';

/** SubtleCrypto calls by method, and the sign and verify calls made with ECDSA. */
export interface SubtleCalls {
  digest: number;
  sign: number;
  verify: number;
  importKey: number;
  ecdsaSign: number;
  ecdsaVerify: number;
}

type CountingWindow = Window & { __subtleCalls?: Record<string, number> };

export class VectorsPage {
  constructor(
    readonly page: Page,
    private readonly url: string,
  ) {}

  /** From the next load on, counts every SubtleCrypto call, still made by the original method. */
  private async countSubtleCalls(): Promise<void> {
    await this.page.addInitScript(() => {
      const counts: Record<string, number> = {};
      (window as CountingWindow).__subtleCalls = counts;
      const count = (key: string) => (counts[key] = (counts[key] ?? 0) + 1);
      const prototype = SubtleCrypto.prototype;
      for (const method of ['digest', 'sign', 'verify', 'importKey'] as const) {
        const original = prototype[method];
        Object.defineProperty(prototype, method, {
          configurable: true,
          writable: true,
          value: function (this: SubtleCrypto, ...args: unknown[]): unknown {
            count(method);
            // sign and verify take the algorithm first: a name, or an object with one.
            const algorithm = args[0];
            const name =
              typeof algorithm === 'string' ? algorithm : (algorithm as { name?: string })?.name;
            if (name === 'ECDSA') count(`${method} ECDSA`);
            return Reflect.apply(original, this, args);
          },
        });
      }
    });
  }

  /** Loads the page and runs the cases there; the report says which passed. */
  async run(cases: readonly VectorCase[]): Promise<SigV4VectorsReport> {
    await this.page.goto(this.url);
    await this.page.waitForFunction(() => typeof window.runSigV4Vectors === 'function');
    return this.page.evaluate(
      (vectorCases) => window.runSigV4Vectors(vectorCases),
      cases.map(toBase64Case),
    );
  }

  /** Runs the cases on a page that counts its SubtleCrypto calls: the report and the counts. */
  async runCountingSubtleCalls(
    cases: readonly VectorCase[],
  ): Promise<{ report: SigV4VectorsReport; calls: SubtleCalls }> {
    await this.countSubtleCalls();
    const report = await this.run(cases);
    return { report, calls: await this.subtleCalls() };
  }

  /** The calls counted since the page loaded: zeros if the counters never got installed. */
  private async subtleCalls(): Promise<SubtleCalls> {
    const counts = await this.page.evaluate(() => (window as CountingWindow).__subtleCalls ?? {});
    return {
      digest: counts.digest ?? 0,
      sign: counts.sign ?? 0,
      verify: counts.verify ?? 0,
      importKey: counts.importKey ?? 0,
      ecdsaSign: counts['sign ECDSA'] ?? 0,
      ecdsaVerify: counts['verify ECDSA'] ?? 0,
    };
  }
}
