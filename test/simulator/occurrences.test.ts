import { beforeAll, describe, expect, it } from 'vitest';
import type { WireBooking } from '../../src/officernd/types.ts';
import { createSimulator, type Dataset, type Simulator } from '../../src/simulator/index.ts';
import { apiCaller, smallDataset, walk, type ApiCaller } from './support.ts';

type Occurrence = WireBooking & { _id: string };

const base = smallDataset();
const resources = base.collections.resources;
const room = resources.find((r) => r.type === 'meeting_room') ?? resources[0];
const desk = resources.find((r) => r.type !== room?.type) ?? resources[1];
const [alice, bob] = base.collections.members;

function booking(id: string, start: string, end: string, extra: Partial<WireBooking> = {}): WireBooking {
  return {
    _id: id.padStart(24, '0'),
    start: { dateTime: start, date: null },
    end: { dateTime: end, date: null },
    seriesStart: start,
    seriesEnd: end,
    timezone: 'Europe/London',
    resourceId: room?._id ?? null,
    office: room?.office ?? null,
    member: alice?._id ?? null,
    team: null,
    summary: `booking ${id}`,
    recurrence: { rrule: null },
    canceled: false,
    ...extra,
  };
}

// 09:00 London every Monday from 16 March 2026; the UK switches to BST on 29 March.
const weekly = booking('a1', '2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z', {
  seriesEnd: '2026-04-06T09:00:00.000Z',
  recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=4', exdates: ['2026-03-23T09:00:00.000Z'] },
});
const bookings: WireBooking[] = [
  booking('b1', '2026-02-28T23:00:00.000Z', '2026-03-01T01:00:00.000Z'), // overlaps the window start
  booking('b2', '2026-02-28T22:00:00.000Z', '2026-03-01T00:00:00.000Z'), // ends exactly at the window start
  booking('b3', '2026-05-01T00:00:00.000Z', '2026-05-01T01:00:00.000Z'), // starts exactly at the window end
  booking('00', '2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z', {
    member: bob?._id ?? null,
    resourceId: desk?._id ?? null,
  }),
  weekly,
];
const dataset: Dataset = { ...base, collections: { ...base.collections, bookings } };
const WINDOW = 'start=2026-03-01T00:00:00.000Z&end=2026-05-01T00:00:00.000Z';

let sim: Simulator;
let api: ApiCaller;

beforeAll(() => {
  sim = createSimulator({ dataset });
  api = apiCaller(sim);
});

const starts = (items: readonly WireBooking[]): (string | null | undefined)[] => items.map((o) => o.start.dateTime);

