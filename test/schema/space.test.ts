import { beforeAll, describe, expect, it } from 'vitest';
import type { WireBooking, WireResource } from '../../src/officernd/types.ts';
import { createTestStack, TEST_NOW, type TestStack, plannedLookups } from '../helpers.ts';

// Bookings, booking occurrences, resources, resource types, floors, plans and rates: data, paging,
// filters pushed upstream, by-id, links, and upstream call counts (against the simulator's request log).

// Call counts are the point here, not pacing: lift the client's request budget so no test waits on it.
const OPTIONS = { client: { maxRequestsPerMinute: 1_000_000 } };
const UNKNOWN_ID = '0123456789abcdef01234567';
const DAY = 86_400_000;

let stack: TestStack;
beforeAll(() => {
  stack = createTestStack(OPTIONS);
});

const ds = () => stack.simulator.dataset.collections;

type Errors = { message: string; extensions?: Record<string, unknown> }[] | undefined;

/** Runs an operation that must succeed and returns its data. */
async function run<T>(on: TestStack, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await on.query<T>(query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/** Runs an operation that must fail and returns the error codes. */
async function codes(on: TestStack, query: string, variables?: Record<string, unknown>): Promise<unknown[]> {
  const result = await on.query(query, variables);
  const errors = result.errors as Errors;
  expect(errors?.length).toBeGreaterThan(0);
  return (errors ?? []).map((e) => e.extensions?.code);
}

/** Query strings of the upstream list calls of one collection since the last log reset. */
const upstreamQueries = (on: TestStack, collection: string) =>
  on.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === collection && e.id === null)
    .map((e) => e.query);

const ids = (nodes: { id: string }[]) => nodes.map((n) => n.id);

interface Conn<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

// ---------------------------------------------------------------- bookings

describe('bookings', () => {
  it('lists bookings in upstream order with their fields mapped', async () => {
    const data = await run<{ bookings: Conn<Record<string, unknown> & { id: string }> }>(
      stack,
      `{ bookings(first: 100) { nodes { id title start end isCancelled isFree isRecurring timeZone reference source
           recurrence { rule excludedStarts } } pageInfo { hasNextPage } } }`,
    );
    const wire = ds().bookings.slice(0, 100);
    expect(ids(data.bookings.nodes)).toEqual(wire.map((b) => b._id));
    expect(data.bookings.pageInfo.hasNextPage).toBe(true);
    data.bookings.nodes.forEach((node, i) => {
      const b = wire[i] as WireBooking;
      expect(node.title).toBe(b.summary);
      expect(node.start).toBe(b.start.dateTime);
      expect(node.end).toBe(b.end.dateTime);
      expect(node.isCancelled).toBe(b.canceled ?? false);
      expect(node.isFree).toBe(b.free ?? false);
      expect(node.isRecurring).toBe(Boolean(b.recurrence?.rrule));
      expect(node.timeZone).toBe(b.timezone);
      expect(node.reference).toBe(b.reference);
      expect(node.recurrence).toEqual(
        b.recurrence?.rrule ? { rule: b.recurrence.rrule, excludedStarts: b.recurrence.exdates ?? [] } : null,
      );
    });
    const sources = new Map(data.bookings.nodes.map((n, i) => [wire[i]?.source, n.source]));
    if (sources.has('public-api')) expect(sources.get('public-api')).toBe('PUBLIC_API');
    if (sources.has('Google')) expect(sources.get('Google')).toBe('GOOGLE');
    if (sources.has('portal')) expect(sources.get('portal')).toBe('PORTAL');
  });

  it('pages through more than 100 bookings exactly once, reading no page twice', async () => {
    stack.simulator.log.reset();
    const seen: string[] = [];
    let after: string | null = null;
    let requests = 0;
    for (;;) {
      const data: { bookings: Conn<{ id: string }> } = await run(
        stack,
        'query($after: String) { bookings(first: 450, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
      requests += 1;
      seen.push(...ids(data.bookings.nodes));
      if (!data.bookings.pageInfo.hasNextPage) break;
      after = data.bookings.pageInfo.endCursor;
    }
    expect(seen).toEqual(ds().bookings.map((b) => b._id));
    expect(requests).toBe(Math.ceil(ds().bookings.length / 450));
    // Each request may split one upstream page; otherwise every page is read once.
    expect(stack.apiCalls({ collection: 'bookings' })).toBeLessThanOrEqual(
      Math.ceil(ds().bookings.length / 100) + requests,
    );
  });

  it('pushes reference, true-flag and enum filters upstream, never a false flag', async () => {
    const sample = ds().bookings.find((b) => b.team && b.resourceId && b.plan && b.source === 'portal') as WireBooking;
    stack.simulator.log.reset();
    const data = await run<{ a: Conn<{ id: string }>; b: Conn<{ id: string }>; c: Conn<{ id: string }> }>(
      stack,
      `query($resource: ID, $team: ID, $rate: ID) {
         a: bookings(resource: $resource, isCancelled: false, first: 1000) { nodes { id } }
         b: bookings(team: $team, source: PORTAL, first: 1000) { nodes { id } }
         c: bookings(rate: $rate, titleContains: "${(sample.summary ?? '').slice(0, 4).toLowerCase()}", first: 1000) { nodes { id } }
       }`,
      { resource: sample.resourceId, team: sample.team, rate: sample.plan },
    );
    const all = ds().bookings;
    expect(ids(data.a.nodes)).toEqual(
      all.filter((b) => b.resourceId === sample.resourceId && !b.canceled).map((b) => b._id),
    );
    expect(ids(data.b.nodes)).toEqual(
      all.filter((b) => b.team === sample.team && b.source === 'portal').map((b) => b._id),
    );
    const needle = (sample.summary ?? '').slice(0, 4).toLowerCase();
    expect(ids(data.c.nodes)).toEqual(
      all.filter((b) => b.plan === sample.plan && (b.summary ?? '').toLowerCase().includes(needle)).map((b) => b._id),
    );
    expect(data.a.nodes.length).toBeGreaterThan(0);
    const sent = upstreamQueries(stack, 'bookings');
    expect(sent).toContainEqual(expect.objectContaining({ resourceId: sample.resourceId }));
    // §4: v1 omits false flags, so an equality on a false flag is never sent: the gateway checks it.
    expect(sent.some((q) => 'canceled' in q)).toBe(false);
    expect(sent).toContainEqual(expect.objectContaining({ team: sample.team, source: 'portal' }));
    expect(sent).toContainEqual(expect.objectContaining({ plan: sample.plan, 'summary.$csi': needle }));
  });

  it('finds one booking by id, null for an unknown id, and refuses a malformed id', async () => {
    const wire = ds().bookings[42] as WireBooking;
    const data = await run<{ booking: { id: string; title: string }; missing: null }>(
      stack,
      'query($id: ID!, $missing: ID!) { booking(id: $id) { id title } missing: booking(id: $missing) { id } }',
      { id: wire._id, missing: UNKNOWN_ID },
    );
    expect(data.booking).toEqual({ id: wire._id, title: wire.summary });
    expect(data.missing).toBeNull();
    expect(await codes(stack, '{ booking(id: "nope") { id } }')).toEqual(['BAD_USER_INPUT']);
    expect(await codes(stack, '{ bookings(member: "nope") { nodes { id } } }')).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves member, team, office, resource, rate and attendees to the referenced objects', async () => {
    const data = await run<{
      bookings: Conn<Record<string, { id: string } | { id: string }[] | null> & { id: string }>;
    }>(
      stack,
      `{ bookings(first: 100) { nodes { id member { id } team { id } office { id } resource { id } rate { id } attendees { id } } } }`,
    );
    const wire = ds().bookings.slice(0, 100);
    data.bookings.nodes.forEach((node, i) => {
      const b = wire[i] as WireBooking;
      expect(node.member).toEqual(b.member ? { id: b.member } : null);
      expect(node.team).toEqual(b.team ? { id: b.team } : null);
      expect(node.office).toEqual({ id: b.office });
      expect(node.resource).toEqual({ id: b.resourceId });
      expect(node.rate).toEqual(b.plan ? { id: b.plan } : null);
      expect(node.attendees).toEqual((b.members ?? []).map((id) => ({ id })));
    });
    expect(wire.some((b) => (b.members ?? []).length > 0)).toBe(true);
  });

  it("resolves a booking's fees to fee objects", async () => {
    const wire = ds().bookings.find((b) => (b.fees ?? []).some((f) => f.fee)) as WireBooking;
    const data = await run<{
      booking: {
        fees: { date: string; fee: { id: string; name: string } | null; extraFees: unknown[]; credits: unknown[] }[];
      };
    }>(
      stack,
      'query($id: ID!) { booking(id: $id) { fees { date fee { id name } extraFees { id } credits { count creditId } } } }',
      { id: wire._id },
    );
    const fees = wire.fees ?? [];
    expect(data.booking.fees).toHaveLength(fees.length);
    data.booking.fees.forEach((fee, i) => {
      const w = fees[i];
      expect(fee.date).toBe(w?.date?.slice(0, 10));
      expect(fee.fee?.id).toBe(w?.fee);
      expect(fee.fee?.name).toBe(ds().fees.find((f) => f._id === w?.fee)?.name);
    });
  });
});

// ---------------------------------------------------------------- booking occurrences

describe('bookingOccurrences', () => {
  // The selected days (UTC): an occurrence is in them when it starts on one of them (dateField START).
  const fromDay = new Date(TEST_NOW.getTime() - 30 * DAY).toISOString().slice(0, 10);
  const toDay = new Date(TEST_NOW.getTime() + 30 * DAY).toISOString().slice(0, 10);
  const from = `${fromDay}T00:00:00.000Z`;
  const to = new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY).toISOString();
  const inWindow = (b: WireBooking) => (b.start.dateTime ?? '') >= from && (b.start.dateTime ?? '') < to;

  type Occurrence = {
    id: string;
    start: string;
    end: string;
    title: string;
    booking: { id: string; title: string; isRecurring: boolean };
  };
  const OCCURRENCES = `query($from: Date!, $to: Date!, $first: Int, $after: String, $office: ID) {
    bookingOccurrences(dates: { from: $from, to: $to }, first: $first, after: $after, office: $office) {
      nodes { id start end title booking { id title isRecurring } } pageInfo { hasNextPage endCursor } } }`;

  let all: Occurrence[] = [];
  beforeAll(async () => {
    const data = await run<{ bookingOccurrences: Conn<Occurrence> }>(stack, OCCURRENCES, {
      from: fromDay,
      to: toDay,
      first: 1000,
    });
    all = data.bookingOccurrences.nodes;
    expect(data.bookingOccurrences.pageInfo.hasNextPage).toBe(false);
  });

  it('expands one-off bookings and recurring series in the window, ordered by start', async () => {
    expect(all.length).toBeGreaterThan(100);
    expect(new Set(ids(all)).size).toBe(all.length);
    const starts = all.map((o) => o.start);
    expect(starts).toEqual([...starts].sort());
    for (const o of all) {
      expect(o.id).toBe(`${o.booking.id}:${o.start}`);
      expect(o.start >= from && o.start < to).toBe(true);
      expect(o.title).toBe(o.booking.title);
    }
    const oneOffs = ds()
      .bookings.filter((b) => !b.recurrence?.rrule && inWindow(b))
      .map((b) => b._id);
    expect(
      all
        .filter((o) => !o.booking.isRecurring)
        .map((o) => o.booking.id)
        .sort(),
    ).toEqual(oneOffs.sort());
    const recurring = all.filter((o) => o.booking.isRecurring);
    expect(recurring.length).toBeGreaterThan(new Set(recurring.map((o) => o.booking.id)).size);
  });

  it('pages with first/after through every occurrence exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard += 1) {
      const data: { bookingOccurrences: Conn<Occurrence> } = await run(stack, OCCURRENCES, {
        from: fromDay,
        to: toDay,
        first: 70,
        after,
      });
      seen.push(...ids(data.bookingOccurrences.nodes));
      if (!data.bookingOccurrences.pageInfo.hasNextPage) break;
      after = data.bookingOccurrences.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids(all));
  });

  it('pushes office, member, team and resource filters upstream', async () => {
    const sample = ds().bookings.find((b) => !b.recurrence?.rrule && inWindow(b) && b.member && b.team) as WireBooking;
    stack.simulator.log.reset();
    const data = await run<{
      o: Conn<{ office: { id: string } }>;
      r: Conn<{
        booking: { id: string };
        member: { id: string } | null;
        team: { id: string } | null;
        resource: { id: string };
      }>;
    }>(
      stack,
      `query($from: Date!, $to: Date!, $office: ID, $resource: ID, $member: ID, $team: ID) {
         o: bookingOccurrences(dates: { from: $from, to: $to }, office: $office, first: 1000) { nodes { office { id } } }
         r: bookingOccurrences(dates: { from: $from, to: $to }, resource: $resource, member: $member, team: $team, first: 1000) {
           nodes { booking { id } member { id } team { id } resource { id } } }
       }`,
      {
        from: fromDay,
        to: toDay,
        office: sample.office,
        resource: sample.resourceId,
        member: sample.member,
        team: sample.team,
      },
    );
    expect(data.o.nodes.length).toBeGreaterThan(0);
    expect(data.o.nodes.length).toBeLessThan(all.length);
    expect(data.o.nodes.every((n) => n.office.id === sample.office)).toBe(true);
    expect(data.r.nodes.map((n) => n.booking.id)).toContain(sample._id);
    for (const n of data.r.nodes) {
      expect(n.resource.id).toBe(sample.resourceId);
      expect(n.member?.id).toBe(sample.member);
      expect(n.team?.id).toBe(sample.team);
    }
    const sent = upstreamQueries(stack, 'bookings/occurrences');
    expect(sent).toContainEqual(expect.objectContaining({ office: sample.office }));
    expect(sent).toContainEqual(
      expect.objectContaining({ resourceId: sample.resourceId, member: sample.member, team: sample.team }),
    );
  });

  it('refuses selections over ten years, reversed selections and malformed ids', async () => {
    const query =
      'query($from: Date!, $to: Date!, $team: ID) { bookingOccurrences(dates: { from: $from, to: $to }, team: $team) { nodes { id } } }';
    stack.simulator.log.reset();
    expect(await codes(stack, query, { from: fromDay, to: '2037-12-31' })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(stack, query, { from: toDay, to: fromDay })).toEqual(['BAD_USER_INPUT']);
    expect(await codes(stack, query, { from: fromDay, to: toDay, team: 'nope' })).toEqual(['BAD_USER_INPUT']);
    expect(stack.apiCalls()).toBe(0);
  });
});

