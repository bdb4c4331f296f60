import { LOCAL_IDENTITIES } from '../request/defaults';
import { usePlaygroundStore } from '../store/usePlaygroundStore';

/** What the local gateway is, and one click to sign as each of its identities. */
export function LocalGatewayNote() {
  const gatewayUrl = usePlaygroundStore((s) => s.options.gatewayUrl);
  // The key that signs: a profile's when the request or environment chose one, else the typed.
  const accessKeyId = usePlaygroundStore((s) => s.signing.plan.input.credentials.accessKeyId);
  const fillIdentity = usePlaygroundStore((s) => s.credentials.fillIdentity);
  return (
    <div className="gateway-note">
      <p>
        <code>{gatewayUrl}</code> is a local API Gateway: it checks SigV4 and IAM policies the way
        an <code>AWS_IAM</code> route does and answers with the same errors, so you can break a
        request on purpose and see what AWS would say. Try a <strong>GET</strong> as demo (denied:
        demo may only POST), then as admin, then as temp with its session token.
      </p>
      <ul className="identities">
        {LOCAL_IDENTITIES.map((identity) => {
          const inUse = identity.accessKeyId === accessKeyId;
          return (
            <li key={identity.name}>
              <button
                type="button"
                onClick={() => fillIdentity(identity)}
                title={`Fill the ${identity.name} keys${identity.sessionToken ? ' and session token' : ''}`}
              >
                Use {identity.name}
              </button>
              <code>{identity.accessKeyId}</code>
              <span className="muted">
                {identity.may}
                {inUse && <strong className="in-use"> · in use</strong>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
