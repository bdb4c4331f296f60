/** Saves text as a file through the browser's download (an object URL, revoked after the click). */
export function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download holds its own reference to the blob once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
