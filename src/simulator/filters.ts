/**
 * v1 list query filters (shared/officernd-api.md §4): `field=value` equality, date comparisons in
 * dotted (`createdAt.$gte=`) or bracket (`createdAt[$gte]=`) form, string operators, `$select`.
 * A field or operator outside the simulator's model (model.ts) is a 400, so our client cannot come to
 * depend on something the real API may not do. Filters without public v1 evidence follow the
 * `V1FilterMode`: applied (`all`), silently ignored (`documented`) or refused with a 400 (`strict`).
 */

import { badRequest } from './http.ts';
import { parseIsoParam } from './dates.ts';
import { OBJECT_ID, V1_CONTROL_PARAMS, type FieldKind, type V1FilterMode } from './model.ts';

export type ItemPredicate = (item: object) => boolean;

/** What a list's filters are compiled against: its field kinds, its evidence and the mode. */
export interface FilterContext {
  fields: Readonly<Record<string, FieldKind>>;
  /** Whether this use of the field has public v1 evidence (§4). */
  documented(field: string, op: 'eq' | 'cmp' | 'string-op'): boolean;
  mode: V1FilterMode;
  /** Filters that are not plain field conditions (resource availability); undefined when `field` is not one. */
  special?(field: string, op: string | null, value: string): ItemPredicate | undefined;
}

export interface CompiledFilter {
  /** All conditions ANDed; null when the query has none. */
  predicate: ItemPredicate | null;
  /** Canonical text of the conditions: the same filter set always gives the same key. */
  key: string;
}

/** Paging and projection parameters, handled outside the filter compiler (§3, §4). */
export const CONTROL_PARAMS: ReadonlySet<string> = V1_CONTROL_PARAMS;

const COMPARISONS = new Set(['$gt', '$gte', '$lt', '$lte']);
const STRING_OPS = new Set(['$sw', '$swi', '$ew', '$ewi', '$cs', '$csi']);
const PARAM_KEY = /^([A-Za-z_][\w-]*)(?:\.(\$\w+)|\[(\$\w+)\])?$/;

const fieldOf = (item: object, field: string): unknown => (item as Record<string, unknown>)[field];

/** Splits `field`, `field.$op` and `field[$op]` (§4 v1 dotted; §10.1 accept the bracket form too). */
export function parseParamKey(key: string): { field: string; op: string | null } {
  const match = PARAM_KEY.exec(key);
  if (!match || match[1] === undefined) throw badRequest(`Unknown query parameter: ${key}`);
  return { field: match[1], op: match[2] ?? match[3] ?? null };
}

/** Equality: strings and ids compare as text, booleans and numbers by their text form. */
export function equals(field: string, expected: string): ItemPredicate {
  return (item) => {
    const actual = fieldOf(item, field);
    if (typeof actual === 'string') return actual === expected;
    if (typeof actual === 'boolean' || typeof actual === 'number') return String(actual) === expected;
    // Sparse booleans: an absent flag reads as false (§6.1 "absent ⇒ false").
    return actual === undefined && expected === 'false';
  };
}

function comparison(field: string, op: string, value: string): ItemPredicate {
  const bound = parseIsoParam(value, `${field}.${op}`);
  const iso = new Date(bound).toISOString();
  // Canonical wire timestamps sort as text (§4), which avoids parsing every item's date.
  const textBound = iso.length === 24 ? iso : null;
  const accept: (sign: number) => boolean =
    op === '$gt' ? (s) => s > 0 : op === '$gte' ? (s) => s >= 0 : op === '$lt' ? (s) => s < 0 : (s) => s <= 0;
  return (item) => {
    const actual = fieldOf(item, field);
    if (typeof actual !== 'string') return false;
    if (textBound !== null && actual.length === 24 && actual[10] === 'T' && actual[23] === 'Z') {
      return accept(actual < textBound ? -1 : actual > textBound ? 1 : 0);
    }
    const ms = Date.parse(actual);
    return !Number.isNaN(ms) && accept(ms - bound);
  };
}

