// Reads a file that may be JSON or YAML (Insomnia v5 exports YAML, API Gateway exports either).
// Text that starts like JSON is read as JSON, so its mistakes get JSON's line and column; the
// rest goes to the yaml package with its defences on (aliases counted, no custom tags run).
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { COLLECTION_LIMITS } from '../../collections/collectionModel';
import { tooBig } from './checkImportLimits';
import { readJsonText, type JsonText } from './readJsonText';

/**
 * Aliases a document may use: each can stand for a whole subtree, so a few dozen nested ones make
 * a billion nodes ("billion laughs"). Exports never use them; hand-written OpenAPI files use a few.
 */
const MAX_YAML_ALIASES = 100;

export function readStructuredText(text: string, what: string): JsonText {
  if (text.length > COLLECTION_LIMITS.maxFileChars)
    return { ok: false, error: tooBig(text.length) };
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const start = body.trimStart()[0];
  if (start === undefined) return { ok: false, error: `${what} is empty.` };
  if (start === '{' || start === '[') return readJsonText(body, what);
  try {
    const value: unknown = parseYaml(body, {
      maxAliasCount: MAX_YAML_ALIASES,
      prettyErrors: true,
      // Its warnings (a key that is itself a map, …) would go to the console: not the user's.
      logLevel: 'error',
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const where = error.linePos?.[0];
      const place = where === undefined ? '' : ` (line ${where.line}, column ${where.col})`;
      // The first line is the sentence; the rest is a source excerpt the page need not repeat.
      const sentence = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return { ok: false, error: `${what} is neither JSON nor valid YAML: ${sentence}${place}.` };
    }
    // Nesting deeper than the parser's stack, or too many aliases: the yaml package throws a
    // RangeError or a ReferenceError rather than a YAMLParseError.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${what} could not be read as YAML: ${reason}.` };
  }
}
