/**
 * The simulator in its own process, on a loopback port, so its CPU is not the gateway's: the bench measures the
 * gateway, never the simulator. Driven over IPC: set faults, count and reset the request log, close.
 */

import { createSimulator, generateDataset } from '../src/simulator/index.ts';
import type { FaultOptions, RequestLogFilter } from '../src/simulator/index.ts';

export interface SimServerOptions {
  seed: number;
  scale: number;
  now: string;
  latencyMs: number;
}

export type SimCommand =
  | { id: number; type: 'faults'; faults: FaultOptions }
  | { id: number; type: 'count'; filter: RequestLogFilter }
  | { id: number; type: 'reset' }
  | { id: number; type: 'entries' };

export interface SimReady {
  type: 'ready';
  apiUrl: string;
  tokenUrl: string;
  origin: string;
  org: string;
  rows: Record<string, number>;
}

const options = JSON.parse(process.argv[2] ?? '{}') as SimServerOptions;
// Every bench client asks for its own token: the token endpoint's 5/min limit (§1) is not what is measured.
const faultsOf = (latencyMs: number): FaultOptions => ({ latencyMs, tokenRateLimitPerMinute: Number.POSITIVE_INFINITY });

/** Freezes the data deeply: nothing changes it while served, and the simulator keeps frozen items' JSON text. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const dataset = deepFreeze(generateDataset({ seed: options.seed, scale: options.scale, now: new Date(options.now), org: 'demo' }));
const simulator = createSimulator({ dataset, seed: options.seed, now: new Date(options.now), faults: faultsOf(options.latencyMs) });
const listening = await simulator.listen(0, '127.0.0.1');
const send = (message: unknown): void => void process.send?.(message);

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
};
send(ready);
