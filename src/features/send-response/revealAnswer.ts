/**
 * After the user's Send, brings the answer into view when it is out of sight in Send's own column:
 * on a phone it is some 2,200 px below. Side by side (two columns) it is beside Send and stays put.
 * Smooth unless the user asked for reduced motion. Never on load: only Send calls it.
 */
export function revealAnswer(): void {
  const answer = document.getElementById('response-title')?.closest('section');
  // The Send bar's status line spans the bar: where Send's column is.
  const sendBar = document.getElementById('send-status');
  if (!answer || !sendBar) return;
  const box = answer.getBoundingClientRect();
  const send = sendBar.getBoundingClientRect();
  const sameColumn = box.left < send.right && send.left < box.right;
  const inView = box.top >= 0 && box.top < window.innerHeight / 2;
  if (!sameColumn || inView) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  answer.scrollIntoView({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
}
