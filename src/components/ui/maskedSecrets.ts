import { createContext } from 'react';

/**
 * Strings VisibleText draws as bullets inside it: a profile's session token in the signing steps
 * (an assumed role's, which STS returned and no field shows). Only what is drawn changes; the Copy
 * buttons still copy the exact text, as with the secret key.
 */
export const MaskedSecrets = createContext<readonly string[]>([]);

/** Each occurrence of a secret replaced by as many bullets; bounded by the text's length. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    if (secret.length < 8 || !masked.includes(secret)) continue;
    masked = masked.split(secret).join('•'.repeat(secret.length));
  }
  return masked;
}
