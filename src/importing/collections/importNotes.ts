// Notes an importer gathers while it reads: one sentence per kind of thing, naming a few of the
// requests it concerns, so a file of 5000 requests with scripts gives one note, not 5000.

/** A name as a note quotes it: long names are cut, so a note stays a sentence. */
export function quoteName(name: string): string {
  const short = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  return `“${short}”`;
}

const SHOWN = 3;

/** Things of one kind, counted, the first few named. */
export class NamedTally {
  #names: string[] = [];
  #count = 0;

  add(name: string): void {
    this.#count++;
    if (this.#names.length < SHOWN && !this.#names.includes(name)) this.#names.push(name);
  }

  get count(): number {
    return this.#count;
  }

  /** “A”, “B”, “C” and 4 more; `quote` makes each name's wording (identity for places). */
  describe(quote: (name: string) => string = quoteName): string {
    const quoted = this.#names.map(quote);
    const more = this.#count - this.#names.length;
    const listed =
      quoted.length <= 1
        ? quoted.join('')
        : `${quoted.slice(0, -1).join(', ')}${more > 0 ? ', ' : ' and '}${quoted.at(-1)!}`;
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
