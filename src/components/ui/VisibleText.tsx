import { useContext } from 'react';
import { maskSecrets, MaskedSecrets } from './maskedSecrets';
import { describeCodePoint, markWhitespace } from './visibleWhitespace';

/**
 * A line of an artifact with the whitespace that matters made visible. The marks are drawn by
 * CSS over the real characters, so selecting and copying the text still gives the exact bytes
 * (but for a secret masked around it: MaskedSecrets).
 */
export function VisibleText({ text }: { text: string }) {
  const secrets = useContext(MaskedSecrets);
  const segments = markWhitespace(secrets.length === 0 ? text : maskSecrets(text, secrets));
  return (
    <>
      {segments.map((segment, index) => {
        switch (segment.kind) {
          case 'text':
            return segment.text;
          case 'space':
            return (
              <span key={index} className="ws ws-space" title="space">
                {segment.text}
              </span>
            );
          case 'tab':
            return (
              <span key={index} className="ws ws-tab" title="tab">
                {segment.text}
              </span>
            );
          default:
            return (
              <span key={index} className="ws ws-invisible" title={describeCodePoint(segment.text)}>
                {segment.text}
              </span>
            );
        }
      })}
    </>
  );
}
