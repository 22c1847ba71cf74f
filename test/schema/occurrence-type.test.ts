import { describe, expect, it } from 'vitest';
import { enumValueName } from '../../src/officernd/enums.ts';
import { createTestStack, testDataset, type TestStack } from '../helpers.ts';
import { createVersionStack } from '../versions/support.ts';

// An occurrence has no `type` of its own (§6.2): `type` selects occurrences by the kind of their resource (§6.17).
// The gateway checks that itself on every row, through the resources, in both front ends; OfficeRnD is still sent the
// filter, which only saves pages. The expected rows are worked out here from the dataset's resources.

const data = testDataset();
const kindOf = new Map(
  (data.collections.resources as unknown as { _id: string; type?: string }[]).map((r) => [r._id, r.type ?? null]),
);
/** The pages of one walk of the resources: 100 a page on v1, 50 on v2 (§3). */
const resourcePages = (pageSize: number): number => Math.ceil(kindOf.size / pageSize);
const WINDOW = { from: '2026-11-01', to: '2026-11-30' };

const stacks: [string, TestStack, number][] = [
  ['v1, v1Filters=documented', createTestStack({ simulator: { v1Filters: 'documented' } }), resourcePages(100)],
  ['v1, v1Filters=strict', createTestStack({ simulator: { v1Filters: 'strict' } }), resourcePages(100)],
  ['v1, v1Filters=all', createTestStack({ simulator: { v1Filters: 'all' } }), resourcePages(100)],
  ['v2', createVersionStack('v2'), resourcePages(50)],
];

interface Node {
  id: string;
  resource: { id: string } | null;
}

async function graphqlNodes(stack: TestStack, filter: string): Promise<Node[]> {
  type Page = { nodes: Node[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
  const out: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: { list: Page }; errors?: unknown } = await stack.query<{ list: Page }>(
      `query($after: String) { list: bookingOccurrences(dates: { from: "${WINDOW.from}", to: "${WINDOW.to}" }${filter}, first: 1000, after: $after) { nodes { id resource { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    expect(result.errors, `bookingOccurrences(${filter})`).toBeUndefined();
    const list = result.data?.list as Page;
    out.push(...list.nodes);
    if (!list.pageInfo.hasNextPage) return out;
    after = list.pageInfo.endCursor;
  }
}

interface ExportRow {
  _id: string;
  'start.dateTime': string | null;
  resourceId: string | null;
}

async function exportRows(stack: TestStack, filter: string): Promise<ExportRow[]> {
  const response = await stack.gateway.fetch(
    `http://gateway.test/reports/booking-occurrences.ndjson?from=${WINDOW.from}&to=${WINDOW.to}&columns=_id,start.dateTime,resourceId${filter}`,
  );
  const body = await response.text();
  expect(response.status, body.slice(0, 200)).toBe(200);
  return body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ExportRow);
}

/** The same rows through `report(name: BOOKING_OCCURRENCES, filters: …)`, every page. */
async function reportRows(stack: TestStack, filters: Record<string, unknown>): Promise<ExportRow[]> {
  type Page = { records: ExportRow[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
  const out: ExportRow[] = [];
  let after: string | null = null;
  for (;;) {
    const result: { data?: { report: Page }; errors?: unknown } = await stack.query<{ report: Page }>(
      `query($filters: JSON, $after: String) { report(name: BOOKING_OCCURRENCES, dates: { from: "${WINDOW.from}", to: "${WINDOW.to}" }, columns: ["_id", "start.dateTime", "resourceId"], filters: $filters, first: 1000, after: $after) { records pageInfo { hasNextPage endCursor } } }`,
      { filters, after },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const page = result.data?.report as Page;
    out.push(...page.records);
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

describe.each(stacks)('bookingOccurrences and the export filtered by resource kind (%s)', (_name, stack, pages) => {
  it.each(['meeting_room', 'desk'])('type=%s keeps exactly the occurrences of resources of that kind', async (kind) => {
    const all = await graphqlNodes(stack, '');
    const want = all.filter((n) => n.resource !== null && kindOf.get(n.resource.id) === kind).map((n) => n.id);
    expect(want.length, `occurrences of ${kind} resources in November`).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(all.length);

    stack.simulator.log.reset();
    const got = await graphqlNodes(stack, `, type: ${enumValueName(kind)}`);
    expect(got.map((n) => n.id)).toEqual(want);
    // The resources are read once for the check (a walk of their pages), never one by one.
    const resourceReads = stack.apiCalls({ collection: 'resources' });
    expect(resourceReads).toBeGreaterThan(0);
    expect(resourceReads).toBeLessThanOrEqual(pages);
    expect(stack.apiCalls({ collection: 'resources', id: true })).toBe(0);

    const rows = await exportRows(stack, '');
    const wantRows = rows.filter((r) => r.resourceId !== null && kindOf.get(r.resourceId) === kind);
    expect(wantRows.length).toBe(want.length);
    for (const text of [kind, enumValueName(kind)]) {
      stack.simulator.log.reset();
      expect(await exportRows(stack, `&type=${text}`)).toEqual(wantRows);
      expect(stack.apiCalls({ collection: 'resources' })).toBeLessThanOrEqual(pages);
      expect(stack.apiCalls({ collection: 'resources', id: true })).toBe(0);
    }
    expect(await reportRows(stack, { type: kind })).toEqual(wantRows);
  });

  it('typeIn keeps the occurrences of resources of any of the kinds', async () => {
    const kinds = new Set(['meeting_room', 'desk']);
    const all = await graphqlNodes(stack, '');
    const want = all.filter((n) => n.resource !== null && kinds.has(kindOf.get(n.resource.id) ?? '')).map((n) => n.id);
    expect(want.length).toBeGreaterThan(0);
    const got = await graphqlNodes(stack, ', typeIn: [MEETING_ROOM, DESK]');
    expect(got.map((n) => n.id)).toEqual(want);
    const rows = await exportRows(stack, '');
    const wantRows = rows.filter((r) => r.resourceId !== null && kinds.has(kindOf.get(r.resourceId) ?? ''));
    expect(await exportRows(stack, '&type=meeting_room,desk')).toEqual(wantRows);
  });
});
