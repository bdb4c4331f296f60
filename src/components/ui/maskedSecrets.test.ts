import { describe, expect, it } from 'vitest';
import { maskSecrets } from './maskedSecrets';

describe('maskSecrets', () => {
  it('draws each occurrence of a secret as bullets, of its length', () => {
    const token = 'FwoGZXIvYXdzEXAMPLE+TOKEN/==';
    expect(maskSecrets(`x-amz-security-token:${token}`, [token])).toBe(
      `x-amz-security-token:${'•'.repeat(token.length)}`,
    );
    expect(maskSecrets(`${token}&${token}`, [token])).not.toContain('TOKEN');
  });

  it('leaves text without the secret, and secrets too short to be one, as they are', () => {
    expect(maskSecrets('host:example.com', ['FwoGZXIvYXdzEXAMPLE'])).toBe('host:example.com');
    expect(maskSecrets('a-b', ['a'])).toBe('a-b');
  });
});
