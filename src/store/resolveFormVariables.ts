// The form with its `{{name}}` references resolved, before anything is signed: the URL, header
// names and values, the text body, a hand-set region or service and SigV4A's region set. The
// form keeps the references (they are what is saved and shared); the plan signs the values.
import type { Collection, Environment } from '../collections/collectionModel';
import {
  hasReferences,
  resolveText,
  type VariableScope,
  type VariableUse,
} from '../collections/resolveVariables';
import { locateCollection } from './collectionEditor';
import type { OptionsFields, PlaygroundState, RequestFields } from './playgroundState';

/** Which field a problem is in: a header row by its id (the plan maps it to the input's index). */
export type VariableTarget =
  'url' | 'region' | 'service' | 'regionSet' | 'body' | { rowId: string; part: 'name' | 'value' };

export interface VariableProblem {
  target: VariableTarget;
  message: string;
}

export interface ResolvedForm {
  request: RequestFields;
  options: OptionsFields;
  /** Every variable the form used, once, in order: where each value came from. */
  used: VariableUse[];
  /** Unresolved references and other problems, per field. */
  problems: VariableProblem[];
  /** The fields that held a reference: a validator's fix must not write values over them. */
  templated: VariableTarget[];
}

/**
 * The scopes `{{name}}` reads, most specific first: the active environment, then the collection
 * the form's request was opened from (its variables are the defaults).
 */
function variableScopes(
  environment: Environment | undefined,
  collection: Collection | undefined,
): VariableScope[] {
  const scopes: VariableScope[] = [];
  if (environment !== undefined)
    scopes.push({ kind: 'environment', label: environment.name, variables: environment.variables });
  if (collection !== undefined)
    scopes.push({ kind: 'collection', label: collection.name, variables: collection.variables });
  return scopes;
}

/** The scopes for the store's state: its active environment and savedFrom's collection. */
export function stateVariableScopes(
  state: Pick<PlaygroundState, 'environments' | 'collections' | 'request'>,
): VariableScope[] {
  const { environments, collections, request } = state;
  const environment =
    environments.activeId === null
      ? undefined
      : environments.list.find((each) => each.id === environments.activeId);
  const collectionId = request.savedFrom?.collectionId;
  const collection =
    collectionId === undefined
      ? undefined
      : locateCollection(collections, collectionId)?.collection;
  return variableScopes(environment, collection);
}

function describeMissing(names: readonly string[], scopes: readonly VariableScope[]): string {
  const list = names.map((name) => `{{${name}}}`).join(', ');
  const where =
    scopes.length === 0
      ? 'no environment is chosen and the request is not from a collection'
      : `not defined in ${scopes.map((scope) => `${scope.kind} “${scope.label}”`).join(' or ')}`;
  return `${list} ${names.length === 1 ? 'is' : 'are'} ${where}: define ${names.length === 1 ? 'it' : 'them'}, or choose another environment.`;
}

/** Resolves the form's references through `scopes`; the same objects back when there are none. */
export function resolveFormVariables(
  request: RequestFields,
  options: OptionsFields,
  scopes: readonly VariableScope[],
): ResolvedForm {
  const used = new Map<string, VariableUse>();
  const problems: VariableProblem[] = [];
  const templated: VariableTarget[] = [];

  const resolve = (target: VariableTarget, text: string): string => {
    if (!hasReferences(text)) return text;
    templated.push(target);
    const result = resolveText(text, scopes);
    for (const use of result.used) if (!used.has(use.name)) used.set(use.name, use);
    if (result.problem !== null) problems.push({ target, message: result.problem });
    else if (result.unresolved.length > 0)
      problems.push({ target, message: describeMissing(result.unresolved, scopes) });
    return result.text;
  };
  const resolveOverride = (target: 'region' | 'service', value: string | null) =>
    value === null ? null : resolve(target, value);

  const url = resolve('url', request.url);
  const headers = request.headers.map((row) => {
    const name = resolve({ rowId: row.id, part: 'name' }, row.name);
    const value = resolve({ rowId: row.id, part: 'value' }, row.value);
    return name === row.name && value === row.value ? row : { ...row, name, value };
  });
  const bodyText = request.bodySource === 'text' ? resolve('body', request.bodyText) : '';
  const regionOverride = resolveOverride('region', request.regionOverride);
  const serviceOverride = resolveOverride('service', request.serviceOverride);
  const regionSet = options.algorithm === 'sigv4a' ? resolve('regionSet', options.regionSet) : '';

  if (templated.length === 0) return { request, options, used: [], problems, templated };
  return {
    request: {
      ...request,
      url,
      headers,
      ...(request.bodySource === 'text' ? { bodyText } : {}),
      regionOverride,
      serviceOverride,
    },
    options: options.algorithm === 'sigv4a' ? { ...options, regionSet } : options,
    used: [...used.values()],
    problems,
    templated,
  };
}
