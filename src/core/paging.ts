/**
 * The one paging loop of the gateway (issue 12): GraphQL lists, occurrences and `report(...)` cut their pages here
 * from a source of upstream pages (an export streams the same sources, page by page, without cutting them).
 *
 * A page of a connection answers `first` matching items, or all that remain; `hasNextPage` is true only when another
 * matching item exists (issue 21: never an empty or short page while rows remain). The walk is bounded by the
 * request's upstream share (MAX_UPSTREAM_CALLS_PER_REQUEST and its deadline: a coded error from the client) and by
 * `maxScanned` items (a RESULT_TOO_LARGE error), never by ending a page early. The upstream page a page's end lies
 * in is handed over to the request that resumes there (`handOver`, core/hand-over.ts), so paging to the end reads
 * each upstream page once.
 */

import type { CursorPosition } from './cursor.ts';

/** Where an upstream page starts: the position of its first item, without the offset. */
export type PageStart = Omit<CursorPosition, 'offset'>;

/** One upstream page of a source: its items (or report rows), where it starts and where the next one starts. */
export interface SourcePage<T> {
  items: readonly T[];
  at: PageStart;
  /** Null after the last page. */
  next: PageStart | null;
  /**
   * False when the source delivered only part of the page (a bound it was given cut it): such a page is never
   * handed over (core/hand-over.ts), as the request resuming at it would miss the rest. Default: whole.
   */
  complete?: boolean;
}

/**
 * Where a page cut from a source leaves the upstream page its end lies in, for the request that resumes there
 * (core/hand-over.ts): that request takes it instead of reading it again.
 */
export interface PageHandOff<T> {
  /** The page left at `at`, if any (only offered to a request that resumes from a cursor). */
  take(at: PageStart): SourcePage<T> | undefined;
  put(page: SourcePage<T>): void;
}

/**
 * A source of upstream pages from a position (the start of the page it resumes in). `wanted()` says how many
 * matching items the loop still needs, so a source without a local check can ask OfficeRnD for just those.
 */
export type PageSource<T> = (from: PageStart, wanted: () => number) => AsyncIterable<SourcePage<T>>;

export interface TakeOptions<T> {
  /** Where to start: a cursor's position (its offset: items of that page already delivered). */
  from: CursorPosition;
  /** How many matching items the page answers. */
  first: number;
  /** The gateway's exact check (dates, filters); items it refuses are skipped. */
  keep?: ((item: T) => boolean) | null;
  /**
   * Whether `keep` is expected to pass every item (OfficeRnD applied every filter it checks): then OfficeRnD's next
   * cursor says whether more follow, as without a check. Default: only without `keep`.
   */
  trustNext?: boolean;
  /** An item's identity: never the same one twice in one page, should OfficeRnD's pages overlap. */
  idOf?: ((item: T) => string | undefined) | null;
  /** Most items scanned for one page; past it, `tooMany()` is thrown (never a short page). */
  maxScanned: number;
  tooMany: () => Error;
  /** The hand-over of the page the end lies in (see PageHandOff); none: the next request reads it again. */
  handOver?: PageHandOff<T> | null;
}

export interface TakenPage<T> {
  items: { node: T; after: CursorPosition }[];
  /** True only when a matching item follows the page (see `more`). */
  hasNextPage: boolean;
  /** Where the next page starts: after the last item, or at the next matching item when one was looked for. */
  end: CursorPosition;
  /**
   * Set when the page filled up at the end of an upstream page and a check may drop everything after it: the look
   * for one more matching item, left to the caller (only a page whose `hasNextPage` is asked for pays its calls).
   * Until then `hasNextPage` is true and `end` is the next upstream page.
   */
  more?: () => Promise<{ hasNextPage: boolean; end: CursorPosition }>;
  /**
   * Set with `more`: ends the page without that look (its answer never says `hasNextPage`), closing the source, so
   * that what the source holds open is let go as when a page ends (a split read hands its pages read ahead over).
   */
  close?: () => Promise<void>;
}

