/**
 * Columns of a flat report: dotted paths of the object (`address.city`), of the expanded element
 * (`fees.date`), of custom properties (`properties.<key>`), and of joined objects (`member.name`,
 * `member.team.name`). Joined columns are read through the per-request loaders once per page of rows (joins.ts):
 * every join costs one loader batch per page and level, never a call per row.
 */

import type { ListCollection } from '../officernd/collections.ts';
import { cellConverter, type InvalidCells } from './cells.ts';
import { columnInfo } from './column-types.ts';
import { ReportInputError } from './errors.ts';
import { expandSpecOf, type Row } from './expand.ts';
import { createReadPlan, resolveLevel, type JoinEnv, type Joined, type JoinNode } from './joins.ts';
import { pathReader, refKey, toCell, type Cell } from './paths.ts';
import { reportOfCollection, type JoinSpec, type ReportSpec } from './registry.ts';

/** How many references a column may follow (`member.team.office.name` is 3). */
export const MAX_JOIN_DEPTH = 3;

export interface ColumnPlan {
  readonly columns: readonly string[];
  /** Top-level fields of the report's objects the columns read (their own, expanded arrays, join references). */
  readonly fields: ReadonlySet<string>;
  /** The joins the columns start with (`member` of `member.name`), each with its deeper ones (joins.ts). */
  readonly joins: ReadonlyMap<string, JoinNode>;
  /**
   * Loads the objects the joined columns of these rows point at. `ahead`: rows the report will still deliver after
   * these (null: unknown, more pages follow), which decides when a joined collection is cheaper read whole.
   */
  resolve(rows: readonly Row[], env: JoinEnv, ahead?: number | null): Promise<Joined>;
  /** The cells of one row, in column order. */
  cells(row: Row, joined: Joined): Cell[];
  /** The cells left empty so far because OfficeRnD sent a value they cannot hold (an unreadable date); null: none. */
  invalid(): InvalidCells | null;
}

/** How many unreadable cells a report names (all are counted). */
const INVALID_SAMPLES = 20;

/** Reads one cell of a row: its object, its expanded element (undefined: none), and the page's joined objects. */
type Getter = (item: object, element: unknown, joined: Joined) => Cell;

/** Notes a cell left empty: the record holding the value, the column, the value. */
type OnInvalid = (item: object, column: string, value: unknown) => void;

interface Scope {
  spec: ReportSpec;
  expand: string | null;
  prefix: string;
  depth: number;
  nodes: Map<string, JoinNode>;
  /** Top-level fields the compiled columns read of this scope's object (what a walk of it must keep). */
  fields: Set<string>;
  onInvalid: OnInvalid;
}

/** The columns written when none are asked for: the object's, with the expanded field's replaced by its element's. */
export function defaultColumns(spec: ReportSpec, expand: string | null): string[] {
  if (expand === null) return [...spec.columns];
  const element = elementColumns(spec, expand);
  const at = spec.columns.indexOf(expand);
  if (at < 0) return [...spec.columns, ...element];
  return [...spec.columns.slice(0, at), ...element, ...spec.columns.slice(at + 1)];
}

/** `<field>.<path>` for each element path; `<field>` alone when the elements are plain values. */
export function elementColumns(spec: ReportSpec, expand: string): string[] {
  const sub = expandSpecOf(spec, expand).columns;
  return sub.length === 0 ? [expand] : sub.map((path) => `${expand}.${path}`);
}

/** The joins a column may start with: the object's, plus the expanded element's. */
export function joinsOf(
  spec: ReportSpec,
  expand: string | null,
): Record<string, { join: JoinSpec; fromElement: boolean }> {
  const out: Record<string, { join: JoinSpec; fromElement: boolean }> = {};
  for (const [name, join] of Object.entries(spec.joins)) out[name] = { join, fromElement: false };
  const element = expand === null ? undefined : expandSpecOf(spec, expand).joins;
  for (const [name, join] of Object.entries(element ?? {})) out[name] = { join, fromElement: true };
  return out;
}

/** Checks the requested columns (default: all of the object's) and compiles how each is read. */
export function planColumns(spec: ReportSpec, expand: string | null, requested: readonly string[] | null): ColumnPlan {
  // Checked first: an inherited name (`constructor`) is not a field, whatever the caller checked before.
  if (expand !== null) expandSpecOf(spec, expand);
  const columns = requested ?? defaultColumns(spec, expand);
  const roots = new Map<string, JoinNode>();
  const reads = createReadPlan();
  // The plan lives for one request (prepareReport), so what it notes belongs to this report only.
  const invalid: InvalidCells = { count: 0, cells: [] };
  const onInvalid: OnInvalid = (item, column, value) => {
    invalid.count += 1;
    if (invalid.cells.length < INVALID_SAMPLES)
      invalid.cells.push({ id: recordId(item), column, value: String(value).slice(0, 60) });
  };
  const scope: Scope = { spec, expand, prefix: '', depth: 0, nodes: roots, fields: new Set(), onInvalid };
  const seen = new Set<string>();
  const getters = columns.map((column) => {
    if (seen.has(column)) throw new ReportInputError(`Column "${column}" is asked for twice`, 'columns');
    seen.add(column);
    const getter = compile(scope, column);
    if (!getter) throw unknownColumn(spec, expand, column);
    return getter;
  });
  // Rows are one per element whatever the columns read: the expanded field comes back even when no column reads it
  // (`columns: ["_id"]` with `expand`), or `$select` would leave it out and give one row per object.
  if (expand !== null) scope.fields.add(expand);
  keepFields(roots, reads.fields);
  return {
    columns,
    fields: scope.fields,
    joins: roots,
    resolve: async (rows, env, ahead = null) => {
      const joined: Joined = new Map();
      if (roots.size === 0) return joined;
      reads.rows += rows.length;
      // Unknown: at least one more page like this one.
      reads.ahead = ahead ?? rows.length;
      await resolveLevel(
        roots,
        rows.map((row) => row.item),
        rows.map((row) => row.element),
        env,
        joined,
        reads,
      );
      return joined;
    },
    cells: (row, joined) => getters.map((getter) => getter(row.item, row.element, joined)),
    invalid: () => (invalid.count === 0 ? null : { count: invalid.count, cells: [...invalid.cells] }),
  };
}

