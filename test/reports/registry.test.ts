import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LIST_COLLECTIONS } from '../../src/officernd/collections.ts';
import { toQueryParams } from '../../src/officernd/index.ts';
import { REPORT_NAMES, REPORTS } from '../../src/reports/registry.ts';

// The report table stays consistent with the client's filter table (collections.ts) and with itself.

const SAMPLE = { id: '0123456789abcdef01234567', boolean: true, string: 'x' } as const;

describe('report registry', () => {
  it('has the 20 reports of the connector, each list collection under its own name', () => {
    expect(REPORT_NAMES).toHaveLength(20);
    for (const collection of LIST_COLLECTIONS) expect(REPORTS[collection].source).toEqual({ kind: 'list', collection });
  });

  it.each(REPORT_NAMES)(
    '%s: filters the client accepts, expandable fields and open maps among its columns, joins into reports',
    (name) => {
      const spec = REPORTS[name];
      if (spec.source.kind === 'list') {
        const collection = spec.source.collection;
        for (const [filter, { field, kind, op, enum: values }] of Object.entries(spec.filters)) {
          const value = kind === 'enum' ? (Object.keys(values?.values ?? {})[0] as string) : SAMPLE[kind];
          expect(
            () => toQueryParams({ filters: [{ field, op: op ?? 'eq', value }] }, collection),
            filter,
          ).not.toThrow();
        }
      }
      expect(new Set(spec.columns).size).toBe(spec.columns.length);
      for (const field of [...Object.keys(spec.expand), ...spec.openMaps]) expect(spec.columns).toContain(field);
      const joins = [
        ...Object.values(spec.joins),
        ...Object.values(spec.expand).flatMap((e) => Object.values(e.joins ?? {})),
      ];
      for (const join of joins) {
        expect(join.collections.length).toBeGreaterThan(0);
        for (const collection of join.collections) expect(LIST_COLLECTIONS).toContain(collection);
      }
    },
  );
});

describe('README exports table', () => {
  it("lists each report's declared filters (with their accepted aliases)", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of REPORT_NAMES) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${name} |`));
      expect(row, name).toBeDefined();
      const cell = row?.split(' | ')[3] ?? '';
      const spec = REPORTS[name];
      const listed =
        name === 'credit-accounts' ? ['team', 'member'] : cell.split(', ').map((entry) => entry.split(' ')[0]);
      expect(listed, name).toEqual(Object.keys(spec.filters));
      for (const [filter, { aliases }] of Object.entries(spec.filters)) {
        for (const alias of aliases ?? []) expect(cell, `${name}.${filter}`).toContain(`${filter} (${alias})`);
      }
    }
  });
});
