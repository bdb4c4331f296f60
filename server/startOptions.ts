// The command-line options of every way of starting the page's server: `npm start -- …`
// (start.ts) and `npm run dev -- …` (dev.ts). One parser, so both take the same options and say
// the same things about wrong ones.
import { parseArgs } from 'node:util';

export interface StartOptions {
  /** `--collections DIR`: the folder of collections the page reads and writes (server/collections). */
  collectionsDir?: string;
}

export const START_USAGE =
  'Options: --collections DIR  keep collections as files in DIR (it must exist)';

/** The options in `args` (process.argv without node and the script), or an Error saying what is wrong. */
export function parseStartOptions(args: readonly string[]): StartOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { collections: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message.split('\n')[0]}\n${START_USAGE}`, { cause: error });
  }
  if (values.collections === '') {
    throw new Error(`--collections needs a folder: --collections DIR\n${START_USAGE}`);
  }
  return values.collections === undefined ? {} : { collectionsDir: values.collections };
}