// ---------------------------------------------------------------- resources, resource types, floors

describe('resources', () => {
  it('lists resources with kind, type key, availability and access', async () => {
    const data = await run<{
      resources: Conn<{
        id: string;
        name: string;
        type: string;
        typeKey: string;
        size: number;
        area: number;
        availability: { startDate: string; endDate: string | null }[];
        access: { isFull: boolean; isPublic: boolean };
      }>;
    }>(
      stack,
      '{ resources(first: 100) { nodes { id name type typeKey size area availability { startDate endDate } access { isFull isPublic } } pageInfo { hasNextPage } } }',
    );
    const wire = ds().resources;
    expect(ids(data.resources.nodes)).toEqual(wire.map((r) => r._id));
    expect(data.resources.pageInfo.hasNextPage).toBe(false);
    data.resources.nodes.forEach((node, i) => {
      const r = wire[i];
      expect(node.name).toBe(r?.name);
      expect(node.typeKey).toBe(r?.type);
      expect(node.type).toBe(
        r?.type === 'meeting_room' ? 'MEETING_ROOM' : r?.type === 'desk_tr' ? 'DESK_TR' : node.type,
      );
      if (r?.type === 'phone_booth' || r?.type === 'event_space') expect(node.type).toBe('OTHER');
      expect(node.size).toBe(r?.size);
      expect(node.area).toBe(r?.area);
      const availability = Array.isArray(r?.availability) ? r.availability : [];
      expect(node.availability).toEqual(
        availability.map((a) => ({ startDate: a.startDate?.slice(0, 10), endDate: a.endDate?.slice(0, 10) ?? null })),
      );
      expect(node.access).toEqual({ isFull: r?.access?.full, isPublic: r?.access?.public });
    });
    expect(data.resources.nodes.some((n) => n.type === 'OTHER')).toBe(true);
  });

  it('pushes office, floor and kind filters upstream', async () => {
    const sample = ds().resources.find((r) => r.type === 'meeting_room') as WireResource;
    stack.simulator.log.reset();
    const data = await run<{ a: Conn<{ id: string }>; b: Conn<{ id: string }> }>(
      stack,
      `query($office: ID, $floor: ID) {
         a: resources(office: $office, type: MEETING_ROOM) { nodes { id } }
         b: resources(floor: $floor, nameStartsWith: "${(sample.name ?? '').slice(0, 3)}") { nodes { id } }
       }`,
      { office: sample.office, floor: sample.room },
    );
    const all = ds().resources;
    expect(ids(data.a.nodes)).toEqual(
      all.filter((r) => r.office === sample.office && r.type === 'meeting_room').map((r) => r._id),
    );
    const prefix = (sample.name ?? '').slice(0, 3).toLowerCase();
    expect(ids(data.b.nodes)).toEqual(
      all.filter((r) => r.room === sample.room && (r.name ?? '').toLowerCase().startsWith(prefix)).map((r) => r._id),
    );
    expect(data.b.nodes.length).toBeGreaterThan(0);
    const sent = upstreamQueries(stack, 'resources');
    expect(sent).toContainEqual(expect.objectContaining({ office: sample.office, type: 'meeting_room' }));
    expect(sent).toContainEqual(expect.objectContaining({ room: sample.room, 'name.$swi': sample.name?.slice(0, 3) }));
  });

  it('finds resources, floors, plans, rates and resource types by id, null for unknown ids', async () => {
    const c = ds();
    const resource = c.resources[3];
    const floor = c.floors[1];
    const plan = c.plans[5];
    const rate = c.rates[2];
    const type = c['resource-types'][4];
    const data = await run<Record<string, { id: string; name?: string; title?: string } | null>>(
      stack,
      `query($r: ID!, $f: ID!, $p: ID!, $rate: ID!, $t: ID!, $x: ID!) {
         resource(id: $r) { id name } floor(id: $f) { id name } plan(id: $p) { id name } rate(id: $rate) { id name }
         resourceType(id: $t) { id title }
         noResource: resource(id: $x) { id } noFloor: floor(id: $x) { id } noPlan: plan(id: $x) { id }
         noRate: rate(id: $x) { id } noType: resourceType(id: $x) { id }
       }`,
      { r: resource?._id, f: floor?._id, p: plan?._id, rate: rate?._id, t: type?.id, x: UNKNOWN_ID },
    );
    expect(data.resource).toEqual({ id: resource?._id, name: resource?.name });
    expect(data.floor).toEqual({ id: floor?._id, name: floor?.name });
    expect(data.plan).toEqual({ id: plan?._id, name: plan?.name });
    expect(data.rate).toEqual({ id: rate?._id, name: rate?.name });
    expect(data.resourceType).toEqual({ id: type?.id, title: type?.title });
    for (const key of ['noResource', 'noFloor', 'noPlan', 'noRate', 'noType']) expect(data[key]).toBeNull();
    for (const field of ['resource', 'floor', 'plan', 'rate', 'resourceType']) {
      expect(await codes(stack, `{ ${field}(id: "12345") { id } }`)).toEqual(['BAD_USER_INPUT']);
    }
    expect(await codes(stack, '{ resources(office: "x") { nodes { id } } }')).toEqual(['BAD_USER_INPUT']);
  });

  it('links a resource to its office, floor, rate, resource type, target plan, parent and bookings', async () => {
    const c = ds();
    const child = c.resources.find((r) => r.parent) as WireResource;
    const booked = c.resources.find((r) => c.bookings.some((b) => b.resourceId === r._id)) as WireResource;
    type Linked = {
      id: string;
      office: { id: string };
      floor: { id: string };
      rate: { id: string } | null;
      resourceType: { id: string; typeKey: string } | null;
      targetPlan: { id: string } | null;
      parent: { id: string } | null;
      parents: { id: string }[];
      bookings: Conn<{ id: string; resource: { id: string } }>;
    };
    const fields =
      'id office { id } floor { id } rate { id } resourceType { id typeKey } targetPlan { id } parent { id } parents { id } bookings(first: 1000) { nodes { id resource { id } } }';
    const data = await run<{ child: Linked; booked: Linked }>(
      stack,
      `query($child: ID!, $booked: ID!) { child: resource(id: $child) { ${fields} } booked: resource(id: $booked) { ${fields} } }`,
      { child: child._id, booked: booked._id },
    );
    for (const [node, wire] of [
      [data.child, child],
      [data.booked, booked],
    ] as const) {
      expect(node.office).toEqual({ id: wire.office });
      expect(node.floor).toEqual({ id: wire.room });
      expect(node.rate).toEqual(wire.rate ? { id: wire.rate } : null);
      const type = c['resource-types'].find((t) => t.type === wire.type);
      expect(node.resourceType).toEqual(type ? { id: type.id, typeKey: wire.type } : null);
      expect(node.targetPlan).toEqual(wire.targetPlan ? { id: wire.targetPlan } : null);
      expect(node.parents).toEqual((wire.parents ?? []).map((id) => ({ id })));
      expect(ids(node.bookings.nodes)).toEqual(c.bookings.filter((b) => b.resourceId === wire._id).map((b) => b._id));
      expect(node.bookings.nodes.every((b) => b.resource.id === wire._id)).toBe(true);
    }
    expect(data.child.parent).toEqual({ id: child.parent });
    expect(data.booked.bookings.nodes.length).toBeGreaterThan(0);
  });
});

