import { useEffect, useState } from 'react';
import { formatCountdown, signatureValidity } from '../../diagnosis/clockSkew';
import { signatureWindow } from '../../signing';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/**
 * How long the shown signature stays valid, counting down live: the service's clock window around
 * X-Amz-Date for a header (and whose rule that is), until the expiry for a presigned URL. One
 * interval, cleared on unmount.
 */
export function SignatureValidity({
  amzDate,
  mode,
  expiresIn,
  service,
}: {
  amzDate: string;
  mode: 'header' | 'query';
  expiresIn: number;
  /** The signing name of the service that will check it (execute-api, s3, …). */
  service: string;
}) {
  const offsetSeconds = usePlaygroundStore((s) => s.options.clockOffsetSeconds);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const { notBefore, notAfter } = signatureValidity(amzDate, mode, expiresIn, service);
  const { rule } = signatureWindow(service);
  if (!Number.isFinite(notBefore) || !Number.isFinite(notAfter)) return null;
  const serverNow = now + offsetSeconds * 1000;
  let text: string;
  if (serverNow < notBefore)
    text = `Not valid yet: valid in ${formatCountdown(notBefore - serverNow)}.`;
  else if (serverNow >= notAfter)
    text =
      mode === 'query'
        ? `The URL expired ${formatCountdown(serverNow - notAfter)} ago.`
        : `This signature expired ${formatCountdown(serverNow - notAfter)} ago (${rule}).`;
  else
    text =
      mode === 'query'
        ? `The URL expires in ${formatCountdown(notAfter - serverNow)}.`
        : `Valid for ${formatCountdown(notAfter - serverNow)} more (${rule}).`;
  // The server renders the first view a moment before the page adopts it (store/firstView.ts):
  // the countdown may differ by a second there, and the next tick puts it right.
  return (
    <p className="signature-validity hint" suppressHydrationWarning>
      {text}
    </p>
  );
}
