import { writeFile } from 'node:fs/promises';

// One table for the whole run, and the same figures as JSON (bench/results.json).

/** One measured figure beside the references it is judged against. */
export interface Figure {
  section: string;
  name: string;
  measured: number;
  unit: string;
  /** The references measured or computed in the same run; the first is the one `ratio` divides by. */
  references: { label: string; value: number; unit?: string }[];
  /** measured / first reference (or the inverse, as `ratioOf` says). */
  ratio: number | null;
  ratioOf: string;
  target: string;
  /** null when the figure has no target (informational). */
  pass: boolean | null;
  note?: string;
  /** Raw numbers behind the figure (samples, breakdowns). */
  detail?: Record<string, unknown>;
}

const fmt = (value: number, unit = ''): string => {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const text =
    Number.isInteger(value) || abs >= 1000
      ? Math.round(value).toLocaleString('en-US')
      : abs >= 100
        ? value.toFixed(0)
        : abs >= 10
          ? value.toFixed(1)
          : value.toFixed(2);
  return unit ? `${text} ${unit}` : text;
};

/** Formats the figures as one fixed-width table. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['section', 'figure', 'measured', 'references', 'ratio', 'target', 'ok'];
  const rows = figures.map((f) => [
    f.section,
    f.name,
    fmt(f.measured, f.unit),
    f.references.map((r) => `${r.label} ${fmt(r.value, r.unit ?? f.unit)}`).join('; '),
    f.ratio === null ? '' : `${f.ratio.toFixed(2)}x ${f.ratioOf}`,
    f.target,
    f.pass === null ? '-' : f.pass ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join(' | ')
      .trimEnd();
  const notes = figures.filter((f) => f.note).map((f) => `  [${f.section} ${f.name}] ${f.note}`);
  return [
    line(header),
    widths.map((w) => '-'.repeat(w)).join('-|-'),
    ...rows.map(line),
    ...(notes.length ? ['', 'notes:', ...notes] : []),
  ].join('\n');
}

/** Writes the run's settings and figures as JSON. */
export async function writeResults(
  path: string,
  meta: Record<string, unknown>,
  figures: readonly Figure[],
): Promise<void> {
  await writeFile(path, `${JSON.stringify({ meta, figures }, null, 2)}\n`);
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The p-quantile (0..1) by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}
