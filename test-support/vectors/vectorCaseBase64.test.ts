import { describe, expect, it } from 'vitest';
import { fromBase64Case, toBase64Case } from './vectorCaseBase64';

describe('toBase64Case and fromBase64Case', () => {
  it('carry every byte value of every file there and back', () => {
    const vector = {
      name: 'v4-extra/binary',
      files: {
        'request.txt': Uint8Array.from({ length: 256 }, (_, byte) => byte),
        'context.json': new TextEncoder().encode('{}\r\n'),
        'empty.txt': new Uint8Array(),
      },
    };
    const encoded = toBase64Case(vector);
    expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded);
    expect(fromBase64Case(encoded)).toEqual(vector);
  });
});
