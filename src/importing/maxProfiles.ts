/**
 * The most profiles read from the AWS files (awsProfiles.ts), and kept by the page: apart from the
 * reader, so what only keeps profiles (the store, the vault) does not load it.
 */
export const MAX_PROFILES = 500;
