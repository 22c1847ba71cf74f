import { describe, expect, it } from 'vitest';
import { createTestStack } from '../helpers.ts';

// §6.2 leaves open whether an occurrence carries its booking's `_id` or an id of its own with a reference to the
// booking. The graph links occurrences to their booking either way: an upstream that answers the second shape (a
// test-only fetch wrapper around the simulator's) gives the same answer as the simulator's own shape.

function ownIds(inner: () => typeof fetch): typeof fetch {
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const response = await inner()(input, init);
    if (!url.pathname.endsWith('/bookings/occurrences') || !response.ok) return response;
    const items = (await response.json()) as Record<string, unknown>[];
    const reshaped = items.map((item, i) => ({
      ...item,
      _id: `ffffffffffffffff${String(i).padStart(8, '0')}`,
      booking: item._id,
    }));
    return new Response(JSON.stringify(reshaped), { status: response.status, headers: response.headers });
  };
}

describe('booking occurrences of either shape', () => {
  it('link to their booking whether they carry its _id or a reference to it', async () => {
    const plain = createTestStack();
    let simFetch: typeof fetch | undefined;
    const reshaped = createTestStack({ client: { fetch: ownIds(() => simFetch as typeof fetch) } });
    simFetch = reshaped.simulator.fetch;
    const query =
      '{ bookingOccurrences(dates: { from: "2026-11-01", to: "2026-11-30" }, first: 200) { nodes { id start booking { id title } } } }';
    const expected = await plain.query(query);
    const actual = await reshaped.query(query);
    expect(expected.errors).toBeUndefined();
    expect(actual.errors).toBeUndefined();
    const nodes = (expected.data as { bookingOccurrences: { nodes: { booking: { id: string } | null }[] } })
      .bookingOccurrences.nodes;
    expect(nodes.length).toBeGreaterThan(50);
    expect(nodes.every((n) => n.booking !== null)).toBe(true);
    expect(actual.data).toEqual(expected.data);
  });
});
