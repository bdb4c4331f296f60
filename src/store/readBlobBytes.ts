/**
 * Reads a Blob (a chosen file) into one buffer chunk by chunk, reporting progress after each
 * chunk. Streaming rather than arrayBuffer(): the page stays responsive and can show how far a
 * large file has got. Resolves to null when `isCurrent` says another file replaced this one.
 */
export async function readBlobBytes(
  blob: Blob,
  onProgress: (loadedBytes: number) => void,
  isCurrent: () => boolean = () => true,
): Promise<Uint8Array | null> {
  let bytes = new Uint8Array(blob.size);
  let offset = 0;
  const reader = blob.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!isCurrent()) {
      await reader.cancel();
      return null;
    }
    if (offset + value.byteLength > bytes.length) {
      // The file grew while being read: keep everything rather than fail.
      const grown = new Uint8Array(Math.max(bytes.length * 2, offset + value.byteLength));
      grown.set(bytes.subarray(0, offset));
      bytes = grown;
    }
    bytes.set(value, offset);
    offset += value.byteLength;
    onProgress(offset);
  }
  return offset === bytes.length ? bytes : bytes.slice(0, offset);
}