describe('resource types', () => {
  it('lists the catalogue with its modes and the resources of each type', async () => {
    const data = await run<{
      resourceTypes: Conn<{
        id: string;
        title: string;
        type: string;
        typeKey: string;
        bookingMode: string;
        checkinMode: string;
        isPrimary: boolean;
        resources: Conn<{ id: string }>;
      }>;
    }>(
      stack,
      '{ resourceTypes { nodes { id title type typeKey bookingMode checkinMode isPrimary resources(first: 1000) { nodes { id } } } } }',
    );
    const wire = ds()['resource-types'];
    expect(ids(data.resourceTypes.nodes)).toEqual(wire.map((t) => t.id));
    data.resourceTypes.nodes.forEach((node, i) => {
      const t = wire[i];
      expect(node.title).toBe(t?.title);
      expect(node.typeKey).toBe(t?.type);
      expect(node.bookingMode).toBe(t?.bookingMode?.toUpperCase());
      expect(node.checkinMode).toBe(t?.checkinMode?.toUpperCase());
      expect(node.isPrimary).toBe(t?.primary);
      expect(ids(node.resources.nodes)).toEqual(
        ds()
          .resources.filter((r) => r.type === t?.type)
          .map((r) => r._id),
      );
    });
    expect(data.resourceTypes.nodes.find((n) => n.typeKey === 'phone_booth')?.type).toBe('OTHER');
  });

  it('pushes the type-key filter upstream', async () => {
    stack.simulator.log.reset();
    const data = await run<{ resourceTypes: Conn<{ typeKey: string }> }>(
      stack,
      '{ resourceTypes(typeKey: "hotdesk") { nodes { typeKey } } }',
    );
    expect(data.resourceTypes.nodes).toEqual([{ typeKey: 'hotdesk' }]);
    expect(upstreamQueries(stack, 'resource-types')).toContainEqual(expect.objectContaining({ type: 'hotdesk' }));
  });
});

