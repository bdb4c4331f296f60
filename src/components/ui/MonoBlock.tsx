import { VisibleText } from './VisibleText';

/** An artifact shown byte for byte, one row per line, whitespace made visible. */
export function MonoBlock({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className ? `mono-block ${className}` : 'mono-block'}>
      {text.split('\n').map((line, index) => (
        <div key={index} className={line === '' ? 'mono-line mono-line-empty' : 'mono-line'}>
          <VisibleText text={line} />
        </div>
      ))}
    </div>
  );
}
