import type { PlaygroundState, RequestFields } from './playgroundState';

/**
 * The request's fields once it signs with profile `name` ('' for none). A profile's region is a
 * default, as `region` in ~/.aws/config is for the CLI: it fills the request's region only where
 * nothing else decides it — the host names no region (a custom domain) and the user has not
 * typed one. A region the previous profile filled in counts as not typed, so switching profiles
 * moves it along.
 */
export function chooseProfileFields(
  state: Pick<PlaygroundState, 'request' | 'profiles' | 'signing'>,
  name: string,
): Partial<RequestFields> {
  const { request, profiles } = state;
  const find = (wanted: string) =>
    wanted === '' ? undefined : profiles.list.find((entry) => entry.name === wanted);
  const region = find(name)?.region;
  const hostRegion = state.signing.plan.scope.region.detected;
  const filledBefore = find(request.profile)?.region;
  const typedByUser = request.regionOverride !== null && request.regionOverride !== filledBefore;
  const fills =
    region !== undefined && (hostRegion === undefined || hostRegion === '') && !typedByUser;
  return { profile: name, ...(fills ? { regionOverride: region } : {}) };
}
