import { describe, expect, it } from 'vitest';
import { failWhen, upstreamError } from '../security/faulty-fetch.ts';
import { createSecureStack } from '../security/stack.ts';

// v1 has evidence for comparison filters on a few fields only (createdAt, modifiedAt, seriesStart: research notes
// §4). A date selection is pushed down as optional filters: if the real OfficeRnD refuses them with a 400, the
// client drops them for that collection and the gateway's own exact check still gives the right rows.

const PAYMENTS = `query($after: String) {
  payments(dateField: DUE_DATE, dates: { from: "2026-11-01", to: "2026-11-30" }, first: 1000, after: $after) {
    nodes { id } pageInfo { hasNextPage endCursor }
  }
}`;

describe('optional push-down filters', () => {
  it('are dropped after OfficeRnD refuses them, once, and the rows stay exact', async () => {
    // An upstream that knows no comparison on dueDate, as a strict v1 might.
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.searchParams.has('dueDate.$gte'),
          () => upstreamError(400),
        ),
    });
    const expected = stack.simulator.dataset.collections.payments
      .filter((p) => (p.dueDate ?? '').slice(0, 10) >= '2026-11-01' && (p.dueDate ?? '').slice(0, 10) <= '2026-11-30')
      .map((p) => p._id);
    expect(expected.length).toBeGreaterThan(0);

    const ids: string[] = [];
    let after: string | null = null;
    for (let call = 0; call < 20; call += 1) {
      const result = await stack.query(PAYMENTS, { after });
      expect(result.errors).toBeUndefined();
      const page = (
        result.data as {
          payments: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
        }
      ).payments;
      ids.push(...page.nodes.map((n) => n.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(ids).toEqual(expected);
    // The refused filter reached the simulator never (the wrapper answered), and the client asked with it once.
    const sent = stack.simulator.log.entries().filter((e) => e.collection === 'payments');
    expect(sent.every((e) => !('dueDate.$gte' in e.query))).toBe(true);
    expect(stack.logs.filter((l) => /refused optional filters/.test(l))).toHaveLength(1);

    // A later request does not try again.
    stack.simulator.log.reset();
    await stack.query(PAYMENTS, { after: null });
    expect(stack.logs.filter((l) => /refused optional filters/.test(l))).toHaveLength(1);
  });

  it('are sent when OfficeRnD accepts them, so fewer pages are read', async () => {
    const stack = createSecureStack();
    await stack.query(PAYMENTS, { after: null });
    const sent = stack.simulator.log.entries().filter((e) => e.collection === 'payments');
    expect(sent[0]?.query).toMatchObject({
      'dueDate.$gte': '2026-11-01T00:00:00.000Z',
      'dueDate.$lt': '2026-12-01T00:00:00.000Z',
    });
    expect(sent.length).toBeLessThan(Math.ceil(stack.simulator.dataset.collections.payments.length / 100));
  });

  it('do not hide a 400 that is not about them', async () => {
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => url.pathname.endsWith('/payments'),
          () => upstreamError(400),
        ),
    });
    const result = await stack.query(PAYMENTS, { after: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UPSTREAM_BAD_REQUEST');
    // The read without them failed too: they were not the cause, so they are still sent.
    expect(stack.logs.some((l) => /refused optional filters/.test(l))).toBe(false);
  });

  it('keep a cursor working that was issued before they were refused', async () => {
    let refuse = false;
    const stack = createSecureStack({
      wrapFetch: (inner) =>
        failWhen(
          inner,
          (url) => refuse && url.searchParams.has('dueDate.$gte') && !url.searchParams.has('$next'),
          () => upstreamError(400),
        ),
    });
    const query = `query($after: String) {
      payments(dateField: DUE_DATE, dates: { from: "2026-10-01", to: "2026-11-30" }, first: 10, after: $after) {
        nodes { id } pageInfo { hasNextPage endCursor } } }`;
    type Page = { payments: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const first = (await stack.query(query, { after: null })).data as Page;
    // Another request meets a refusal: the client stops sending the filters...
    refuse = true;
    await stack.query(query, { after: null });
    refuse = false;
    expect(stack.logs.filter((l) => /refused optional filters/.test(l))).toHaveLength(1);
    // ...yet the first request's cursor, made with them, still reads on.
    const second = await stack.query(query, { after: first.payments.pageInfo.endCursor });
    expect(second.errors).toBeUndefined();
    const expected = stack.simulator.dataset.collections.payments
      .filter((p) => (p.dueDate ?? '').slice(0, 10) >= '2026-10-01' && (p.dueDate ?? '').slice(0, 10) <= '2026-11-30')
      .slice(10, 20)
      .map((p) => p._id);
    expect((second.data as Page).payments.nodes.map((n) => n.id)).toEqual(expected);
  });
});
