import { base64ToBytes, bytesToBase64 } from '../../src/transport/base64';
import type { VectorCase } from './runVectorCase';

/**
 * A VectorCase whose files travel as Base64 text. page.evaluate hands its argument to the page as
 * JSON-like data, and a request body must arrive there as the same bytes, CR and non-UTF-8 included.
 */
export interface Base64VectorCase {
  name: string;
  filesBase64: Record<string, string>;
}

export function toBase64Case(vector: VectorCase): Base64VectorCase {
  return {
    name: vector.name,
    filesBase64: Object.fromEntries(
      Object.entries(vector.files).map(([file, bytes]) => [file, bytesToBase64(bytes)]),
    ),
  };
}

export function fromBase64Case(encoded: Base64VectorCase): VectorCase {
  return {
    name: encoded.name,
    files: Object.fromEntries(
      Object.entries(encoded.filesBase64).map(([file, base64]) => [file, base64ToBytes(base64)]),
    ),
  };
}
