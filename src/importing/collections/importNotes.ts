// Notes an importer gathers while it reads: one sentence per kind of thing, naming a few of the
// requests it concerns, so a file of 5000 requests with scripts gives one note, not 5000.

/** A name as a note quotes it: long names are cut, so a note stays a sentence. */
export function quoteName(name: string): string {
  const short = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return `“${short}”`;
}

const SHOWN = 3;

/**
 * Things of one kind, each counted once (a request with three such headers is one), the first
 * few named.
 */
export class NamedTally {
  #names = new Set<string>();

  add(name: string): void {
    this.#names.add(name);
  }

  get count(): number {
    return this.#names.size;
  }

  /** “A”, “B”, “C” and 4 more; `quote` makes each name's wording (identity for places). */
  describe(quote: (name: string) => string = quoteName): string {
    const shown = [...this.#names].slice(0, SHOWN).map(quote);
    const more = this.#names.size - shown.length;
    const listed =
      shown.length <= 1
        ? shown.join('')
        : `${shown.slice(0, -1).join(', ')}${more > 0 ? ', ' : ' and '}${shown.at(-1)!}`;
    return more > 0 ? `${listed} and ${more} more` : listed;
  }
}

/** Tallies by kind, in the order the kinds were first met. */
export class NoteTallies<Kind extends string> {
  #tallies = new Map<Kind, NamedTally>();

  add(kind: Kind, name: string): void {
    let tally = this.#tallies.get(kind);
    if (tally === undefined) {
      tally = new NamedTally();
      this.#tallies.set(kind, tally);
    }
    tally.add(name);
  }

  get(kind: Kind): NamedTally | undefined {
    return this.#tallies.get(kind);
  }

  entries(): IterableIterator<[Kind, NamedTally]> {
    return this.#tallies.entries();
  }
}

/** A note's sentence from the names a tally lists; `one` when it lists one (for the verb). */
export type NoteSentence = (names: string, one: boolean) => string;

/** One sentence per kind met, in the order the sentences are given. */
export function noteSentences<Kind extends string>(
  tallies: NoteTallies<Kind>,
  sentences: readonly (readonly [Kind, NoteSentence])[],
): string[] {
  return sentences.flatMap(([kind, sentence]) => {
    const tally = tallies.get(kind);
    return tally === undefined ? [] : [sentence(tally.describe(), tally.count === 1)];
  });
}

/** What the Bruno and Insomnia importers say alike of bodies and paths they could not keep. */
export const LEFT_OUT_SENTENCES = {
  multipart: (names) =>
    `The multipart bodies of ${names} were left out: the playground sends text bodies.`,
  file: (names) => `The file bodies of ${names} were left out: choose the file again in the body.`,
  unfilledPath: (names, one) =>
    `${names} ${one ? 'has' : 'have'} path parameters (:name) without a value: fill them in the URL.`,
} satisfies Record<string, NoteSentence>;
