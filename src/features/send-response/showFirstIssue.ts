/**
 * "1 warning above": scrolls the first error or warning shown beside a field to the middle of the
 * screen (clear of the Send bar) and puts the focus in the field it is about.
 */
export function showFirstIssue(): void {
  // FieldIssues' list items; each list is the aria-describedby of its field.
  const issue = document.querySelector<HTMLElement>('.issue-error, .issue-warning');
  if (!issue) return;
  const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  issue.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  const list = issue.closest('[id]');
  const field =
    list === null
      ? null
      : document.querySelector<HTMLElement>(`[aria-describedby~="${CSS.escape(list.id)}"]`);
  field?.focus({ preventScroll: true });
}
