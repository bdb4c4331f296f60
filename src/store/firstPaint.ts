// Work the page's first signature does not need waits until that signature is painted (the page
// says when: src/app/App.tsx calls firstPaintDone once the frame showing it is on screen), so a
// cold load spends its first second on what the user sees first.

let painted = false;
const waiting: Array<() => void> = [];

/** Runs `task` once the page's first signature has been painted (at once after that). */
export function afterFirstPaint(task: () => void): void {
  if (painted) task();
  else waiting.push(task);
}

/** The first signature is on screen: runs what waited for it, in order. Idempotent. */
export function firstPaintDone(): void {
  if (painted) return;
  painted = true;
  for (const task of waiting.splice(0)) task();
}

/** Whether the first signature has been painted (firstPaintDone was called). */
export function isFirstPaintDone(): boolean {
  return painted;
}