/** The id of a wire record (`_id`; v1 resource types key by `id`, §6.18). */
function recordId(item: object): string | null {
  const record = item as { _id?: unknown; id?: unknown };
  const id = record._id ?? record.id;
  return typeof id === 'string' ? id : null;
}

const topField = (path: string): string => path.split('.')[0] ?? path;

/** The fields each joined collection's columns read, over all joins that reach it (a walk keeps only these). */
function keepFields(nodes: Map<string, JoinNode>, out: Map<ListCollection, Set<string>>): void {
  for (const node of nodes.values()) {
    for (const collection of node.join.collections) {
      const fields = out.get(collection) ?? new Set<string>();
      out.set(collection, fields);
      for (const field of node.fields) fields.add(field);
    }
    keepFields(node.children, out);
  }
}

function unknownColumn(spec: ReportSpec, expand: string | null, column: string): ReportInputError {
  const joins = Object.fromEntries(
    Object.entries(joinsOf(spec, expand)).map(([name, { join }]) => [`${name}.*`, join.collections[0]]),
  );
  return new ReportInputError(
    `Unknown column "${column}" in report ${spec.name}: use one of the listed columns, ` +
      `<join>.<column of that report> for a listed join${spec.openMaps.length > 0 ? ', or properties.<key>' : ''}` +
      (expand === null && Object.keys(spec.expand).length > 0 ? ' (element columns need expand)' : ''),
    'columns',
    { columns: defaultColumns(spec, expand), joins },
  );
}

function compile(scope: Scope, column: string): Getter | null {
  const { spec, expand } = scope;
  if (defaultColumns(spec, expand).includes(column)) {
    const convert = cellConverter(columnInfo(spec, column, expand)?.type ?? 'json');
    // The column as the caller named it (`member.startDate` for a joined one), for the note of an unreadable value.
    const named = `${scope.prefix}${column}`;
    const { onInvalid } = scope;
    /** The cell, or empty with a note when the value cannot be read (issue 14.7: never a silent empty cell). */
    const cellOf = (item: object, value: unknown): Cell => {
      const cell = convert(value);
      if (cell !== undefined) return cell;
      onInvalid(item, named, value);
      return null;
    };
    if (expand !== null && (column === expand || column.startsWith(`${expand}.`))) {
      scope.fields.add(expand);
      const sub = pathReader(column === expand ? '' : column.slice(expand.length + 1));
      return (item, element) => (element === undefined ? null : cellOf(item, sub(element)));
    }
    scope.fields.add(topField(column));
    const read = pathReader(column);
    return (item) => cellOf(item, read(item));
  }
  for (const map of spec.openMaps) {
    if (column.startsWith(`${map}.`) && column.length > map.length + 1) {
      // Custom property keys may contain dots: everything after the map name is the key (§6 `properties`).
      const key = column.slice(map.length + 1);
      scope.fields.add(map);
      const readMap = pathReader(map);
      // An own key only: `properties.constructor` or `properties.__proto__` is a custom property, not what every
      // object inherits (issue 14.6).
      return (item) => {
        const properties = readMap(item);
        return typeof properties === 'object' && properties !== null && Object.hasOwn(properties, key)
          ? toCell((properties as Record<string, unknown>)[key])
          : null;
      };
    }
  }
  if (scope.depth >= MAX_JOIN_DEPTH) return null;
  // The longest join name that prefixes the column wins (`fees.fee.name` is the `fees.fee` join).
  const candidates = Object.entries(joinsOf(spec, expand))
    .filter(([name]) => column.startsWith(`${name}.`))
    .sort(([a], [b]) => b.length - a.length);
  const match = candidates[0];
  if (!match) return null;
  const [name, { join, fromElement }] = match;
  const collection = join.collections[0];
  if (!collection) return null;
  const key = `${scope.prefix}${name}`;
  const node = scope.nodes.get(name) ?? {
    key,
    join,
    fromElement,
    read: pathReader(join.path),
    children: new Map<string, JoinNode>(),
    fields: new Set<string>(),
  };
  const inner = compile(
    {
      spec: reportOfCollection(collection),
      expand: null,
      prefix: `${key}.`,
      depth: scope.depth + 1,
      nodes: node.children,
      fields: node.fields,
      onInvalid: scope.onInvalid,
    },
    column.slice(name.length + 1),
  );
  if (!inner) return null;
  scope.nodes.set(name, node);
  scope.fields.add(fromElement && expand !== null ? expand : topField(join.path));
  const { read } = node;
  return (item, element, joined) => {
    const ref = refKey(read(fromElement ? element : item));
    const target = ref === null ? undefined : joined.get(key)?.get(ref);
    return target === undefined ? null : inner(target, undefined, joined);
  };
}
