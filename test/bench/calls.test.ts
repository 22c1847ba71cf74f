import { describe, expect, it } from 'vitest';
import { measureCalls } from '../../bench/calls.ts';
import { readSettings } from '../../bench/settings.ts';

// Figure 1 of `npm run bench` is a count, not a timing: it can be asserted. The bench's own model of the lower bound
// (bench/plans.ts, computed from the dataset) and the gateway's plan (counted in the simulator's request log) are
// written separately, so this fails when either drifts, and keeps the bench itself from rotting.

describe('bench figure 1: upstream calls of the canonical queries', () => {
  it('equal the lower bound for every canonical query, far below one call per reference', async () => {
    const { figures } = await measureCalls(readSettings(['--quick', '--only=calls']));
    expect(figures.map((f) => f.name)).toEqual(['dashboard', 'memberships', 'payments', 'two-paths']);
    for (const figure of figures) {
      const bound = figure.references.find((r) => r.label === 'bound')?.value;
      const naive = figure.references.find((r) => r.label === 'naive')?.value ?? 0;
      expect({ query: figure.name, calls: figure.measured }).toEqual({ query: figure.name, calls: bound });
      expect(figure.pass).toBe(true);
      expect(figure.measured * 5).toBeLessThan(naive);
    }
  }, 60_000);
});
