import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import graph of src/, read from the source text: no cycles among value imports, and imports point one way
// (README "Architecture"): server → gateway → schema/reports → core/loaders → officernd; dates/ pure.

const SRC = resolve(import.meta.dirname, '../../src');
const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

const graph = new Map<string, Edge[]>();
for (const file of files(SRC)) {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[3] as string;
    edges.push({ to: relative(SRC, resolve(dirname(file), spec)), typeOnly: match[2] !== undefined });
  }
  graph.set(relative(SRC, file), edges);
}

const layer = (file: string): string =>
  file.includes('/') ? (file.split('/')[0] as string) : file.replace(/\.ts$/, '');

/** What each layer may import (besides itself); anything else points the wrong way. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  // secrets.ts is a leaf (every spelling of a secret, for scrubbing) shared by the client and the logger.
  officernd: ['secrets'],
  dates: ['officernd'],
  core: ['officernd', 'dates'],
  loaders: ['officernd', 'core'],
  security: ['officernd', 'core', 'config', 'logger'],
  reports: ['officernd', 'dates', 'core', 'loaders', 'context', 'config', 'logger', 'security'],
  schema: ['officernd', 'dates', 'core', 'loaders', 'reports', 'context', 'builder', 'config', 'logger'],
};

describe('import graph of src/', () => {
  it('reads every module', () => {
    expect(graph.size).toBeGreaterThan(50);
    for (const edges of graph.values()) for (const edge of edges) expect(graph.has(edge.to), edge.to).toBe(true);
  });

  it('has no cycle of value imports', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const { to, typeOnly } of graph.get(file) ?? []) {
        if (typeOnly) continue;
        if (state.get(to) === 'open') cycles.push([...stack.slice(stack.indexOf(to)), to].join(' → '));
        else if (!state.has(to)) visit(to);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of graph.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps the simulator its own model of OfficeRnD: it shares wire types with the client and nothing else', () => {
    const shared: string[] = [];
    for (const [file, edges] of graph) {
      if (layer(file) !== 'simulator') continue;
      for (const { to } of edges)
        if (layer(to) !== 'simulator' && to !== 'officernd/types.ts') shared.push(`${file} → ${to}`);
    }
    expect(shared).toEqual([]);
  });

  it('points one way between layers', () => {
    const wrong: string[] = [];
    for (const [file, edges] of graph) {
      const from = layer(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      for (const { to } of edges) {
        const target = layer(to);
        if (target !== from && !allowed.includes(target)) wrong.push(`${file} → ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
