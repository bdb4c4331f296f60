// Line diff of two canonical requests (or strings to sign), exact to the character: a space or an
// empty line is as much a difference as a letter, since either changes the signature. The
// alignment itself is jsdiff's (Myers' shortest edit script); what is ours is how the result
// reads: changed lines paired by header name, character runs within a pair, and a bound on the
// work so that a pasted megabyte is shown at once, if less finely, rather than stalling the page.
import { diffArrays } from 'diff';

export interface DiffSpan {
  text: string;
  changed: boolean;
}

export interface LineDiff {
  /** Our line; null when only theirs has it. */
  ours: string | null;
  /** Their line; null when only ours has it. */
  theirs: string | null;
  same: boolean;
  /** For a changed pair: the line cut into runs that both have and runs only this side has. */
  oursSpans?: DiffSpan[];
  theirsSpans?: DiffSpan[];
}

/**
 * The work one diff may do, in steps of jsdiff's Myers search (about a microsecond each in V8).
 * Looking for up to D edits among n tokens costs about D² steps plus the comparisons along the
 * way, so the edits an alignment may look for shrink as the inputs grow and as earlier lines use
 * the budget up; past it, lines pair by position and a line pair shows as one changed run.
 */
const WORK_PER_DIFF = 200_000;
/** Comparing two tokens costs about a fiftieth of a search step. */
const COMPARISONS_PER_STEP = 50;
/** Pairing one removed line with one added line by header name costs about a hundredth. */
const PAIRINGS_PER_STEP = 100;

/** Above this many removed × added lines in one run, they pair by position: the table's memory. */
const MAX_RUN_CELLS = 250_000;

/** One diff's share of work, spent alignment by alignment. */
class WorkBudget {
  private left = WORK_PER_DIFF;

  /** The most edits an alignment of `tokens` tokens in all may look for; 0 when out of work. */
  maxEdits(tokens: number): number {
    const room = this.left - tokens;
    if (room <= 0) return 0;
    return Math.floor(Math.min(Math.sqrt(room), (room * COMPARISONS_PER_STEP) / tokens));
  }

  /** Charges an alignment of `tokens` tokens that looked for up to `edits` edits. */
  spendAlignment(tokens: number, edits: number): void {
    this.left -= tokens + edits * edits + (edits * tokens) / COMPARISONS_PER_STEP;
  }

  /** Whether `pairings` line pairings fit, and if so charges them. */
  spendPairings(pairings: number): boolean {
    const cost = pairings / PAIRINGS_PER_STEP;
    if (cost > this.left) return false;
    this.left -= cost;
    return true;
  }
}

/**
 * jsdiff's shortest edit script from a to b within the budget and at most `limit` edits, or
 * undefined when it needs more.
 */
function align<T>(a: T[], b: T[], budget: WorkBudget, limit = Infinity) {
  const tokens = a.length + b.length;
  const maxEditLength = Math.min(limit, budget.maxEdits(tokens));
  if (maxEditLength < 1) return undefined;
  const changes = diffArrays(a, b, { maxEditLength });
  const edits = changes
    ? changes.reduce((sum, change) => sum + (change.added || change.removed ? change.count : 0), 0)
    : maxEditLength;
  budget.spendAlignment(tokens, edits);
  return changes;
}

/** Lengths of the common prefix and, after it, the common suffix of a and b. */
function commonEnds<T>(a: readonly T[], b: readonly T[]): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  return { prefix, suffix };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** commonEnds of two strings in UTF-16 units, never cutting a character in half. */
function commonTextEnds(a: string, b: string): { prefix: number; suffix: number } {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a.charCodeAt(prefix) === b.charCodeAt(prefix))
    prefix++;
  if (prefix > 0 && isHighSurrogate(a.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)
  )
    suffix++;
  if (suffix > 0 && isLowSurrogate(a.charCodeAt(a.length - suffix))) suffix--;
  return { prefix, suffix };
}

