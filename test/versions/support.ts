import { V2_DEFAULT_SCOPE, type OfficeRnDApiVersion } from '../../src/officernd/v2.ts';
import { API_ROOT, API_V2_ROOT, SIMULATOR_ORIGIN } from '../../src/simulator/index.ts';
import { createTestStack, type TestStack, type TestStackOptions } from '../helpers.ts';

export const VERSIONS = ['v1', 'v2'] as const satisfies readonly OfficeRnDApiVersion[];

/** The client options that read the simulator's v1 or its Flex API (v2) with the scopes each asks for (§1). */
export function versionClient(version: OfficeRnDApiVersion): NonNullable<TestStackOptions['client']> {
  return version === 'v2'
    ? { apiUrl: `${SIMULATOR_ORIGIN}${API_V2_ROOT}`, scope: V2_DEFAULT_SCOPE }
    : { apiUrl: `${SIMULATOR_ORIGIN}${API_ROOT}` };
}

/** The test stack (simulator → client → gateway) over one API version of the same seeded simulator. */
export function createVersionStack(version: OfficeRnDApiVersion, options: TestStackOptions = {}): TestStack {
  return createTestStack({ ...options, client: { ...versionClient(version), ...options.client } });
}

/** The simulator's API calls since the last reset: path (organization-relative) and query. */
export function apiCalls(stack: TestStack): { path: string; query: Record<string, string> }[] {
  return stack.simulator.log
    .entries()
    .filter((e) => e.kind === 'api')
    .map((e) => ({ path: e.path.replace(/^\/api\/v[12]\/organizations\/[^/]+/, ''), query: e.query }));
}

/** Distinct non-empty strings. */
export const distinct = (values: readonly unknown[]): Set<string> =>
  new Set(values.filter((v): v is string => typeof v === 'string' && v !== ''));
