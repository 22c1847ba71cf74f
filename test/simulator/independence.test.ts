import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../src/simulator');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('simulator independence (issue 12/13)', () => {
  it('imports nothing at runtime from the client (src/officernd): only wire types', () => {
    const offenders: string[] = [];
    for (const file of sources(ROOT)) {
      const text = readFileSync(file, 'utf8');
      // Every import statement, multi-line ones included.
      for (const match of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)) {
        const [statement, typeOnly, target] = match;
        if (target?.includes('/officernd/') && !typeOnly) offenders.push(`${relative(ROOT, file)}: ${statement}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the check itself sees a runtime import', () => {
    const sample = "import { COLLECTIONS } from '../officernd/collections.ts';";
    expect([...sample.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)';/gms)].map((m) => [m[1], m[2]])).toEqual([
      [undefined, '../officernd/collections.ts'],
    ]);
  });
});
