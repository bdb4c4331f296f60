import { useCallback } from 'react';
import { formatBytes } from '../../components/ui/bodyText';

/**
 * An image answer, drawn from a blob: URL (the page's CSP allows img-src blob: for this alone).
 * SVG goes through <img> too, where it runs no script and loads nothing. The URL lives as long as
 * the <img> shows these bytes: the ref's cleanup revokes it.
 */
export function ImageView({ bytes, mimeType }: { bytes: Uint8Array; mimeType: string }) {
  const attach = useCallback(
    (image: HTMLImageElement | null) => {
      if (image === null) return;
      const url = URL.createObjectURL(
        new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }),
      );
      image.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [bytes, mimeType],
  );
  return (
    <div className="image-view">
      <img
        ref={attach}
        alt={`The response image (${mimeType}, ${formatBytes(bytes.byteLength)})`}
      />
    </div>
  );
}