describe('floors', () => {
  it('lists floors with their office and resources, filtered upstream by office', async () => {
    const c = ds();
    const office = c.floors[0]?.office as string;
    stack.simulator.log.reset();
    const data = await run<{
      all: Conn<{ id: string; name: string; number: string; area: number }>;
      some: Conn<{ id: string; office: { id: string }; resources: Conn<{ id: string; floor: { id: string } }> }>;
    }>(
      stack,
      `query($office: ID) {
         all: floors { nodes { id name number area } }
         some: floors(office: $office) { nodes { id office { id } resources(first: 1000) { nodes { id floor { id } } } } }
       }`,
      { office },
    );
    expect(ids(data.all.nodes)).toEqual(c.floors.map((f) => f._id));
    data.all.nodes.forEach((node, i) => {
      expect(node).toEqual({
        id: c.floors[i]?._id,
        name: c.floors[i]?.name,
        number: String(c.floors[i]?.floor),
        area: c.floors[i]?.area,
      });
    });
    expect(ids(data.some.nodes)).toEqual(c.floors.filter((f) => f.office === office).map((f) => f._id));
    for (const floor of data.some.nodes) {
      expect(floor.office).toEqual({ id: office });
      expect(ids(floor.resources.nodes)).toEqual(c.resources.filter((r) => r.room === floor.id).map((r) => r._id));
      expect(floor.resources.nodes.every((r) => r.floor.id === floor.id)).toBe(true);
    }
    expect(upstreamQueries(stack, 'floors')).toContainEqual(expect.objectContaining({ office }));
  });
});

