/**
 * v1 `$populate=<ref>.<field>[,…]` (shared/officernd-api.md §2, §4: `/members?$populate=office.name` turns `office`
 * into `{_id, name}`; v1 lists only, v2 has removed it). The simulator's reading of it, kept simple:
 * - each entry names a single reference of the listed object and one top-level field of what it points at;
 *   entries on the same reference merge (`member.name,member.email` → `{_id, name, email}`);
 * - a field that is not a single reference of the collection (§6, V1_REF_TARGETS) is left as it is;
 * - a dangling reference (§6: normal) stays a bare id, as does one to objects the simulator does not serve
 *   (`createdBy`: OfficeRnD users);
 * - `$select` applies first: a reference it leaves out is not added back;
 * - single GETs and booking occurrences ignore it (§2: "collections only" per the newer doc).
 * What the mode (`V1PopulateMode`) makes of it is decided here too, and which references a server that honours it
 * still leaves bare (`unpopulated`: nothing documents that every reference can be populated, so one may not be).
 */

import { badRequest } from './http.ts';
import { V1_MODEL, V1_REF_TARGETS, type V1Collection, type V1PopulateMode } from './model.ts';

/** Reference field → fields of the target to copy (besides `_id`). */
export type PopulateSpec = ReadonlyMap<string, readonly string[]>;

const ENTRY = /^([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * The `$populate` of a v1 list, or null when there is none or the mode ignores it; a 400 when the mode refuses it
 * (as v1 answers an unknown parameter) or an entry is not `<ref>.<field>`. Entries on a reference of `unpopulated`
 * are skipped as if they named no reference: that reference stays a bare id, the others are populated.
 */
export function parsePopulate(
  params: URLSearchParams,
  collection: V1Collection,
  mode: V1PopulateMode,
  unpopulated: readonly string[] = [],
): PopulateSpec | null {
  const raw = params.get('$populate');
  // A server that ignores the parameter does not read it either.
  if (raw === null || mode === 'ignored') return null;
  if (mode === 'refused') throw badRequest('Unsupported query parameter: $populate');
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) throw badRequest('$populate must name at least one field');
  const spec = new Map<string, string[]>();
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match?.[1] || !match[2]) throw badRequest(`$populate entries are <reference>.<field>, got "${entry}"`);
    const [, ref, field] = match;
    // Only single references of the collection are followed (§6 `ref` fields with a known target).
    if (V1_MODEL[collection].fields[ref] !== 'ref' || !V1_REF_TARGETS[ref] || unpopulated.includes(ref)) continue;
    const fields = spec.get(ref) ?? [];
    if (!fields.includes(field)) fields.push(field);
    spec.set(ref, fields);
  }
  return spec;
}

/** Canonical text of a spec (the JSON cache keeps one projection per selection and population). */
export const populateKey = (spec: PopulateSpec): string =>
  [...spec]
    .map(([ref, fields]) => `${ref}.${[...fields].sort().join('+')}`)
    .sort()
    .join(',');

/**
 * An object with its references populated: `{_id, <fields the target has>}` in place of each id the spec names and
 * `lookup` finds; anything else unchanged. `item` is never modified.
 */
export function populateItem(
  item: Record<string, unknown>,
  spec: PopulateSpec,
  lookup: (collection: V1Collection, id: string) => object | undefined,
): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const [ref, fields] of spec) {
    const id = item[ref];
    if (typeof id !== 'string') continue;
    let target: Record<string, unknown> | undefined;
    for (const collection of V1_REF_TARGETS[ref] ?? []) {
      target = lookup(collection, id) as Record<string, unknown> | undefined;
      if (target) break;
    }
    if (!target) continue;
    const populated: Record<string, unknown> = { _id: id };
    for (const field of fields) if (field in target) populated[field] = target[field];
    out ??= { ...item };
    out[ref] = populated;
  }
  return out ?? item;
}
