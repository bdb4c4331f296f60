import './identity.css';
import { AssumeRoleForm } from './AssumeRoleForm';
import { WhoAmI } from './WhoAmI';

/** "Who am I?" and "Assume role": the page's own STS calls, signed step by step like any other. */
export function IdentityPanel() {
  return (
    <div className="identity">
      <WhoAmI />
      <details className="assume-role-details">
        <summary>Assume a role…</summary>
        <AssumeRoleForm />
      </details>
    </div>
  );
}
