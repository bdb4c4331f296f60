import { describe, expect, it } from 'vitest';
import { splitKdfInput } from './kdfInput';

// SigV4A's KDF input for AKIDEXAMPLE with counter 1, as the signer builds it.
const KDF_INPUT =
  '00000001415753342d45434453412d503235362d53484132353600414b49444558414d504c450100000100';

describe('splitKdfInput', () => {
  it('labels each field, and the fields joined are the input', () => {
    const parts = splitKdfInput(KDF_INPUT)!;
    expect(parts.map((part) => part.label)).toEqual([
      'i',
      'label',
      'separator',
      'access key ID',
      'counter',
      'length',
    ]);
    expect(parts.map((part) => part.hex).join('')).toBe(KDF_INPUT);
    expect(parts[0]!.hex).toBe('00000001');
    expect(parts[1]!.note).toContain('AWS4-ECDSA-P256-SHA256');
    expect(parts[3]!.note).toContain('"AKIDEXAMPLE"');
    expect(parts[4]).toMatchObject({ hex: '01' });
    expect(parts[5]).toMatchObject({ hex: '00000100' });
  });

  it('reads a later counter', () => {
    const parts = splitKdfInput(KDF_INPUT.replace(/0100000100$/, '0200000100'))!;
    expect(parts[4]!.note).toMatch(/^2:/);
  });

  it('returns null for hex of another shape, rather than mislabel it', () => {
    expect(splitKdfInput('')).toBeNull();
    expect(splitKdfInput('00')).toBeNull();
    expect(splitKdfInput(KDF_INPUT.replace(/^00000001/, '00000002'))).toBeNull();
    expect(splitKdfInput(KDF_INPUT.replace(/00000100$/, '00000080'))).toBeNull();
    expect(splitKdfInput(KDF_INPUT + '0')).toBeNull();
  });
});
