import { useShallow } from 'zustand/react/shallow';
import type { ProfileEntry } from '../../store/profilesState';
import { usePlaygroundStore } from '../../store/usePlaygroundStore';

/** How a profile is named in a list of choices: what it is, so a role is not picked blind. */
export function profileOptionLabel(entry: Pick<ProfileEntry, 'name' | 'kind' | 'assumed'>) {
  if (entry.kind === 'assume-role')
    return `Profile ${entry.name} (role${entry.assumed === undefined ? ', not assumed yet' : ''})`;
  if (entry.kind === 'unsupported') return `Profile ${entry.name} (cannot sign here)`;
  return `Profile ${entry.name}`;
}

/** The profiles as choices: name and kind only, so a change to keys does not redraw a select. */
export function useProfileChoices(): Array<{ name: string; label: string }> {
  const labels = usePlaygroundStore(useShallow((s) => s.profiles.list.map(profileOptionLabel)));
  const names = usePlaygroundStore(useShallow((s) => s.profiles.list.map((p) => p.name)));
  return names.map((name, index) => ({ name, label: labels[index]! }));
}
