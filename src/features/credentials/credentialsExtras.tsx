// The Credentials panel's parts loaded with import() (CredentialsPanel.tsx): the profiles list,
// with each role profile's Assume role slot.
import { RoleProfileSlot } from '../identity/RoleProfileSlot';
import { ProfilesSection } from '../profiles/ProfilesSection';

export function ProfilesWithRoles() {
  return <ProfilesSection renderRoleAction={(name) => <RoleProfileSlot name={name} />} />;
}
