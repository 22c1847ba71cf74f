import { beforeAll, describe, expect, it } from 'vitest';
import { type SplitPage, splitPages } from '../../src/core/sub-windows.ts';
import { createTestStack, type TestStack } from '../helpers.ts';

// splitPages resumed (issue 21: GraphQL cursors carry the sub-window position): from a sub-window's upstream cursor
// it reads exactly what a read from the start reads from there on; a stopped reader is told every page it read but
// did not deliver (the pages read ahead, for the hand-over); pages in hand are taken instead of read. Over the
// simulator's bookings, split on createdAt at points of our choosing.

type Row = { _id: string; createdAt?: string };

let stack: TestStack;
let points: number[];
let whole: SplitPage<Row>[];

const readOf = (extra: Partial<Parameters<typeof splitPages<Row>>[0]> = {}) =>
  splitPages<Row>({
    officernd: stack.officernd,
    collection: 'bookings',
    query: {},
    field: 'createdAt',
    points,
    concurrency: 4,
    ...extra,
  });

const ids = (pages: readonly SplitPage<Row>[]) => pages.flatMap((p) => p.items.map((item) => item._id));
const listCalls = () => stack.simulator.log.count({ kind: 'api', collection: 'bookings' });

beforeAll(async () => {
  stack = createTestStack();
  const created = stack.simulator.dataset.collections.bookings
    .map((b) => Date.parse((b as Row).createdAt ?? ''))
    .sort((a, b) => a - b);
  // Five sub-windows of about equal rows, each several pages.
  points = [1, 2, 3, 4].map((i) => created[Math.floor((created.length * i) / 5)] as number);
  whole = [];
  for await (const page of readOf()) whole.push(page);
  expect(whole.length).toBeGreaterThan(10);
  expect(new Set(whole.map((p) => p.sub)).size).toBe(5);
}, 60_000);

describe('a split read resumed at a sub-window', () => {
  it('reads from a cursor exactly what the whole read reads from there on', async () => {
    // A page in the middle of a sub-window past the first.
    const at = whole.findIndex((p, i) => p.sub === 2 && i > 0 && whole[i - 1]?.sub === 2);
    const from = whole[at] as SplitPage<Row>;
    const rest: SplitPage<Row>[] = [];
    for await (const page of readOf({ from: { sub: from.sub, cursor: from.cursor ?? null } })) rest.push(page);
    expect(ids(rest)).toEqual(ids(whole.slice(at)));
    expect(rest.map((p) => [p.sub, p.cursor, p.next])).toEqual(whole.slice(at).map((p) => [p.sub, p.cursor, p.next]));
  });

  it('tells a stopped reader every page it read ahead, once the reads in flight settle', async () => {
    const left: SplitPage<Row>[] = [];
    const delivered: SplitPage<Row>[] = [];
    stack.simulator.log.reset();
    for await (const page of readOf({ leftover: (page) => left.push(page) })) {
      delivered.push(page);
      if (delivered.length === 2) break;
    }
    // Every call the read made is a page delivered or handed back: none read for nothing.
    expect(delivered.length + left.length).toBe(listCalls());
    expect(left.length).toBeGreaterThan(0);
    const key = (p: SplitPage<Row>) => JSON.stringify([p.sub, p.cursor]);
    const byKey = new Map(whole.map((p) => [key(p), p]));
    for (const page of [...delivered, ...left]) {
      expect(page.items.map((item) => item._id)).toEqual(byKey.get(key(page))?.items.map((item) => item._id));
      expect(page.next).toBe(byKey.get(key(page))?.next);
    }
  });

  it('takes the pages in hand instead of reading them', async () => {
    const inHand = new Map(whole.filter((p) => p.sub === 1).map((p) => [JSON.stringify([p.sub, p.cursor]), p]));
    const first = whole.findIndex((p) => p.sub === 1);
    stack.simulator.log.reset();
    const rest: SplitPage<Row>[] = [];
    for await (const page of readOf({
      from: { sub: 1, cursor: null },
      handed: (sub, cursor) => {
        const page = inHand.get(JSON.stringify([sub, cursor]));
        return page ? { items: page.items, next: page.next ?? null } : undefined;
      },
    }))
      rest.push(page);
    expect(ids(rest)).toEqual(ids(whole.slice(first)));
    // Sub-window 1 came from memory: only the pages of sub-windows 2 … 4 were read.
    expect(listCalls()).toBe(whole.filter((p) => p.sub > 1).length);
  });
});
