import { describe, expect, it } from 'vitest';
import { readBlobBytes } from './readBlobBytes';

describe('readBlobBytes', () => {
  it('reads every byte and reports growing progress', async () => {
    const data = new Uint8Array(300_000).map((_, i) => i % 251);
    const progress: number[] = [];
    const bytes = await readBlobBytes(new Blob([data]), (loaded) => progress.push(loaded));
    expect(bytes).toEqual(data);
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it('reads an empty blob', async () => {
    expect(await readBlobBytes(new Blob([]), () => {})).toEqual(new Uint8Array());
  });

  it('stops with null once the read is no longer current', async () => {
    let current = true;
    const result = await readBlobBytes(
      // Several parts, so the stream yields several chunks.
      new Blob([new Uint8Array(1000), new Uint8Array(1000), new Uint8Array(1000)]),
      () => {
        current = false;
      },
      () => current,
    );
    expect(result).toBeNull();
  });
});