function pushSpan(spans: DiffSpan[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = spans.at(-1);
  if (last && last.changed === changed) last.text += text;
  else spans.push({ text, changed });
}

/** Character runs of a changed pair: what both lines share, and what each has alone. */
export function diffChars(ours: string, theirs: string): { ours: DiffSpan[]; theirs: DiffSpan[] } {
  return charRuns(ours, theirs, new WorkBudget());
}

function charRuns(
  ours: string,
  theirs: string,
  budget: WorkBudget,
): { ours: DiffSpan[]; theirs: DiffSpan[] } {
  const { prefix, suffix } = commonTextEnds(ours, theirs);
  const head = ours.slice(0, prefix);
  const tail = ours.slice(ours.length - suffix);
  const midA = ours.slice(prefix, ours.length - suffix);
  const midB = theirs.slice(prefix, theirs.length - suffix);
  const oursSpans: DiffSpan[] = [];
  const theirsSpans: DiffSpan[] = [];
  pushSpan(oursSpans, head, false);
  pushSpan(theirsSpans, head, false);
  // Characters (code points) are split out only when there is work left to align them.
  const a = midA !== '' && midB !== '' && budget.maxEdits(midA.length + midB.length) > 0;
  // At most min(|A|, |B|) edits, i.e. at least half the characters in common: a few chance
  // matches (two hex hashes share many letters) read worse than one changed run.
  const changes = a ? alignChars(Array.from(midA), Array.from(midB), budget) : undefined;
  if (changes) {
    for (const change of changes) {
      const text = change.value.join('');
      if (!change.added) pushSpan(oursSpans, text, change.removed);
      if (!change.removed) pushSpan(theirsSpans, text, change.added);
    }
  } else {
    pushSpan(oursSpans, midA, true);
    pushSpan(theirsSpans, midB, true);
  }
  pushSpan(oursSpans, tail, false);
  pushSpan(theirsSpans, tail, false);
  return { ours: oursSpans, theirs: theirsSpans };
}

const alignChars = (a: string[], b: string[], budget: WorkBudget) =>
  align(a, b, budget, Math.min(a.length, b.length));

/** The key a canonical line is known by: a header's name, the text before ':'. */
const lineKey = (line: string) => {
  const colon = line.indexOf(':');
  return colon > 0 ? line.slice(0, colon) : undefined;
};

function changedPair(ours: string, theirs: string, budget: WorkBudget): LineDiff {
  const spans = charRuns(ours, theirs, budget);
  return { ours, theirs, same: false, oursSpans: spans.ours, theirsSpans: spans.theirs };
}

/** How well two lines of a run pair up: same header name best, two header names never. */
function pairWeight(ours: string, theirs: string): number {
  const keyA = lineKey(ours);
  const keyB = lineKey(theirs);
  if (keyA !== undefined && keyB !== undefined) return keyA === keyB ? 3 : 0;
  return 1;
}

/**
 * Emits a run of removed and added lines, pairing them without crossing (so both sides stay in
 * order), with lines of the same header name paired first: the heaviest non-crossing matching,
 * which a line diff does not do for us.
 */
function flushRun(out: LineDiff[], removed: string[], added: string[], budget: WorkBudget): void {
  const rows = removed.length;
  const cols = added.length;
  if (rows * cols > MAX_RUN_CELLS || !budget.spendPairings(rows * cols)) {
    for (let i = 0; i < Math.max(rows, cols); i++) {
      if (i < rows && i < cols) out.push(changedPair(removed[i]!, added[i]!, budget));
      else if (i < rows) out.push({ ours: removed[i]!, theirs: null, same: false });
      else out.push({ ours: null, theirs: added[i]!, same: false });
    }
    return;
  }
  const width = cols + 1;
  const best = new Uint32Array((rows + 1) * width);
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      const weight = pairWeight(removed[i]!, added[j]!);
      best[i * width + j] = Math.max(
        best[(i + 1) * width + j]!,
        best[i * width + j + 1]!,
        weight > 0 ? weight + best[(i + 1) * width + j + 1]! : 0,
      );
    }
  }
  let i = 0;
  let j = 0;
  while (i < rows || j < cols) {
    if (i < rows && j < cols) {
      const weight = pairWeight(removed[i]!, added[j]!);
      const here = best[i * width + j]!;
      if (weight > 0 && here === weight + best[(i + 1) * width + j + 1]!) {
        out.push(changedPair(removed[i++]!, added[j++]!, budget));
        continue;
      }
      if (here === best[(i + 1) * width + j]!) {
        out.push({ ours: removed[i++]!, theirs: null, same: false });
        continue;
      }
      out.push({ ours: null, theirs: added[j++]!, same: false });
    } else if (i < rows) out.push({ ours: removed[i++]!, theirs: null, same: false });
    else out.push({ ours: null, theirs: added[j++]!, same: false });
  }
}

/**
 * The two texts' lines aligned (common lines kept, the fewest lines removed and added), with
 * character runs for each changed pair.
 */
export function diffLines(ours: string, theirs: string): LineDiff[] {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  const out: LineDiff[] = [];
  const same = (lines: string[]) => {
    for (const line of lines) out.push({ ours: line, theirs: line, same: true });
  };
  const { prefix, suffix } = commonEnds(a, b);
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  same(a.slice(0, prefix));
  const budget = new WorkBudget();
  // Too different to align within the work bound: the middle is one run, paired by position.
  const changes = align(midA, midB, budget) ?? [
    { value: midA, removed: true, added: false },
    { value: midB, removed: false, added: true },
  ];
  let removed: string[] = [];
  let added: string[] = [];
  for (const change of changes) {
    // One at a time, not push(...lines): a run can hold more lines than a call takes arguments.
    if (change.removed) for (const line of change.value) removed.push(line);
    else if (change.added) for (const line of change.value) added.push(line);
    else {
      if (removed.length > 0 || added.length > 0) flushRun(out, removed, added, budget);
      removed = [];
      added = [];
      same(change.value);
    }
  }
  if (removed.length > 0 || added.length > 0) flushRun(out, removed, added, budget);
  same(a.slice(a.length - suffix));
  return out;
}
