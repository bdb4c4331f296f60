import type { SigningResult } from '../../signing';
import type { OutgoingRequest, TransportMode } from '../../transport/sendRequest';
import { toCurl, toHttpText } from '../../exporting/requestText';
import { CopyButton } from '../../components/ui/CopyButton';
import { StepSection } from '../../components/ui/StepSection';
import { RequestToSend } from './RequestToSend';

interface RequestToSendStepProps {
  outgoing: OutgoingRequest;
  result: SigningResult;
  transport: TransportMode;
  bodyFileName: string | undefined;
  /** Header rows left out until their value, not kept, is pasted again. */
  withheldHeaders: readonly string[];
}

/** The last step: the request as it goes on the wire, to read or to copy as text or curl. */
export function RequestToSendStep({
  outgoing,
  result,
  transport,
  bodyFileName,
  withheldHeaders,
}: RequestToSendStepProps) {
  return (
    <StepSection
      id="step-request-to-send"
      title="Request to send"
      explanation="Every header that goes on the wire, with the method, the URL and the body."
      copyText={toHttpText(outgoing, { form: 'url', bodyFileName })}
      copyWhat="request as text"
      actions={
        <CopyButton text={toCurl(outgoing, { bodyFileName })} what="command">
          Copy as curl
        </CopyButton>
      }
    >
      {withheldHeaders.length > 0 && (
        <p className="warning-box" role="note" aria-label="Headers not sent">
          Not signed or sent until you paste {withheldHeaders.length === 1 ? 'its' : 'their'} value
          again (not kept, as {withheldHeaders.length === 1 ? 'it carries' : 'they carry'} a
          credential): {withheldHeaders.join(', ')}.
        </p>
      )}
      <RequestToSend
        request={outgoing}
        result={result}
        transport={transport}
        bodyFileName={bodyFileName}
      />
    </StepSection>
  );
}
