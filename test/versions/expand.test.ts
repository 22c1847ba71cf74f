import { describe, expect, it } from 'vitest';
import { parseCsv } from '../reports/support.ts';
import type { TestStack } from '../helpers.ts';
import { apiCalls, createVersionStack, VERSIONS } from './support.ts';

// Issue 12 / §2: an expandable field is named from the collection's declaration (officernd/collections.ts): over
// either version the rows are expanded from the field the (v1-named) data has, whichever name the caller uses, and
// v1 and v2 give the same rows.

const stacks = Object.fromEntries(VERSIONS.map((v) => [v, createVersionStack(v)])) as Record<string, TestStack>;

async function csv(stack: TestStack, path: string): Promise<{ status: number; rows: string[][]; text: string }> {
  const response = await stack.gateway.fetch(`http://gateway.test/reports/${path}`);
  const text = await response.text();
  return { status: response.status, rows: response.status === 200 ? parseCsv(text) : [], text };
}

describe.each(VERSIONS)('expand over %s', (version) => {
  const stack = stacks[version]!;

  it('payments: expand=lines and expand=invoiceLines are the same rows, with the line cells filled', async () => {
    const byV2Name = await csv(stack, 'payments.csv?expand=lines&limit=60');
    const byV1Name = await csv(stack, 'payments.csv?expand=invoiceLines&limit=60');
    expect(byV2Name.status).toBe(200);
    expect(byV2Name.rows).toEqual(byV1Name.rows);
    const header = byV2Name.rows[0]!;
    const description = header.indexOf('invoiceLines.description');
    expect(description).toBeGreaterThan(0);
    expect(byV2Name.rows.slice(1).every((row) => row[description] !== '')).toBe(true);
  });

  it('payments: expand=taxAmounts is vatAmounts; a joined column of an element is filled', async () => {
    const tax = await csv(stack, 'payments.csv?expand=taxAmounts&limit=30');
    expect(tax.rows).toEqual((await csv(stack, 'payments.csv?expand=vatAmounts&limit=30')).rows);
    expect(tax.rows.slice(1).some((row) => row[tax.rows[0]!.indexOf('vatAmounts.total')] !== '')).toBe(true);
    const joined = await csv(
      stack,
      'payments.csv?expand=lines&limit=40&columns=number,invoiceLines.total,invoiceLines.plan.name',
    );
    expect(joined.status).toBe(200);
    expect(joined.rows[0]).toEqual(['number', 'invoiceLines.total', 'invoiceLines.plan.name']);
    expect(joined.rows.slice(1).some((row) => row[2] !== '')).toBe(true);
  });

  it('a name that is no expandable field is a 400 naming the fields (inherited names too)', async () => {
    for (const name of ['linez', 'constructor']) {
      const answer = await csv(stack, `payments.csv?expand=${name}`);
      expect(answer.status).toBe(400);
      expect(answer.text).toContain('expandable fields are invoiceLines, allocations, vatAmounts, charges');
    }
  });
});

describe('expanded rows over v1 and v2', () => {
  it.each([
    'payments.csv?expand=lines&limit=80',
    'bookings.csv?expand=members&limit=80&columns=_id,summary,canceled,members',
    'bookings.csv?expand=fees&limit=50&columns=_id,fees.date,fees.fee.name',
  ])('%s: the same rows', async (path) => {
    const [v1, v2] = await Promise.all(VERSIONS.map((v) => csv(stacks[v]!, path)));
    expect(v1!.status).toBe(200);
    expect(v2!.rows).toEqual(v1!.rows);
    expect(v2!.rows.length).toBeGreaterThan(1);
  });

  it('over v2, the joined plans of 80 payments with their lines take ⌈ids / 50⌉ calls or one walk', async () => {
    const stack = stacks.v2!;
    stack.simulator.log.reset();
    const answer = await csv(stack, 'payments.csv?expand=lines&limit=80&columns=number,invoiceLines.membership.name');
    expect(answer.status).toBe(200);
    const calls = apiCalls(stack);
    const memberships = calls.filter((c) => c.path === '/memberships');
    expect(memberships.length).toBeGreaterThan(0);
    expect(
      memberships.every((c) => c.query['_id[$in]'] === undefined || c.query['_id[$in]'].split(',').length <= 50),
    ).toBe(true);
    expect(calls.some((c) => /^\/memberships\/[0-9a-f]{24}$/.test(c.path))).toBe(false);
  });
});
