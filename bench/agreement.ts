// Before anything is timed: every implementation and the floor must produce the same signature
// for the same deterministic input (fixed date and secret), or the timings compare unequal work.
import { toHex, type SigningResult } from '../src/signing';
import { FIXED_SECRET, fixedSecret, utf8, type BenchRequest } from './benchRequest';
import type { Floor } from './floor';
import { aws4fetchSigner, smithySigner, type Implementation } from './implementations';

/**
 * Signs each request with every implementation and compares the signatures; on the way, fills in
 * each request's floor inputs (the canonical request and string to sign of our signing).
 */
export async function checkAgreement(
  implementations: Implementation[],
  floor: Floor,
  subtle: SubtleCrypto,
  requests: BenchRequest[],
): Promise<{ agreement: string[]; agreed: boolean }> {
  const agreement: string[] = [];
  let agreed = true;
  const reference = implementations[0]!;
  for (const request of requests) {
    const ours = (await reference.sign(request, FIXED_SECRET)) as SigningResult;
    request.floor.canonicalRequest = utf8(ours.canonicalRequest);
    request.floor.stringToSign = utf8(ours.stringToSign);
    const payloadHash = toHex(new Uint8Array(await floor.digestOnly(request)));
    const canonicalHash = toHex(
      new Uint8Array(await subtle.digest('SHA-256', request.floor.canonicalRequest)),
    );
    if (payloadHash !== ours.payloadHash || canonicalHash !== ours.canonicalRequestHash) {
      agreed = false;
      agreement.push(`DISAGREE (${request.name}): floor digests differ from our artifacts`);
    }
    const mismatches: string[] = [];
    for (const implementation of implementations) {
      const { signature, signedHeaders } = implementation.inspect(
        await implementation.sign(request, FIXED_SECRET),
      );
      if (signature !== ours.signature || signedHeaders !== ours.signedHeaders) {
        mismatches.push(`${implementation.id} ${signature} (SignedHeaders=${signedHeaders})`);
      }
    }
    const floorCold = toHex(new Uint8Array(await floor.cold(request, fixedSecret.keyBytes)));
    await floor.prepareWarmKey(fixedSecret.keyBytes);
    const floorWarm = toHex(new Uint8Array(await floor.warm(request)));
    if (floorCold !== ours.signature) mismatches.push(`floor (cold) ${floorCold}`);
    if (floorWarm !== ours.signature) mismatches.push(`floor (warm) ${floorWarm}`);
    if (mismatches.length === 0) {
      agreement.push(
        `agree (${request.name}): ${implementations.map((i) => i.id).join(', ')} and the floor ` +
          `all produce ${ours.signature} over SignedHeaders=${ours.signedHeaders}`,
      );
    } else {
      agreed = false;
      agreement.push(
        `DISAGREE (${request.name}): ours ${ours.signature}; ${mismatches.join('; ')}`,
      );
    }
  }
  return { agreement, agreed };
}

/** What the competitors sign when left at their defaults (why they are configured as they are). */
export async function competitorDefaultsNotes(
  reference: Implementation,
  small: BenchRequest,
): Promise<string[]> {
  const notes: string[] = [];
  const smallOurs = reference.inspect(await reference.sign(small, FIXED_SECRET));
  for (const [implementation, option] of [
    [aws4fetchSigner(false), 'allHeaders: true'],
    [smithySigner(true), 'applyChecksum: false'],
  ] as const) {
    const { signature, signedHeaders } = implementation.inspect(
      await implementation.sign(small, FIXED_SECRET),
    );
    notes.push(
      signature === smallOurs.signature
        ? `${implementation.id}: same signature at its defaults`
        : `${implementation.id.replace('-default', '')} at its defaults signs ` +
            `SignedHeaders=${signedHeaders} (signature ${signature.slice(0, 16)}…), not ` +
            `${smallOurs.signedHeaders}: benchmarked with ${option} so all do equal work`,
    );
  }
  return notes;
}
