// Bruno environments: environments/*.bru, or a picked file holding only variables. `vars:secret`
// names become secret variables without a value, as Bruno keeps their values out of the files.
import type { Variable } from '../../collections/collectionModel';
import { isCredentialHeader } from '../../request/credentialFields';
import type { BruBlock } from './readBruFile';

export function environmentVariables(blocks: readonly BruBlock[]): Variable[] {
  const variables: Variable[] = [];
  for (const block of blocks) {
    if (block.kind === 'dictionary' && block.name === 'vars')
      for (const pair of block.pairs)
        variables.push({
          name: pair.name,
          value: pair.value,
          secret: isCredentialHeader(pair.name),
          enabled: pair.enabled,
        });
    if (block.kind === 'list' && block.name === 'vars:secret')
      for (const item of block.items)
        variables.push({ name: item, value: '', secret: true, enabled: true });
  }
  return variables;
}

/**
 * An environment read by what it holds, for files chosen without their folder (a browser's file
 * picker gives names, not paths): only `vars` and `vars:secret` blocks.
 */
export function isEnvironmentFile(fileName: string, blocks: readonly BruBlock[]): boolean {
  if (fileName === 'folder.bru' || fileName === 'collection.bru' || blocks.length === 0)
    return false;
  return blocks.every((block) => block.name === 'vars' || block.name === 'vars:secret');
}
