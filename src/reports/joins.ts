/**
 * Loading what joined columns point at, one level of references at a time for a batch of rows: every join of a
 * level is asked for in the same tick, so the per-request loaders batch them, and an object already loaded in the
 * request costs nothing.
 */

import { WalkTooLargeError, type Loaders } from '../loaders/index.ts';
import { COLLECTIONS, V1_PAGE_LIMIT, type ListCollection } from '../officernd/collections.ts';
import { refKey, valueAt } from './paths.ts';
import type { JoinSpec } from './registry.ts';

/**
 * After this many distinct ids of one collection, a report reads the whole collection once instead of one GET per
 * id (v1 has no multi-id filter, §8): a long export that joins members then costs at most this many GETs plus one
 * walk of the members, where it would otherwise cost one GET per distinct member.
 */
export const WALK_AFTER_IDS = V1_PAGE_LIMIT;

/** Loaded join targets: join key (`member`, `member.team`) → reference → object. */
export type Joined = Map<string, Map<string, object>>;

/** A join a column needs, with the joins its target's columns need in turn. */
export interface JoinNode {
  /** Full key, e.g. `member` or `member.team`. */
  key: string;
  join: JoinSpec;
  /** The reference is read from the expanded element rather than the object. */
  fromElement: boolean;
  children: Map<string, JoinNode>;
}

/** What one report has read by id so far, to switch a heavily joined collection to one walk. */
export interface ReadPlan {
  seen: Map<ListCollection, Set<string>>;
  walked: Set<ListCollection>;
}

/** A fresh read plan for one report. */
export function createReadPlan(): ReadPlan {
  return { seen: new Map(), walked: new Set() };
}

/** Loads one level of joins for these objects (all joins of the level in the same tick, so loaders batch them). */
export async function resolveLevel(
  nodes: Map<string, JoinNode>,
  items: readonly unknown[],
  elements: readonly unknown[],
  loaders: Loaders,
  joined: Joined,
  reads: ReadPlan,
): Promise<void> {
  await Promise.all(
    [...nodes.values()].map(async (node) => {
      const refs = new Set<string>();
      for (const source of node.fromElement ? elements : items) {
        if (source === undefined) continue;
        const ref = refKey(valueAt(source, node.join.path));
        if (ref !== null) refs.add(ref);
      }
      const found = await loadTargets(node.join, [...refs], loaders, reads);
      joined.set(node.key, found);
      if (node.children.size > 0) await resolveLevel(node.children, [...found.values()], [], loaders, joined, reads);
    }),
  );
}

/** Reads the whole collection once it has been asked for more than WALK_AFTER_IDS ids (the loaders then answer from it). */
async function walkWhenCheaper(collection: ListCollection, refs: readonly string[], loaders: Loaders, reads: ReadPlan): Promise<void> {
  if (COLLECTIONS[collection].catalog || reads.walked.has(collection)) return;
  let seen = reads.seen.get(collection);
  if (!seen) reads.seen.set(collection, (seen = new Set()));
  for (const ref of refs) seen.add(ref);
  if (seen.size <= WALK_AFTER_IDS) return;
  reads.walked.add(collection);
  reads.seen.delete(collection);
  try {
    await loaders.all(collection);
  } catch (error) {
    // Too large to hold: stay with one GET per id.
    if (!(error instanceof WalkTooLargeError)) throw error;
  }
}

/** The objects some references point at: by id through `loaders.byId`, or by key from the whole (catalogue) list. */
async function loadTargets(join: JoinSpec, refs: readonly string[], loaders: Loaders, reads: ReadPlan): Promise<Map<string, object>> {
  const found = new Map<string, object>();
  if (refs.length === 0) return found;
  if (join.key !== undefined) {
    const field = join.key;
    for (const collection of join.collections) {
      for (const item of await loaders.all(collection)) {
        const ref = refKey(valueAt(item, field));
        if (ref !== null && !found.has(ref)) found.set(ref, item);
      }
    }
    return found;
  }
  let missing = refs;
  for (const collection of join.collections) {
    if (missing.length === 0) break;
    await walkWhenCheaper(collection, missing, loaders, reads);
    const results = await loaders.byId(collection).loadMany(missing);
    results.forEach((result, index) => {
      // A failed lookup fails the page: a joined column is never silently left empty.
      if (result instanceof Error) throw result;
      const ref = missing[index];
      if (result && ref !== undefined) found.set(ref, result);
    });
    missing = missing.filter((ref) => !found.has(ref));
  }
  return found;
}
