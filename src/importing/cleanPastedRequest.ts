// The one cleaner for a pasted request, shared by Import (importAnything, importCurl,
// importRawHttp) and "Check a signature" (diagnosis/checkSignature): what people paste around a
// request is dropped the same way everywhere, and the form it is in is told the same way.
import { MAX_COMMAND_LENGTH } from './shellWords';

/**
 * What the cleaned text looks like: a curl command (bash or cmd), an HTTPie or xh command, a
 * fetch(…) call, a PowerShell Invoke-WebRequest / Invoke-RestMethod, one http(s) URL, HTTP text
 * (a request line, or the HTTP/2 pseudo-headers developer tools copy), or none of these.
 */
export type PastedFormat = 'curl' | 'httpie' | 'fetch' | 'powershell' | 'url' | 'http' | 'other';

export type CleanedPaste =
  { ok: true; text: string; format: PastedFormat } | { ok: false; error: string };

const COMMENT_LINE = /^[ \t]*#/;
const SHELL_PROMPT = /^\$[ \t]+/;

/**
 * A request line: a method, then a target that is a path, `*` or an absolute URL, then
 * optionally the version. Any two words are not one: "hello world" is not a request.
 */
const REQUEST_LINE =
  /^[A-Za-z-]+[ \t]+(?:[/*]|[A-Za-z][A-Za-z0-9+.-]*:\/\/)\S*(?:[ \t]+HTTP\/\d(?:\.\d)?)?[ \t]*$/;

/** `const name =`, `let name =` or `var name =` before a fetch(…) call. */
export const FETCH_BINDING = /^(?:const|let|var)[ \t]+[A-Za-z_$][\w$]*[ \t]*=[ \t]*/;

/** A fetch(…) call, awaited or not, with or without a name for its answer. */
const FETCH_START = new RegExp(
  `^(?:${FETCH_BINDING.source.slice(1)})?(?:await[ \\t]+)?fetch[ \\t]*\\(`,
);

/** Chrome's "Copy as PowerShell" starts with a WebRequestSession; by hand, with the cmdlet. */
const POWERSHELL_START =
  /^(?:\$[A-Za-z_]\w*[ \t]*=[ \t]*New-Object[ \t]|(?:Invoke-WebRequest|Invoke-RestMethod|iwr|irm)(?:[ \t`\r\n]|$))/i;

/** The form of a text that starts with no blank, comment or prompt. */
function formatOf(text: string): PastedFormat {
  if (/^curl(\.exe)?(\s|$)/.test(text)) return 'curl';
  // Before the request line: "http https://host/" is HTTPie's, not a method "http".
  if (/^(?:https?|xhs?)[ \t]/.test(text)) return 'httpie';
  if (FETCH_START.test(text)) return 'fetch';
  if (POWERSHELL_START.test(text)) return 'powershell';
  if (/^https?:\/\/\S+$/i.test(text.trimEnd())) return 'url';
  // Only the first line is tested, so the cost is bounded by it, not by the body.
  const firstLine = text.slice(0, text.indexOf('\n') + 1 || text.length).replace(/\r?\n$/, '');
  if (/^:(?:method|authority|path|scheme)\s*:/i.test(text) || REQUEST_LINE.test(firstLine))
    return 'http';
  return 'other';
}

/**
 * Drops what comes before the request: a byte order mark, blank lines, comment lines (the
 * Export's signed curl starts with "# Signed …"; .http files use them too) and a "$ " prompt.
 * The end is kept as it is: in HTTP text, trailing blanks and line breaks are part of the body,
 * and the readers of curl commands and URLs ignore them. Empty text is ok, with format 'other'.
 */
export function cleanPastedRequest(pasted: string): CleanedPaste {
  let text = String(pasted).replace(/^\uFEFF/, '');
  if (text.length > MAX_COMMAND_LENGTH)
    return { ok: false, error: `The text is longer than ${MAX_COMMAND_LENGTH} characters.` };
  // Line by line, never a regular expression over the whole text: one pass, however it looks.
  let start = 0;
  while (start < text.length) {
    const lineEnd = text.indexOf('\n', start);
    const line = text.slice(start, lineEnd < 0 ? text.length : lineEnd);
    if (line.trim() !== '' && !COMMENT_LINE.test(line)) break;
    start = lineEnd < 0 ? text.length : lineEnd + 1;
  }
  text = text
    .slice(start)
    .replace(/^[ \t]+/, '')
    .replace(SHELL_PROMPT, '');
  return { ok: true, text, format: formatOf(text) };
}
