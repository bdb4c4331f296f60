import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatBytes } from '../../components/ui/bodyText';
import { hexRow, hexRowCount } from './hexDump';

/** Every row is this tall (CSS .hex-row). */
const ROW_HEIGHT = 18;

/** The body's bytes as a hex dump, with its size; only the rows in view are in the page. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The page is not built with the React Compiler, and the virtualizer re-renders its component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: hexRowCount(bytes.byteLength),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return (
    <div className="hex-view">
      <p className="viewer-note" aria-label="Body size">
        {formatBytes(bytes.byteLength)} ({bytes.byteLength.toLocaleString('en-US')} bytes)
      </p>
      {/* It scrolls: a Tab stop, so the keyboard can scroll it too. */}
      <div
        ref={scrollRef}
        className="viewer-scroll"
        role="region"
        aria-label="Hex dump"
        tabIndex={0}
      >
        <div className="viewer-rows" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = hexRow(bytes, item.index);
            return (
              <div
                key={item.index}
                className="hex-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span className="hex-offset">{row.offset}</span>
                <span className="hex-bytes">{row.hex}</span>
                <span className="hex-ascii">{row.ascii}</span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