// ---------------------------------------------------------------- plans and rates

describe('plans and rates', () => {
  it('lists plans with offices, credits (rates and resource types), setup fees and add-ons', async () => {
    type PlanNode = {
      id: string;
      name: string;
      type: string;
      intervalLength: string;
      offices: { id: string }[];
      setupFees: { id: string }[];
      addOns: { name: string; price: number }[];
      credits: {
        count: number;
        validFor: string;
        rates: { id: string }[];
        resourceTypes: { id: string; typeKey: string }[];
      }[];
    };
    const data = await run<{ plans: Conn<PlanNode> }>(
      stack,
      '{ plans(first: 100) { nodes { id name type intervalLength offices { id } setupFees { id } addOns { name price } credits { count validFor rates { id } resourceTypes { id typeKey } } } } }',
    );
    const c = ds();
    expect(ids(data.plans.nodes)).toEqual(c.plans.map((p) => p._id));
    const typeById = new Map(c['resource-types'].map((t) => [t.id, t]));
    data.plans.nodes.forEach((node, i) => {
      const p = c.plans[i];
      expect(node.type).toBe(p?.type?.toUpperCase());
      expect(node.intervalLength).toBe(p?.intervalLength?.toUpperCase());
      expect(node.offices).toEqual((p?.locations ?? []).map((id) => ({ id })));
      expect(node.setupFees).toEqual((p?.setupFees ?? []).map((id) => ({ id })));
      expect(node.addOns).toEqual((p?.addOns ?? []).map((a) => ({ name: a.name, price: a.price })));
      expect(node.credits).toEqual(
        (p?.credits ?? []).map((credit) => ({
          count: credit.count,
          validFor: credit.validFor === 'resourceTypes' ? 'RESOURCE_TYPES' : credit.validFor?.toUpperCase(),
          rates: (credit.rates ?? []).map((id) => ({ id })),
          resourceTypes: (credit.resourceTypes ?? []).map((id) => ({ id, typeKey: typeById.get(id)?.type })),
        })),
      );
    });
    expect(data.plans.nodes.some((n) => n.credits.some((cr) => cr.resourceTypes.length > 0))).toBe(true);
    expect(data.plans.nodes.some((n) => n.setupFees.length > 0)).toBe(true);
  });

  it('lists rates with their prices, offices and resource type', async () => {
    const data = await run<{
      rates: Conn<{
        id: string;
        typeKey: string;
        resourceType: { typeKey: string } | null;
        offices: { id: string }[];
        prices: { price: number; interval: string; intervalCount: number }[];
      }>;
    }>(
      stack,
      '{ rates { nodes { id typeKey resourceType { typeKey } offices { id } prices { price interval intervalCount } } } }',
    );
    const c = ds();
    expect(ids(data.rates.nodes)).toEqual(c.rates.map((r) => r._id));
    data.rates.nodes.forEach((node, i) => {
      const r = c.rates[i];
      expect(node.typeKey).toBe(r?.type);
      expect(node.resourceType).toEqual({ typeKey: r?.type });
      expect(node.offices).toEqual((r?.locations ?? []).map((id) => ({ id })));
      expect(node.prices).toEqual(
        (r?.rates ?? []).map((p) => ({
          price: p.price,
          interval: p.interval?.toUpperCase(),
          intervalCount: p.intervalQuantity,
        })),
      );
    });
    expect(data.rates.nodes.some((n) => n.offices.length === 1)).toBe(true);
  });

  it('pushes plan and rate filters upstream', async () => {
    stack.simulator.log.reset();
    const data = await run<{ plans: Conn<{ id: string }>; rates: Conn<{ id: string }> }>(
      stack,
      '{ plans(type: OFFICE) { nodes { id } } rates(type: MEETING_ROOM, nameStartsWith: "meeting") { nodes { id } } }',
    );
    const c = ds();
    expect(ids(data.plans.nodes)).toEqual(c.plans.filter((p) => p.type === 'office').map((p) => p._id));
    expect(ids(data.rates.nodes)).toEqual(
      c.rates
        .filter((r) => r.type === 'meeting_room' && (r.name ?? '').toLowerCase().startsWith('meeting'))
        .map((r) => r._id),
    );
    expect(data.plans.nodes.length).toBeGreaterThan(0);
    expect(data.rates.nodes.length).toBeGreaterThan(0);
    expect(upstreamQueries(stack, 'plans')).toContainEqual(expect.objectContaining({ type: 'office' }));
    expect(upstreamQueries(stack, 'rates')).toContainEqual(
      expect.objectContaining({ type: 'meeting_room', 'name.$swi': 'meeting' }),
    );
  });
});

