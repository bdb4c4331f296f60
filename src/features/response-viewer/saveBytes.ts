/**
 * Saves bytes as a file through the browser's download: an object URL for a Blob, revoked once
 * the click has been handled (the download keeps its own reference to the Blob).
 */
export function saveBytes(fileName: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
