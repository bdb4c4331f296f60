import { SIGV4A_ALGORITHM } from '../../signing';

export interface KdfInputPart {
  label: string;
  hex: string;
  /** What the bytes say, in words. */
  note: string;
}

/** The KDF's label is the algorithm's own name. */
const LABEL = SIGV4A_ALGORITHM;

function hexOfText(text: string): string {
  return Array.from(new TextEncoder().encode(text), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

function textOfHex(hex: string): string {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return new TextDecoder().decode(bytes);
}

/**
 * The KDF input split into its fields (NIST SP 800-108 counter mode): 00000001 ‖ label ‖ 00 ‖
 * access key ID ‖ counter byte ‖ 00000100. null when the hex does not have that shape, so a label
 * never sits next to bytes that are not what it says.
 */
export function splitKdfInput(kdfInputHex: string): KdfInputPart[] | null {
  const hex = kdfInputHex.toLowerCase();
  const labelHex = hexOfText(LABEL);
  const keyIdLength = hex.length - 8 - labelHex.length - 2 - 2 - 8;
  if (keyIdLength < 0 || keyIdLength % 2 !== 0 || !/^[0-9a-f]*$/.test(hex)) return null;
  let at = 0;
  const take = (length: number) => hex.slice(at, (at += length));
  const block = take(8);
  const label = take(labelHex.length);
  const separator = take(2);
  const keyId = take(keyIdLength);
  const counter = take(2);
  const length = take(8);
  if (block !== '00000001' || label !== labelHex || separator !== '00' || length !== '00000100') {
    return null;
  }
  return [
    { label: 'i', hex: block, note: 'the KDF’s block counter: 1 (one 256-bit block is needed)' },
    { label: 'label', hex: label, note: `"${LABEL}" (UTF-8)` },
    { label: 'separator', hex: separator, note: 'one zero byte between label and context' },
    { label: 'access key ID', hex: keyId, note: `"${textOfHex(keyId)}" (UTF-8), the context` },
    {
      label: 'counter',
      hex: counter,
      note: `${parseInt(counter, 16)}: raised and tried again while the output is not a valid key`,
    },
    { label: 'length', hex: length, note: '256: the output length in bits' },
  ];
}