describe('GET /bookings/occurrences (§6.2)', () => {
  it('expands recurring series in local time, skips exdates, keeps overlapping one-offs, sorts by start then _id', async () => {
    const { status, body } = await api.json<Occurrence[]>(`/bookings/occurrences?${WINDOW}&$limit=100`);
    expect(status).toBe(200);
    expect(body.map((o) => [o._id.slice(-2), o.start.dateTime, o.end.dateTime])).toEqual([
      ['b1', '2026-02-28T23:00:00.000Z', '2026-03-01T01:00:00.000Z'],
      ['a1', '2026-03-16T09:00:00.000Z', '2026-03-16T10:00:00.000Z'],
      // 23 March is an exdate; from 30 March 09:00 London is 08:00 UTC.
      ['00', '2026-03-30T08:00:00.000Z', '2026-03-30T08:30:00.000Z'],
      ['a1', '2026-03-30T08:00:00.000Z', '2026-03-30T09:00:00.000Z'],
      ['a1', '2026-04-06T08:00:00.000Z', '2026-04-06T09:00:00.000Z'],
    ]);
    // Each occurrence is the parent booking with start/end replaced.
    const { start: _s, end: _e, ...parentRest } = weekly;
    const { start: _s2, end: _e2, ...occurrenceRest } = body[3] ?? weekly;
    expect(occurrenceRest).toEqual(parentRest);
  });

  it('pages occurrences with cursors like lists', async () => {
    const pages = await walk<Occurrence>(api, `/bookings/occurrences?${WINDOW}&$limit=2`);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(starts(pages.flat())).toEqual(
      starts((await api.json<Occurrence[]>(`/bookings/occurrences?${WINDOW}&$limit=100`)).body),
    );
  });

  it('filters by member, office, resourceId and resource type', async () => {
    const byMember = (await api.json<Occurrence[]>(`/bookings/occurrences?${WINDOW}&$limit=100&member=${bob?._id}`))
      .body;
    expect(byMember.map((o) => o._id.slice(-2))).toEqual(['00']);
    const byResource = (
      await api.json<Occurrence[]>(`/bookings/occurrences?${WINDOW}&$limit=100&resourceId=${room?._id}`)
    ).body;
    expect(byResource).toHaveLength(4);
    const byType = (await api.json<Occurrence[]>(`/bookings/occurrences?${WINDOW}&$limit=100&type=${desk?.type}`)).body;
    expect(byType.map((o) => o._id.slice(-2))).toEqual(['00']);
    const byOffice = (await api.json<Occurrence[]>(`/bookings/occurrences?${WINDOW}&$limit=100&office=${room?.office}`))
      .body;
    expect(byOffice).toHaveLength(5);
  });

  it.each([
    ['/bookings/occurrences?end=2026-05-01&$limit=10', 'start'],
    ['/bookings/occurrences?start=2026-03-01&$limit=10', 'end'],
    [`/bookings/occurrences?${WINDOW}`, '$limit'],
    ['/bookings/occurrences?start=2026-05-01&end=2026-03-01&$limit=10', 'after start'],
    ['/bookings/occurrences?start=2026-03-01&end=2026-03-01&$limit=10', 'after start'],
    ['/bookings/occurrences?start=2025-01-01&end=2026-01-03&$limit=10', 'one year'],
    ['/bookings/occurrences?start=soon&end=2026-03-01&$limit=10', 'ISO 8601'],
    [`/bookings/occurrences?${WINDOW}&$limit=10&canceled=true`, 'Unknown filter field'],
    [`/bookings/occurrences?${WINDOW}&$limit=10&member=someone`, '24-hex'],
  ])('rejects %s with 400', async (path, message) => {
    const { status, body } = await api.json<{ message: string }>(path);
    expect(status).toBe(400);
    expect(body.message).toContain(message);
  });

  it('accepts a window of exactly 366 days', async () => {
    expect((await api('/bookings/occurrences?start=2024-01-01&end=2025-01-01&$limit=1')).status).toBe(200);
  });
});

describe('occurrences of the generated dataset', () => {
  it('keep each series at its local wall-clock time, start at the anchor, end at seriesEnd and skip every exdate', async () => {
    const generated = createSimulator({ dataset: base });
    const call = apiCaller(generated);
    const window = { start: '2026-01-01T00:00:00.000Z', end: '2027-01-01T00:00:00.000Z' };
    const pages = await walk<Occurrence>(
      call,
      `/bookings/occurrences?start=${window.start}&end=${window.end}&$limit=100`,
    );
    const byId = new Map<string, Occurrence[]>();
    for (const o of pages.flat()) byId.set(o._id, [...(byId.get(o._id) ?? []), o]);
    const series = base.collections.bookings.filter(
      (b) => b.recurrence?.rrule && b.seriesEnd && (b.seriesStart ?? '') >= window.start && b.seriesEnd <= window.end,
    );
    expect(series.length).toBeGreaterThan(5);
    for (const parent of series) {
      const occurrences = byId.get(parent._id) ?? [];
      const localTime = new Intl.DateTimeFormat('en-GB', {
        timeZone: parent.timezone ?? 'UTC',
        hour: '2-digit',
        minute: '2-digit',
      });
      const at = (iso: string | null | undefined): string => localTime.format(new Date(iso ?? 0));
      const exdates = new Set(parent.recurrence?.exdates ?? []);
      expect(occurrences[0]?.start.dateTime).toBe(parent.start.dateTime);
      expect(occurrences.every((o) => at(o.start.dateTime) === at(parent.start.dateTime))).toBe(true);
      expect(occurrences.some((o) => exdates.has(o.start.dateTime ?? ''))).toBe(false);
      const last = occurrences.at(-1)?.end.dateTime ?? '';
      expect(last === parent.seriesEnd || last < (parent.seriesEnd ?? '')).toBe(true);
      if (
        !exdates.has(
          new Date(
            Date.parse(parent.seriesEnd ?? '') -
              Date.parse(parent.end.dateTime ?? '') +
              Date.parse(parent.start.dateTime ?? ''),
          ).toISOString(),
        )
      ) {
        expect(last).toBe(parent.seriesEnd);
      }
    }
  });
});
