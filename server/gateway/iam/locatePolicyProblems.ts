// Where a problem is in the JSON text it came from: line and column (from 1) of the value a JSON
// path names, found with Microsoft's jsonc-parser (VS Code's JSON reader), which keeps each
// value's offset. The configuration file's errors and a policy typed on the page both say where.
import * as jsonc from 'jsonc-parser';
import { formatJsonPath, parsePolicy, type JsonPath, type PolicyParseOptions } from './parsePolicy';
import type { CompiledPolicy, PolicyKind, PolicyStatement } from './policyTypes';

export interface TextPosition {
  line: number;
  column: number;
}

export interface LocatedProblem extends TextPosition {
  /** The JSON path of the value at fault, as text: Statement[0].Condition.IpAddress. */
  path: string;
  message: string;
}

/** Line and column (from 1) of an offset in the text. */
export function positionAt(text: string, offset: number): TextPosition {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** A JSON text read with positions: its value and a way to find where a path lies. */
export interface PositionedJson {
  value: unknown;
  /** The position of the value at `path` (or of its nearest existing parent). */
  locate(path: JsonPath): TextPosition;
}

/** Bounds the text a page may send for validation (a policy is a few KB at most). */
export const MAX_POLICY_TEXT_LENGTH = 100_000;

/**
 * The JSON in `text` with positions, or its syntax errors with theirs. Strict JSON: no comments,
 * no trailing commas (the file is read by JSON-only tools too).
 */
export function readPositionedJson(
  text: string,
): { ok: true; json: PositionedJson } | { ok: false; problems: LocatedProblem[] } {
  const errors: jsonc.ParseError[] = [];
  const tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || tree === undefined) {
    const found = errors.length > 0 ? errors : [{ error: 0, offset: 0, length: 0 }];
    return {
      ok: false,
      problems: found.slice(0, 20).map((error) => ({
        ...positionAt(text, error.offset),
        path: '',
        message:
          errors.length === 0
            ? 'is empty: expected a JSON value'
            : `is not valid JSON: ${syntaxWords(jsonc.printParseErrorCode(error.error))}`,
      })),
    };
  }
  return {
    ok: true,
    json: {
      value: jsonc.getNodeValue(tree),
      locate(path) {
        for (let depth = path.length; depth >= 0; depth--) {
          const node = jsonc.findNodeAtLocation(tree, path.slice(0, depth));
          if (node === undefined) continue;
          // A property's key is where a reader looks for it, rather than its value.
          const at =
            depth === path.length && node.parent?.type === 'property'
              ? node.parent.offset
              : node.offset;
          return positionAt(text, at);
        }
        return { line: 1, column: 1 };
      },
    },
  };
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: "a closing '}' was expected",
  CloseBracketExpected: "a closing ']' was expected",
  EndOfFileExpected: 'text after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'an unterminated comment',
  UnexpectedEndOfString: 'an unterminated string',
  UnexpectedEndOfNumber: 'an unterminated number',
  InvalidUnicode: 'a malformed \\u escape',
  InvalidEscapeCharacter: 'a malformed escape',
  InvalidCharacter: 'a control character inside a string',
};
const syntaxWords = (code: string) => SYNTAX_WORDS[code] ?? code;

export type PolicyValidation =
  | { ok: true; statements: PolicyStatement[]; compiled: CompiledPolicy }
  | { ok: false; problems: LocatedProblem[] };

/**
 * A policy typed as text (on the page, or in a file): every problem with its line and column,
 * or the policy. Never throws; text over MAX_POLICY_TEXT_LENGTH is refused as such.
 */
export function validatePolicyDocument(
  text: string,
  kind: PolicyKind = 'identity',
  options: PolicyParseOptions = {},
): PolicyValidation {
  if (text.length > MAX_POLICY_TEXT_LENGTH)
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: 1,
          path: '',
          message: `is longer than ${MAX_POLICY_TEXT_LENGTH} characters`,
        },
      ],
    };
  const read = readPositionedJson(text);
  if (!read.ok) return read;
  const parsed = parsePolicy(read.json.value, kind, options);
  if (parsed.ok) return parsed;
  return {
    ok: false,
    problems: parsed.problems.map((problem) => ({
      ...read.json.locate(problem.path),
      path: formatJsonPath(problem.path).replace(/^\./, ''),
      message: problem.message,
    })),
  };
}