function stringOperator(field: string, op: string, value: string): ItemPredicate {
  const insensitive = op.endsWith('i');
  const needle = insensitive ? value.toLowerCase() : value;
  const kind = op.slice(0, 3);
  return (item) => {
    const actual = fieldOf(item, field);
    if (typeof actual !== 'string') return false;
    const text = insensitive ? actual.toLowerCase() : actual;
    if (kind === '$sw') return text.startsWith(needle);
    if (kind === '$ew') return text.endsWith(needle);
    return text.includes(needle);
  };
}

/** The evidence class of an operator: equality, comparison, string operator, or none the API knows. */
function opClass(op: string | null): 'eq' | 'cmp' | 'string-op' | null {
  if (op === null) return 'eq';
  if (COMPARISONS.has(op)) return 'cmp';
  if (STRING_OPS.has(op)) return 'string-op';
  return null;
}

/** Compiles one `key=value` condition against a field-kind table. */
export function compileCondition(
  fields: Readonly<Record<string, FieldKind>>,
  key: string,
  value: string,
): { canonical: string; predicate: ItemPredicate } {
  const { field, op } = parseParamKey(key);
  if (op !== null && !COMPARISONS.has(op) && !STRING_OPS.has(op))
    throw badRequest(`Unsupported operator ${op} on ${field}`);
  const kind = Object.hasOwn(fields, field) ? fields[field] : undefined;
  if (kind === undefined) throw badRequest(`Unknown filter field: ${field}`);
  const canonical = op === null ? field : `${field}.${op}`;
  if (op === null) {
    if (kind === 'date') throw badRequest(`Field ${field} only supports $gt, $gte, $lt, $lte`);
    // §4: reference filters take the 24-hex id.
    if (kind === 'ref' && !OBJECT_ID.test(value)) throw badRequest(`${field} must be a 24-hex id`);
    return { canonical, predicate: equals(field, value) };
  }
  if (COMPARISONS.has(op)) {
    if (kind !== 'date') throw badRequest(`Unsupported operator ${op} on ${field}`);
    return { canonical, predicate: comparison(field, op, value) };
  }
  if (kind !== 'string') throw badRequest(`Unsupported operator ${op} on ${field}`);
  return { canonical, predicate: stringOperator(field, op, value) };
}

/** ANDs predicates; null for none. */
export function allOf(predicates: readonly ItemPredicate[]): ItemPredicate | null {
  if (predicates.length === 0) return null;
  if (predicates.length === 1) return predicates[0] ?? null;
  return (item) => predicates.every((p) => p(item));
}

/**
 * Compiles every non-control parameter of a list query; unknown fields and operators are 400s.
 * A filter without public v1 evidence is applied, skipped or refused as `context.mode` says.
 */
export function compileFilters(params: URLSearchParams, context: FilterContext): CompiledFilter {
  const predicates: ItemPredicate[] = [];
  const parts: string[] = [];
  for (const [key, value] of params) {
    if (CONTROL_PARAMS.has(key)) continue;
    if (key.startsWith('$')) throw badRequest(`Unsupported query parameter: ${key}`);
    const { field, op } = parseParamKey(key);
    const cls = opClass(op);
    if (context.mode !== 'all' && (cls === null || !context.documented(field, cls))) {
      // §4: what v1 does with an undocumented filter is unknown; `documented` ignores it, `strict` refuses it.
      if (context.mode === 'documented') continue;
      throw badRequest(`Unsupported filter: ${key} (no public v1 evidence)`);
    }
    const special = context.special?.(field, op, value);
    const condition = special ? { canonical: key, predicate: special } : compileCondition(context.fields, key, value);
    predicates.push(condition.predicate);
    parts.push(JSON.stringify([condition.canonical, value]));
  }
  return { predicate: allOf(predicates), key: parts.sort().join(',') };
}

/** Reads `$select=a,b` (§4); an empty selection is a 400. */
export function parseSelect(params: URLSearchParams): string[] | null {
  const raw = params.get('$select');
  if (raw === null) return null;
  const fields = raw
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  if (fields.length === 0) throw badRequest('$select must name at least one field');
  return fields;
}

/** Projects an item onto the selected top-level fields; the key (`_id`, or `id` on resource types) is always kept (§4). */
export function applySelect(item: object, select: readonly string[]): Record<string, unknown> {
  const source = item as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['_id', 'id', ...select]) if (key in source) out[key] = source[key];
  return out;
}
