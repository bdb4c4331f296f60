import './environments.css';
import { useShallow } from 'zustand/react/shallow';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

const NONE = '';

/** Which environment's variables `{{name}}` reads: next to the request it applies to. */
export function EnvironmentPicker() {
  // Ids and names only: typing a variable's value in the Environments panel changes the list,
  // and the picker has nothing to redraw for it.
  const ids = usePlaygroundStore(useShallow((s) => s.environments.list.map((e) => e.id)));
  const names = usePlaygroundStore(useShallow((s) => s.environments.list.map((e) => e.name)));
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
        {ids.map((id, index) => (
          <option key={id} value={id}>
            {names[index]}
          </option>
        ))}
      </select>
    </div>
  );
}
