import { createOfficeRnDClient, type OfficeRnDClient, type OfficeRnDClientOptions } from '../src/officernd/index.ts';
import type { Simulator } from '../src/simulator/index.ts';

/** A client of a simulator with its demo credentials; `extra` overrides any option (fetch, retry, logger …). */
export function demoClient(
  sim: Pick<Simulator, 'apiUrl' | 'tokenUrl' | 'org' | 'fetch'>,
  extra: Partial<OfficeRnDClientOptions> = {},
): OfficeRnDClient {
  return createOfficeRnDClient({
    apiUrl: sim.apiUrl,
    tokenUrl: sim.tokenUrl,
    org: sim.org,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    scope: 'officernd.api.read',
    fetch: sim.fetch,
    ...extra,
  });
}