const after = (at: PageStart, offset: number): CursorPosition => ({ ...at, offset });

/**
 * Cuts one page of `first` matching items from `source`. When `first` are found, the walk looks for one more
 * matching item: then `end` points at it, so the next page starts there without re-reading what was skipped; when
 * the source ends first, `hasNextPage` is false.
 */
export async function takePage<T>(source: PageSource<T>, options: TakeOptions<T>): Promise<TakenPage<T>> {
  const { first, keep, idOf, maxScanned } = options;
  const trustNext = options.trustNext ?? !keep;
  const items: TakenPage<T>['items'] = [];
  const seen = new Set<string>();
  const { offset: skip, ...start } = options.from;
  if (first === 0) return { items, hasNextPage: false, end: options.from };
  let end: CursorPosition = options.from;
  let scanned = 0;
  let from = skip;
  const wanted = () => first - items.length;
  // A page left by the previous page's request at exactly this position: start from it instead of reading it again.
  const handed = options.handOver?.take(start);
  const pages = (handed ? resumeFrom(handed, source, wanted) : source(start, wanted))[Symbol.asyncIterator]();
  // The page the end lies in waits for the request that resumes there (unless the source cut it short).
  const leave = (page: SourcePage<T>) => {
    if (page.complete !== false) options.handOver?.put(page);
  };
  const matches = (item: T): boolean => {
    if (keep && !keep(item)) return false;
    const id = idOf?.(item);
    if (id === undefined) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  };
  // The look for one more matching item after a full page, from the upstream page after `end`.
  const lookAhead = async (): Promise<{ hasNextPage: boolean; end: CursorPosition }> => {
    try {
      for (let step = await pages.next(); !step.done; step = await pages.next()) {
        const page = step.value;
        const index = page.items.findIndex(matches);
        if (index !== -1) {
          leave(page);
          return { hasNextPage: true, end: after(page.at, index) };
        }
        scanned += page.items.length;
        if (page.next === null) return { hasNextPage: false, end };
        if (scanned >= maxScanned) throw options.tooMany();
      }
      return { hasNextPage: false, end };
    } finally {
      await pages.return?.();
    }
  };
  for (let step = await pages.next(); !step.done; step = await pages.next()) {
    const page = step.value;
    for (let index = from; index < page.items.length; index += 1) {
      const item = page.items[index] as T;
      if (!matches(item)) continue;
      // One more matching item than the page answers: the next page starts at it.
      if (items.length === first) {
        await pages.return?.();
        leave(page);
        return { items, hasNextPage: true, end: after(page.at, index) };
      }
      const atPageEnd = index + 1 === page.items.length && page.next !== null;
      const position = atPageEnd && page.next ? after(page.next, 0) : after(page.at, index + 1);
      items.push({ node: item, after: position });
      end = position;
    }
    scanned += page.items.length - from;
    from = 0;
    if (page.next === null) return { items, hasNextPage: false, end };
    if (items.length === first) {
      // The page ended: the next starts at the following upstream page. Without a check every item matches, so
      // OfficeRnD's next cursor is the answer (`trustNext`); with one, the look for a matching item is left to `more`.
      end = after(page.next, 0);
      if (trustNext) {
        await pages.return?.();
        return { items, hasNextPage: true, end };
      }
      const close = async () => {
        await pages.return?.();
      };
      return { items, hasNextPage: true, end, more: lookAhead, close };
    }
    if (scanned >= maxScanned) throw options.tooMany();
  }
  // A source that stops before its last page (a bound it was given): what it read was all there is to find.
  return { items, hasNextPage: false, end };
}

/** A source resumed at a handed-over page: that page, then the source from the page after it. */
async function* resumeFrom<T>(handed: SourcePage<T>, source: PageSource<T>, wanted: () => number) {
  yield handed;
  if (handed.next !== null) yield* source(handed.next, wanted);
}
