// Line diff of two canonical requests (or strings to sign), exact to the character: a space or an
// empty line is as much a difference as a letter, since either changes the signature.

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

/** Above this many cells the LCS table is skipped for a cheaper alignment. */
const MAX_TABLE_CELLS = 4_000_000;
const MAX_CHAR_CELLS = 250_000;

type Op =
  { kind: 'same'; a: number; b: number } | { kind: 'del'; a: number } | { kind: 'ins'; b: number };

/** Longest-common-subsequence edit script between two sequences. */
function lcsScript<T>(a: readonly T[], b: readonly T[]): Op[] {
  const n = a.length;
  const m = b.length;
  const ops: Op[] = [];
  // Common ends first: the table then only covers the part that differs.
  let start = 0;
  while (start < n && start < m && a[start] === b[start]) start++;
  let endA = n;
  let endB = m;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  for (let i = 0; i < start; i++) ops.push({ kind: 'same', a: i, b: i });
  const rows = endA - start;
  const cols = endB - start;
  if (rows * cols > MAX_TABLE_CELLS) {
    // Too large to align: pair by position.
    for (let i = 0; i < Math.max(rows, cols); i++) {
      if (i < rows) ops.push({ kind: 'del', a: start + i });
      if (i < cols) ops.push({ kind: 'ins', b: start + i });
    }
  } else {
    const width = cols + 1;
    const table = new Uint32Array((rows + 1) * width);
    for (let i = rows - 1; i >= 0; i--) {
      for (let j = cols - 1; j >= 0; j--) {
        table[i * width + j] =
          a[start + i] === b[start + j]
            ? table[(i + 1) * width + j + 1]! + 1
            : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < rows || j < cols) {
      if (i < rows && j < cols && a[start + i] === b[start + j]) {
        ops.push({ kind: 'same', a: start + i, b: start + j });
        i++;
        j++;
      } else if (
        j >= cols ||
        (i < rows && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)
      ) {
        ops.push({ kind: 'del', a: start + i });
        i++;
      } else {
        ops.push({ kind: 'ins', b: start + j });
        j++;
      }
    }
  }
  for (let k = 0; endA + k < n; k++) ops.push({ kind: 'same', a: endA + k, b: endB + k });
  return ops;
}

function pushSpan(spans: DiffSpan[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = spans.at(-1);
  if (last && last.changed === changed) last.text += text;
  else spans.push({ text, changed });
}

/** Character runs of a changed pair: what both lines share, and what each has alone. */
export function diffChars(ours: string, theirs: string): { ours: DiffSpan[]; theirs: DiffSpan[] } {
  const a = Array.from(ours);
  const b = Array.from(theirs);
  const oursSpans: DiffSpan[] = [];
  const theirsSpans: DiffSpan[] = [];
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < a.length - prefix &&
    suffix < b.length - prefix &&
    a[a.length - 1 - suffix] === b[b.length - 1 - suffix]
  )
    suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const head = a.slice(0, prefix).join('');
  pushSpan(oursSpans, head, false);
  pushSpan(theirsSpans, head, false);
  let aligned = false;
  if (midA.length > 0 && midB.length > 0 && midA.length * midB.length <= MAX_CHAR_CELLS) {
    const ops = lcsScript(midA, midB);
    const common = ops.filter((op) => op.kind === 'same').length;
    // A few chance matches (two hex hashes share many letters) read worse than one changed run.
    if (common * 2 >= Math.max(midA.length, midB.length)) {
      aligned = true;
      for (const op of ops) {
        if (op.kind === 'same') {
          pushSpan(oursSpans, midA[op.a]!, false);
          pushSpan(theirsSpans, midB[op.b]!, false);
        } else if (op.kind === 'del') pushSpan(oursSpans, midA[op.a]!, true);
        else pushSpan(theirsSpans, midB[op.b]!, true);
      }
    }
  }
  if (!aligned) {
    pushSpan(oursSpans, midA.join(''), true);
    pushSpan(theirsSpans, midB.join(''), true);
  }
  const tail = a.slice(a.length - suffix).join('');
  pushSpan(oursSpans, tail, false);
  pushSpan(theirsSpans, tail, false);
  return { ours: oursSpans, theirs: theirsSpans };
}

/** The key a canonical line is known by: a header's name, the text before ':'. */
const lineKey = (line: string) => {
  const colon = line.indexOf(':');
  return colon > 0 ? line.slice(0, colon) : undefined;
};

function changedPair(ours: string, theirs: string): LineDiff {
  const spans = diffChars(ours, theirs);
  return { ours, theirs, same: false, oursSpans: spans.ours, theirsSpans: spans.theirs };
}

/** How well two lines of a run pair up: same header name best, two header names never. */
function pairWeight(ours: string, theirs: string): number {
  const keyA = lineKey(ours);
  const keyB = lineKey(theirs);
  if (keyA !== undefined && keyB !== undefined) return keyA === keyB ? 3 : 0;
  return 1;
}

const MAX_RUN_CELLS = 250_000;

/**
 * Emits a run of removed and added lines, pairing them without crossing (so both sides stay in
 * order), with lines of the same header name paired first.
 */
function flushRun(out: LineDiff[], removed: string[], added: string[]): void {
  const rows = removed.length;
  const cols = added.length;
  if (rows * cols > MAX_RUN_CELLS) {
    for (let i = 0; i < Math.max(rows, cols); i++) {
      if (i < rows && i < cols) out.push(changedPair(removed[i]!, added[i]!));
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
        out.push(changedPair(removed[i++]!, added[j++]!));
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

/** LCS alignment of the two texts' lines, with character runs for each changed pair. */
export function diffLines(ours: string, theirs: string): LineDiff[] {
  const a = ours.split('\n');
  const b = theirs.split('\n');
  const out: LineDiff[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  for (const op of lcsScript(a, b)) {
    if (op.kind === 'same') {
      if (removed.length > 0 || added.length > 0) flushRun(out, removed, added);
      removed = [];
      added = [];
      out.push({ ours: a[op.a]!, theirs: b[op.b]!, same: true });
    } else if (op.kind === 'del') removed.push(a[op.a]!);
    else added.push(b[op.b]!);
  }
  if (removed.length > 0 || added.length > 0) flushRun(out, removed, added);
  return out;
}
