/**
 * The simulator in its own process, on a loopback port, so its CPU is not the gateway's: the bench measures the
 * gateway, never the simulator. Driven over IPC: set faults, count and reset the request log, close.
 */

import { createSimulator, generateDataset } from '../src/simulator/index.ts';
import type { FaultOptions, RequestLogFilter } from '../src/simulator/index.ts';
import { LIST_COLLECTIONS } from '../src/officernd/collections.ts';
import { createOccurrenceIndex } from '../src/simulator/occurrences.ts';

export interface SimServerOptions {
  seed: number;
  scale: number;
  now: string;
  latencyMs: number;
  /** Years of booking history (generateDataset `years`; default 1). */
  years?: number;
  /** Bookings per member, as a multiple of the default (generateDataset `bookingDensity`; default 1). */
  bookingDensity?: number;
  /** Days (`YYYY-MM-DD`, both included) whose bookings, by start, the ready message counts (`startsBetween`). */
  countStarts?: { from: string; to: string };
  /** Field selections (`$select`) a figure will ask for, made before serving as whole items' texts are. */
  selections?: { collection: string; select: readonly string[] }[];
}

export type SimCommand =
  | { id: number; type: 'faults'; faults: FaultOptions }
  | { id: number; type: 'count'; filter: RequestLogFilter }
  | { id: number; type: 'reset' }
  | { id: number; type: 'entries' }
  | { id: number; type: 'queries'; filter: RequestLogFilter }
  | { id: number; type: 'underWay'; at: number[] };

export interface SimReady {
  type: 'ready';
  apiUrl: string;
  tokenUrl: string;
  origin: string;
  org: string;
  rows: Record<string, number>;
  /** Bookings starting on the days of `countStarts`, when asked. */
  startsBetween?: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as SimServerOptions;
// Every bench client asks for its own token: the token endpoint's 5/min limit (§1) is not what is measured.
const faultsOf = (latencyMs: number): FaultOptions => ({
  latencyMs,
  tokenRateLimitPerMinute: Number.POSITIVE_INFINITY,
});

/** Freezes the data deeply: nothing changes it while served, and the simulator keeps frozen items' JSON text. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const dataset = deepFreeze(
  generateDataset({
    seed: options.seed,
    scale: options.scale,
    now: new Date(options.now),
    org: 'demo',
    ...(options.years !== undefined ? { years: options.years } : {}),
    ...(options.bookingDensity !== undefined ? { bookingDensity: options.bookingDensity } : {}),
  }),
);
const simulator = createSimulator({
  dataset,
  seed: options.seed,
  now: new Date(options.now),
  faults: faultsOf(options.latencyMs),
});
await warmJson();
const listening = await simulator.listen(0, '127.0.0.1');
const send = (message: unknown): void => void process.send?.(message);

/**
 * Reads every list once in-process before serving (and the field selections a figure will ask for), so each
 * (frozen) item's JSON text is made before any figure is measured: otherwise the first export over 100,000 bookings
 * paid for serialising them in the simulator, and the simulator, not the gateway, was part of what its rows/s
 * measured.
 */
async function warmJson(): Promise<void> {
  const form = new URLSearchParams({
    client_id: 'demo-client',
    client_secret: 'demo-secret',
    grant_type: 'client_credentials',
    scope: 'officernd.api.read',
  });
  const token = (await (await simulator.fetch(simulator.tokenUrl, { method: 'POST', body: form })).json()) as {
    access_token: string;
  };
  const headers = { authorization: `Bearer ${token.access_token}` };
  const reads = [
    ...LIST_COLLECTIONS.map((collection) => ({ collection, select: '' })),
    ...(options.selections ?? []).map(({ collection, select }) => ({
      collection,
      select: `&$select=${select.join(',')}`,
    })),
  ];
  for (const { collection, select } of reads) {
    let next: string | null = '';
    while (next !== null) {
      const query: string = (next === '' ? '$limit=100' : `$limit=100&$next=${encodeURIComponent(next)}`) + select;
      const answer: Response = await simulator.fetch(
        `${simulator.apiUrl}/organizations/${simulator.org}/${collection}?${query}`,
        { headers },
      );
      await answer.arrayBuffer();
      next = answer.headers.get('rnd-cursor-next');
    }
  }
  simulator.log.reset();
}

/** Bookings whose start (date-time or all-day date) falls on a day of `[from, to]`, counted here, where the data is. */
function startsBetween({ from, to }: { from: string; to: string }): number {
  return simulator.dataset.collections.bookings.filter((b) => {
    const start = (b.start?.dateTime ?? b.start?.date ?? '').slice(0, 10);
    return start >= from && start <= to;
  }).length;
}

/** The simulator's own model of the bookings' occurrences, made when first asked. */
let occurrences: ReturnType<typeof createOccurrenceIndex> | null = null;

/** Occurrences under way at each instant (ms): those overlapping `[at − 1 ms, at)`, by the simulator's model (§6.2). */
function underWay(at: readonly number[]): number[] {
  occurrences ??= createOccurrenceIndex(simulator.dataset.collections.bookings);
  const model = occurrences;
  return at.map((ms) => model.expand({ windowStart: ms - 1, windowEnd: ms, predicate: null, key: '' }).length);
}

process.on('message', (raw) => {
  const command = raw as SimCommand;
  switch (command.type) {
    case 'faults':
      simulator.setFaults({ tokenRateLimitPerMinute: Number.POSITIVE_INFINITY, ...command.faults });
      return send({ id: command.id, result: true });
    case 'count':
      return send({ id: command.id, result: simulator.log.count(command.filter) });
    case 'reset':
      simulator.log.reset();
      return send({ id: command.id, result: true });
    case 'entries':
      // Compact timeline for diagnostics: arrival (ms), collection, by-id or list, time spent answering.
      return send({
        id: command.id,
        result: simulator.log.entries().map((e) => [e.at, e.collection, e.id !== null, e.durationMs, e.kind]),
      });
    case 'queries': {
      // The query parameters of the requests a filter selects (what a figure reads from the calls, not just counts).
      const { kind, collection, id } = command.filter;
      return send({
        id: command.id,
        result: simulator.log
          .entries()
          .filter(
            (e) =>
              (kind === undefined || e.kind === kind) &&
              (collection === undefined || e.collection === collection) &&
              (id === undefined || (e.id !== null) === id),
          )
          .map((e) => e.query),
      });
    }
    case 'underWay':
      return send({ id: command.id, result: underWay(command.at) });
  }
});
process.on('disconnect', () => {
  void listening.close().finally(() => process.exit(0));
});

const ready: SimReady = {
  type: 'ready',
  apiUrl: listening.apiUrl,
  tokenUrl: listening.tokenUrl,
  origin: listening.origin,
  org: simulator.org,
  rows: Object.fromEntries(Object.entries(simulator.dataset.collections).map(([name, items]) => [name, items.length])),
  ...(options.countStarts ? { startsBetween: startsBetween(options.countStarts) } : {}),
};
send(ready);
