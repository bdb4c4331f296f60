import './environments.css';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

const NONE = '';

/** Which environment's variables `{{name}}` reads: next to the request it applies to. */
export function EnvironmentPicker() {
  const list = usePlaygroundStore((s) => s.environments.list);
  const activeId = usePlaygroundStore((s) => s.environments.activeId);
  const loading = usePlaygroundStore((s) => s.environments.status === 'loading');
  const setActive = usePlaygroundStore((s) => s.environments.setActive);
  return (
    <div className="environment-picker">
      <label htmlFor="environment-picker">Environment</label>
      <select
        id="environment-picker"
        value={activeId ?? NONE}
        disabled={loading}
        onChange={(event) => setActive(event.target.value === NONE ? null : event.target.value)}
      >
        <option value={NONE}>No environment</option>
        {list.map((environment) => (
          <option key={environment.id} value={environment.id}>
            {environment.name}
          </option>
        ))}
      </select>
    </div>
  );
}
