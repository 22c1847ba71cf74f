import { describe, expect, it } from 'vitest';
import { LIST_COLLECTIONS } from '../../src/officernd/collections.ts';
import { toQueryParams } from '../../src/officernd/index.ts';
import { REPORT_NAMES, REPORTS } from '../../src/reports/registry.ts';

// The report table stays consistent with the client's filter table (collections.ts) and with itself.

const SAMPLE = { id: '0123456789abcdef01234567', boolean: true, text: 'x' } as const;

describe('report registry', () => {
  it('has the 20 reports of the connector, each list collection under its own name', () => {
    expect(REPORT_NAMES).toHaveLength(20);
    for (const collection of LIST_COLLECTIONS) expect(REPORTS[collection].source).toEqual({ kind: 'list', collection });
  });

  it.each(REPORT_NAMES)('%s: filters the client accepts, expandable fields and open maps among its columns, joins into reports', (name) => {
    const spec = REPORTS[name];
    if (spec.source.kind === 'list') {
      const collection = spec.source.collection;
      for (const [filter, { field, kind }] of Object.entries(spec.filters)) {
        expect(() => toQueryParams({ filters: [{ field, op: 'eq', value: SAMPLE[kind] }] }, collection), filter).not.toThrow();
      }
    }
    expect(new Set(spec.columns).size).toBe(spec.columns.length);
    for (const field of [...Object.keys(spec.expand), ...spec.openMaps]) expect(spec.columns).toContain(field);
    const joins = [...Object.values(spec.joins), ...Object.values(spec.expand).flatMap((e) => Object.values(e.joins ?? {}))];
    for (const join of joins) {
      expect(join.collections.length).toBeGreaterThan(0);
      for (const collection of join.collections) expect(LIST_COLLECTIONS).toContain(collection);
    }
  });
});
