/** What /metrics says of the shared state: whether Redis is in use right now, and how many replicas share it. */

import { Gauge, type Registry } from 'prom-client';
import type { SharedState } from './index.ts';

/** Adds the shared-state gauges to the gateway's registry (read at each scrape). */
export function registerSharedStateMetrics(registry: Registry, state: Pick<SharedState, 'status'>): void {
  new Gauge({
    name: 'officernd_gateway_shared_state_up',
    help: '1 while this replica uses the state shared in Redis (token, budget, caches, events); 0 while Redis is away and it serves with local state',
    registers: [registry],
    collect() {
      this.set(state.status().redis === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'officernd_gateway_replicas',
    help: 'Gateway replicas seen in the last Redis heartbeats (this one included); the local share of the upstream budget divides by it while Redis is away',
    registers: [registry],
    collect() {
      this.set(state.status().replicas);
    },
  });
}