// ---------------------------------------------------------------- upstream call counts

// Each count runs on a fresh stack: the gateway learns collection sizes across requests, which changes
// the cheapest plan (per-id GETs vs one walk), so a fresh one makes the expected plan exact.
describe('upstream call counts', () => {
  it('100 bookings with their office cost one bookings page and one offices walk', async () => {
    const fresh = createTestStack(OPTIONS);
    await run(fresh, '{ bookings(first: 100) { nodes { id office { name } again: office { id } } } }');
    expect(fresh.apiCalls({ collection: 'bookings' })).toBe(1);
    expect(fresh.apiCalls({ collection: 'offices' })).toBe(1);
    expect(fresh.apiCalls()).toBe(2);
  });

  it('booking people, resource and rate links fetch each referenced object once', async () => {
    const fresh = createTestStack(OPTIONS);
    await run(
      fresh,
      `{ bookings(first: 100) { nodes { member { id } attendees { id } team { id } resource { id } rate { id }
           again: member { name } } } }`,
    );
    const wire = fresh.simulator.dataset.collections.bookings.slice(0, 100);
    const memberIds = wire.flatMap((b) => [b.member, ...(b.members ?? [])]);
    expect(fresh.apiCalls({ collection: 'bookings' })).toBe(1);
    // v1 has no multi-id filter (§8): single GETs, or a bounded walk when there are many ids (plannedLookups).
    const data = fresh.simulator.dataset.collections;
    const members = plannedLookups(data.members, memberIds);
    const teams = plannedLookups(
      data.teams,
      wire.map((b) => b.team),
    );
    const resources = plannedLookups(
      data.resources,
      wire.map((b) => b.resourceId),
    );
    expect(fresh.apiCalls({ collection: 'members', id: true })).toBe(members.gets);
    expect(fresh.apiCalls({ collection: 'teams', id: true })).toBe(teams.gets);
    expect(fresh.apiCalls({ collection: 'resources', id: true })).toBe(resources.gets);
    expect(fresh.apiCalls({ collection: 'rates' })).toBe(1);
    expect(fresh.apiCalls()).toBe(1 + members.calls + teams.calls + resources.calls + 1);
  });

  it('resources with office, floor, rate, type and target plan cost one call per catalogue', async () => {
    const fresh = createTestStack(OPTIONS);
    await run(
      fresh,
      '{ resources(first: 100) { nodes { office { id } floor { office { id } } rate { id } resourceType { id } targetPlan { id } } } }',
    );
    for (const collection of ['resources', 'offices', 'floors', 'rates', 'resource-types', 'plans']) {
      expect(fresh.apiCalls({ collection })).toBe(1);
    }
    expect(fresh.apiCalls()).toBe(6);
  });

  it('floors with their resources cost at most one resources call per floor', async () => {
    const fresh = createTestStack(OPTIONS);
    const floors = fresh.simulator.dataset.collections.floors;
    await run(fresh, '{ floors { nodes { resources(first: 1000) { nodes { id } } } } }');
    expect(fresh.apiCalls({ collection: 'floors' })).toBe(1);
    expect(fresh.apiCalls({ collection: 'resources' })).toBeGreaterThan(0);
    expect(fresh.apiCalls({ collection: 'resources' })).toBeLessThanOrEqual(floors.length);
  });

  it('occurrences with their booking, resource and office fetch each referenced object once', async () => {
    const fresh = createTestStack(OPTIONS);
    const from = TEST_NOW.toISOString().slice(0, 10);
    const to = new Date(TEST_NOW.getTime() + 6 * DAY).toISOString().slice(0, 10);
    const data = await run<{ bookingOccurrences: Conn<{ booking: { id: string }; resource: { id: string } }> }>(
      fresh,
      'query($from: Date!, $to: Date!) { bookingOccurrences(dates: { from: $from, to: $to }, first: 100) { nodes { booking { id } resource { id } office { id } } } }',
      { from, to },
    );
    const nodes = data.bookingOccurrences.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    expect(fresh.apiCalls({ collection: 'bookings/occurrences' })).toBe(1);
    const all = fresh.simulator.dataset.collections;
    expect(fresh.apiCalls({ collection: 'bookings', id: true })).toBe(
      plannedLookups(
        all.bookings,
        nodes.map((n) => n.booking.id),
      ).gets,
    );
    expect(fresh.apiCalls({ collection: 'resources', id: true })).toBe(
      plannedLookups(
        all.resources,
        nodes.map((n) => n.resource.id),
      ).gets,
    );
    expect(fresh.apiCalls({ collection: 'offices' })).toBe(1);
  });

  it('plans with offices, credits and setup fees cost one call per catalogue', async () => {
    const fresh = createTestStack(OPTIONS);
    await run(
      fresh,
      '{ plans { nodes { offices { id } setupFees { id } credits { rates { id } resourceTypes { id } oneOffPlans { id } } } } }',
    );
    for (const collection of ['plans', 'offices', 'rates', 'resource-types']) {
      expect(fresh.apiCalls({ collection })).toBe(1);
    }
    expect(fresh.apiCalls()).toBe(4);
  });
});
