import { useState } from 'react';
import type { StsCall } from '../../store/identityState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/**
 * Which STS answered, and "Show how this was signed": the call opens as a new tab (its signing
 * time fixed, its profile named) whose signing steps show the very signature that was sent.
 */
export function StsCallLine({ call }: { call: StsCall }) {
  const showSigning = usePlaygroundStore((s) => s.identity.showSigning);
  const [full, setFull] = useState(false);
  return (
    <p className="sts-call hint">
      {call.action} was signed with SigV4 (service sts) by {call.signedWith} and sent to{' '}
      {call.endpoint}.{' '}
      <button type="button" className="small-button" onClick={() => setFull(!showSigning(call))}>
        Show how this was signed
      </button>
      {full && <span role="alert"> Close a tab first: all tabs are in use.</span>}
    </p>
  );
}
