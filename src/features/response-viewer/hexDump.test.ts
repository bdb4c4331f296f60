import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BYTES_PER_ROW, hexRow, hexRowCount } from './hexDump';

describe('hexRow', () => {
  it('draws offset, two groups of 8 bytes and the printable bytes', () => {
    const bytes = Uint8Array.from('\x89PNG\r\n\x1a\n0123456789', (char) => char.charCodeAt(0));
    expect(hexRow(bytes, 0)).toEqual({
      offset: '00000000',
      hex: '89 50 4e 47 0d 0a 1a 0a  30 31 32 33 34 35 36 37',
      ascii: '.PNG....01234567',
    });
    expect(hexRow(bytes, 1)).toEqual({
      offset: '00000010',
      hex: '38 39'.padEnd(48, ' '),
      ascii: '89',
    });
  });

  it('on random bytes: the rows read back as the bytes, each the same width', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const rows = Array.from({ length: hexRowCount(bytes.length) }, (_, row) =>
          hexRow(bytes, row),
        );
        const readBack = rows.flatMap((row) =>
          row.hex
            .split(' ')
            .filter((cell) => cell !== '')
            .map((cell) => parseInt(cell, 16)),
        );
        expect(readBack).toEqual(Array.from(bytes));
        rows.forEach((row, index) => {
          expect(row.hex).toHaveLength(BYTES_PER_ROW * 3);
          expect(parseInt(row.offset, 16)).toBe(index * BYTES_PER_ROW);
          expect(row.ascii).toMatch(/^[\x20-\x7e]*$/);
          expect(row.ascii.length).toBe(Math.min(BYTES_PER_ROW, bytes.length - index * 16));
        });
      }),
      { numRuns: 300 },
    );
  });
});
