// Insomnia's Nunjucks templates in the playground's `{{name}}`: `{{ _.host }}`, `{{ _['my-key'] }}`,
// the older `{{ host }}`, nested data `{{ _.aws.region }}` (whose variable is named `aws.region`,
// see insomniaEnvironment.ts) and vault secrets `{{ vault.token }}`. Filters, expressions and
// template tags (`{% response … %}`, `{% uuid %}`) have no equivalent: they stay as written and are
// counted, so the importer can say so.

/** Same bound as collections/resolveVariables.ts: a match never runs past another brace. */
const EXPRESSION = /\{\{([^{}]{0,500})\}\}/g;
const TAG = /\{%[^{}]{0,500}%\}/;
const PATH = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*){0,16}$/;
const BRACKETED = /^_\[\s*(?:'([^'{}]{1,500})'|"([^"{}]{1,500})")\s*\]$/;
/** Where Insomnia keeps vault secrets in an environment (`vault`, once `__insomnia_vault`). */
export const VAULT_KEYS = ['vault', '__insomnia_vault'];

export interface TemplateTally {
  /** Filters or expressions kept as written. */
  expressions: number;
  /** `{% … %}` template tags kept as written. */
  tags: number;
}

export function createTemplateTally(): TemplateTally {
  return { expressions: 0, tags: 0 };
}

/** The variable a `{{ … }}` names, or undefined for an expression. */
function variableName(inside: string): string | undefined {
  const trimmed = inside.trim();
  const bracketed = BRACKETED.exec(trimmed);
  if (bracketed !== null) return bracketed[1] ?? bracketed[2];
  const path = trimmed.startsWith('_.') ? trimmed.slice(2) : trimmed;
  if (!PATH.test(path)) return undefined;
  for (const vault of VAULT_KEYS) {
    if (path.startsWith(`${vault}.`)) return path.slice(vault.length + 1);
  }
  return path;
}

export function convertInsomniaTemplate(text: string, tally: TemplateTally): string {
  if (TAG.test(text)) tally.tags++;
  if (!text.includes('{{')) return text;
  return text.replace(EXPRESSION, (whole, inside: string) => {
    const name = variableName(inside);
    if (name === undefined) {
      tally.expressions++;
      return whole;
    }
    return `{{${name}}}`;
  });
}

export function templateNotes(tally: TemplateTally): string[] {
  const notes: string[] = [];
  if (tally.tags > 0)
    notes.push(
      `${tally.tags === 1 ? '1 value uses' : `${tally.tags} values use`} Insomnia template tags ({% … %}, such as response, uuid or prompt): kept as written, the playground does not run them.`,
    );
  if (tally.expressions > 0)
    notes.push(
      `${tally.expressions === 1 ? '1 {{ … }} expression' : `${tally.expressions} {{ … }} expressions`} with filters or code (not a variable name) ${tally.expressions === 1 ? 'was' : 'were'} kept as written: replace them with a value or a {{variable}}.`,
    );
  return notes;
}
