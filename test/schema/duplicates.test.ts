import { describe, expect, it } from 'vitest';
import { createTestStack, testDataset } from '../helpers.ts';

// Never the same object twice in one list: an upstream whose pages overlap (each page after the first starts with
// the last object of the page before, a test-only fetch wrapper around the simulator's) gives each object once.

function overlapping(inner: () => typeof fetch): typeof fetch {
  const lastOfPage = new Map<string, unknown>();
  return async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const response = await inner()(input, init);
    if (!/\/bookings$/.test(url.pathname) || !response.ok) return response;
    let items = (await response.json()) as unknown[];
    const next = response.headers.get('rnd-cursor-next');
    if (next && items.length > 0) lastOfPage.set(next, items.at(-1));
    const cursor = url.searchParams.get('$next');
    if (cursor && lastOfPage.has(cursor)) items = [lastOfPage.get(cursor), ...items];
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(JSON.stringify(items), { status: response.status, headers });
  };
}

describe('overlapping upstream pages', () => {
  it('give every booking once in a list and in a reverse link', async () => {
    let simFetch: typeof fetch | undefined;
    const stack = createTestStack({ client: { fetch: overlapping(() => simFetch as typeof fetch) } });
    simFetch = stack.simulator.fetch;
    const bookings = testDataset().collections.bookings as unknown as { _id: string; team?: string }[];
    const counts = new Map<string, number>();
    for (const b of bookings) if (b.team) counts.set(b.team, (counts.get(b.team) ?? 0) + 1);
    const team = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
    const result = await stack.query<{
      bookings: { nodes: { id: string }[] };
      team: { bookings: { nodes: { id: string }[] } };
    }>(
      'query($team: ID!) { bookings(first: 1000) { nodes { id } } team(id: $team) { bookings(first: 1000) { nodes { id } } } }',
      { team },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.bookings.nodes.map((n) => n.id)).toEqual(bookings.slice(0, 1000).map((b) => b._id));
    expect(result.data?.team.bookings.nodes.map((n) => n.id)).toEqual(
      bookings.filter((b) => b.team === team).map((b) => b._id),
    );
  });
});
