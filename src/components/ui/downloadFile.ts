/**
 * Saves text or bytes as a file through the browser's download: an object URL for a Blob,
 * revoked once the click has been handled (the download keeps its own reference to the Blob).
 */
export function downloadFile(fileName: string, data: string | Uint8Array, type: string): void {
  const blob = new Blob([data as string | Uint8Array<ArrayBuffer>], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
