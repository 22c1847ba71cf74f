import { describe, expect, it } from 'vitest';
import { createSecureStack, type SecureStack } from '../security/stack.ts';

// v1 `$populate` (shared/officernd-api.md §2, §4) remembered per reference: an OfficeRnD that populates `member` but
// leaves `team` a bare id (simulator `v1Unpopulated`) switches off `team` alone. The export's `team.name` is joined by
// calls from then on while `member.name` keeps riding on the bookings pages (no members call), the rows are exact,
// and the operator is told once, naming the reference. Counts only.

type Row = { _id: string; 'member.name': string | null; 'team.name': string | null };
const PATH = '/reports/bookings.ndjson?columns=_id,member.name,team.name';
const WARNING =
  'officernd ignored $populate of a reference; joined columns through it are read by extra calls from now on';

function stackOf(): SecureStack {
  return createSecureStack({ simulator: { v1Unpopulated: ['team'] }, logLevel: 'info' });
}

async function exported(stack: SecureStack, path = PATH): Promise<Row[]> {
  const answer = await stack.request(path);
  expect(answer.status).toBe(200);
  expect(answer.text).not.toContain('#ERROR');
  return answer.text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}

/** Every booking with its member's and team's names, as the simulator holds them. */
function expectedRows(stack: SecureStack): Row[] {
  const { bookings, members, teams } = stack.simulator.dataset.collections;
  const names = new Map([...members, ...teams].map((o) => [o._id, o.name ?? null]));
  return bookings.map((b) => ({
    _id: b._id,
    'member.name': (b.member ? names.get(b.member) : null) ?? null,
    'team.name': (b.team ? names.get(b.team) : null) ?? null,
  }));
}

const byId = (rows: readonly Row[]): Row[] => [...rows].sort((a, b) => (a._id < b._id ? -1 : 1));
const calls = (stack: SecureStack, collection: string) => stack.simulator.log.count({ kind: 'api', collection });
/** The `$populate` each bookings list call sent ('' for none). */
const populateSent = (stack: SecureStack): string[] =>
  stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api' && e.collection === 'bookings' && e.id === null)
    .map((e) => e.query.$populate ?? '');
const warnings = (stack: SecureStack) =>
  stack.logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((l) => String(l.msg).includes('$populate'));

describe('an export with two populated columns when OfficeRnD leaves one reference bare', () => {
  it('switches off that reference alone: the other stays populated, rows exact, one warning naming it', async () => {
    const stack = stackOf();
    const expected = byId(expectedRows(stack));
    expect(expected.filter((row) => row['team.name'] !== null).length).toBeGreaterThan(10);
    expect(expected.filter((row) => row['member.name'] !== null).length).toBeGreaterThan(10);

    // First export: both asked for; `team` comes back bare on the first page and is joined by calls.
    const first = await exported(stack);
    expect(byId(first)).toEqual(expected);
    // The first page asks for both (pages read after it was learnt may ask for `member` alone).
    expect(populateSent(stack)[0]).toBe('member.name,team.name');
    expect(populateSent(stack).every((sent) => ['member.name,team.name', 'member.name'].includes(sent))).toBe(true);
    expect(calls(stack, 'members')).toBe(0);
    expect(calls(stack, 'teams')).toBeGreaterThan(0);
    expect(warnings(stack)).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: WARNING,
        collection: 'bookings',
        reference: 'team',
        populate: 'team.name',
      }),
    ]);

    // Remembered: the next export asks for `member` alone, still no members call, the same rows, no new warning.
    stack.simulator.log.reset();
    const second = await exported(stack);
    expect(byId(second)).toEqual(expected);
    const sent = populateSent(stack);
    expect(sent.length).toBe(Math.ceil(expected.length / 100));
    expect(new Set(sent)).toEqual(new Set(['member.name']));
    expect(calls(stack, 'members')).toBe(0);
    expect(calls(stack, 'teams')).toBeGreaterThan(0);
    expect(warnings(stack)).toHaveLength(1);

    // A report of `team.name` alone sends no `$populate` at all.
    stack.simulator.log.reset();
    const teamsOnly = await exported(stack, '/reports/bookings.ndjson?columns=_id,team.name');
    expect(byId(teamsOnly)).toEqual(expected.map((row) => ({ _id: row._id, 'team.name': row['team.name'] })));
    expect(new Set(populateSent(stack))).toEqual(new Set(['']));
  });

  it('keeps both populated when OfficeRnD populates both: no join calls, no warning', async () => {
    const stack = createSecureStack({ logLevel: 'info' });
    const rows = await exported(stack);
    expect(byId(rows)).toEqual(byId(expectedRows(stack)));
    expect(new Set(populateSent(stack))).toEqual(new Set(['member.name,team.name']));
    expect(calls(stack, 'members') + calls(stack, 'teams')).toBe(0);
    expect(warnings(stack)).toEqual([]);
  });
});
