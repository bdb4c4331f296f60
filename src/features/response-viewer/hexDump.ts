// A hex dump, one row at a time, as `xxd` and every hex editor draw it: the offset, 16 bytes in
// hex (two groups of 8), then the same bytes as ASCII with '.' for anything not printable. Rows are
// made on demand, so a 10 MiB body costs only the rows on screen.

export const BYTES_PER_ROW = 16;

export interface HexRow {
  /** The offset of the row's first byte, 8 hex digits. */
  offset: string;
  /** The bytes in hex, padded to a full row so the ASCII column lines up. */
  hex: string;
  ascii: string;
}

export function hexRowCount(byteLength: number): number {
  return Math.ceil(byteLength / BYTES_PER_ROW);
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Row `row` (0-based) of the dump of `bytes`. */
export function hexRow(bytes: Uint8Array, row: number): HexRow {
  const start = row * BYTES_PER_ROW;
  const slice = bytes.subarray(start, start + BYTES_PER_ROW);
  const cells: string[] = [];
  let ascii = '';
  for (let column = 0; column < BYTES_PER_ROW; column++) {
    const byte = slice[column];
    cells.push(byte === undefined ? '  ' : HEX[byte]!);
    if (byte !== undefined) ascii += byte >= 0x20 && byte <= 0x7e ? String.fromCharCode(byte) : '.';
  }
  return {
    offset: start.toString(16).padStart(8, '0'),
    hex: `${cells.slice(0, 8).join(' ')}  ${cells.slice(8).join(' ')}`,
    ascii,
  };
}
